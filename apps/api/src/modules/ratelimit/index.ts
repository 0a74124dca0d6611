/**
 * Rate limits (issue 10): token buckets in PostgreSQL shared by every instance, per API key, per
 * organization, per client address for anonymous calls, and for sign-up and sign-in. The HTTP app
 * mounts `rateLimitCalls` in front of the API's routes; accounts takes the sign-up and sign-in buckets.
 */
import type { CoreDeps, ModuleDefinition } from '../module.js';
import { Migration20261202150100RateLimit } from './migrations/Migration20261202150100RateLimit.js';
import { RateLimitService } from './rate-limit.service.js';

export { RateLimitError } from './rate-limit.errors.js';
export { enforceRateLimit, rateLimitCalls } from './rate-limit.http.js';
export type { Caller, RateLimitDecision, RateLimitService } from './rate-limit.service.js';

export interface RateLimitServices {
  rateLimits: RateLimitService;
}

/** Its part of the registry (modules/index.ts). */
export const rateLimitModule: ModuleDefinition<CoreDeps, RateLimitServices> = {
  name: 'ratelimit',
  entities: [],
  resolvers: [],
  migrations: [{ name: 'Migration20261202150100RateLimit', class: Migration20261202150100RateLimit }],
  create: ({ orm, clock, config }) => ({ rateLimits: new RateLimitService(orm, clock, config.rateLimits) }),
};
