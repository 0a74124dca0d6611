import type { Clock } from '../../clock.js';
import type { BucketPolicy, RateLimitConfig } from '../../config/rate-limit.js';
import type { Orm } from '../../db/orm.js';
import { TokenBucketStore, type BucketResult } from './token-bucket.store.js';

/** The limits, by the name clients see in RateLimit-Policy and `extensions.policy`. */
export const POLICIES = {
  'api-key': 'apiKey',
  organization: 'organization',
  anonymous: 'anonymous',
  'sign-up': 'signUp',
  'sign-in': 'signIn',
} as const satisfies Record<string, keyof RateLimitConfig>;
export type PolicyName = keyof typeof POLICIES;

/** Who a request counts against: an API key (and its organization), a session's organization, or its address. */
export type Caller =
  { kind: 'apiKey'; apiKeyId: string; organizationId: string } | { kind: 'session'; organizationId: string } | null;

export interface BucketOutcome {
  policy: PolicyName;
  capacity: number;
  windowSeconds: number;
  /** Requests left now. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
}

export interface RateLimitDecision {
  buckets: BucketOutcome[];
  /** The first empty bucket, if any: the request is refused. */
  refused: { policy: PolicyName; retryAfterSeconds: number } | null;
}

/** Token buckets shared by every instance through PostgreSQL: one statement per request. */
export class RateLimitService {
  readonly #store: TokenBucketStore;

  constructor(
    orm: Orm,
    private readonly clock: Clock,
    private readonly config: RateLimitConfig,
  ) {
    this.#store = new TokenBucketStore(orm);
  }

  /** An API call: per API key and organization, or per client address when anonymous. */
  takeForCall(caller: Caller, address: string): Promise<RateLimitDecision> {
    if (caller === null) return this.take([['anonymous', address]]);
    const organization: [PolicyName, string] = ['organization', caller.organizationId];
    return this.take(caller.kind === 'apiKey' ? [['api-key', caller.apiKeyId], organization] : [organization]);
  }

  /** Takes one request from each bucket (policy, subject), in order, stopping at the first that is empty. */
  async take(buckets: ReadonlyArray<readonly [PolicyName, string]>): Promise<RateLimitDecision> {
    const now = this.clock.now();
    const policies = buckets.map(([name, subject]) => ({ name, subject, ...this.#policy(name) }));
    const results = await this.#store.take(
      policies.map((policy) => ({
        key: `${policy.name}:${policy.subject}`,
        capacity: policy.capacity,
        emissionMs: emissionMsOf(policy),
      })),
      now,
    );
    const refusedAt = results.findIndex((result) => result.grantedTat === null);
    return {
      buckets: policies.map((policy, index) => bucketOutcome(policy, results[index]!, now)),
      refused:
        refusedAt < 0
          ? null
          : {
              policy: policies[refusedAt]!.name,
              retryAfterSeconds: retryAfter(policies[refusedAt]!, results[refusedAt]!, now),
            },
    };
  }

  #policy(name: PolicyName): BucketPolicy {
    return this.config[POLICIES[name]];
  }
}

function emissionMsOf(policy: BucketPolicy): number {
  return (policy.windowSeconds * 1000) / policy.capacity;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/** What is left of a bucket: after this request, or as it stands when the request did not take from it. */
function bucketOutcome(policy: BucketPolicy & { name: PolicyName }, result: BucketResult, now: Date): BucketOutcome {
  const emissionMs = emissionMsOf(policy);
  const tat = result.grantedTat ?? result.currentTat;
  const ahead = Math.min(policy.capacity * emissionMs, Math.max(0, (tat?.getTime() ?? now.getTime()) - now.getTime()));
  const remaining = Math.max(0, Math.floor((policy.capacity * emissionMs - ahead) / emissionMs));
  return {
    policy: policy.name,
    capacity: policy.capacity,
    windowSeconds: policy.windowSeconds,
    remaining,
    resetSeconds: seconds(ahead),
  };
}

/** A refused bucket has room again once its time is less than capacity − 1 intervals ahead of now. */
function retryAfter(policy: BucketPolicy, result: BucketResult, now: Date): number {
  const emissionMs = emissionMsOf(policy);
  const ahead = (result.currentTat?.getTime() ?? now.getTime() + policy.capacity * emissionMs) - now.getTime();
  return Math.max(1, seconds(ahead - (policy.capacity - 1) * emissionMs));
}
