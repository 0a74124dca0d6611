import type { AccountsServices } from './modules/accounts/index.js';
import type { AttributionServices } from './modules/attribution/index.js';
import type { BillingServices } from './modules/billing/index.js';
import type { EntitlementsServices } from './modules/entitlements/index.js';
import { API_MODULES, type AppInputs } from './modules/index.js';
import type { MailService } from './modules/mail/index.js';
import type { RateLimitServices } from './modules/ratelimit/index.js';
import { createModuleServices } from './modules/module.js';

/** Every module's services, built once per app and handed to resolvers through the GraphQL context. */
export interface Services extends AccountsServices, EntitlementsServices, BillingServices, RateLimitServices {
  attribution: AttributionServices;
  mail: MailService;
}

/** One loop over the registry (modules/index.ts), in its dependency order. */
export function createServices(deps: AppInputs): Services {
  return createModuleServices(API_MODULES, deps);
}
