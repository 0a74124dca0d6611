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

/**
 * Requests a busy bucket's lease may hold: a hundredth of its capacity, at most 64. Buckets under 200
 * (sign-in, sign-up, small plans) never lease, so they stay exact to the request across instances.
 */
const MAX_LEASE_SHARE = 100;
const MAX_LEASE = 64;
/** A lease is spent within this time or dropped: unused requests it held are lost to the caller. */
const LEASE_MS = 1000;
const MAX_LEASED_KEYS = 10_000;

/**
 * Requests this instance took from a bucket in one statement and hands out itself. A caller sending
 * more than one request a second gets the next lease sized to what it used of the last, so a busy key
 * costs one statement per lease instead of one per request, while an idle or slow one takes one at a time.
 */
interface Lease {
  left: number;
  used: number;
  until: number;
  /** The bucket as the database left it when the lease was taken: what is left beyond the lease. */
  outcome: BucketOutcome;
}

interface PolicyTake extends BucketPolicy {
  name: PolicyName;
  key: string;
}

/** Token buckets shared by every instance through PostgreSQL: at most one statement per request. */
export class RateLimitService {
  readonly #store: TokenBucketStore;
  readonly #leases = new Map<string, Lease>();

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
    const policies: PolicyTake[] = buckets.map(([name, subject]) => ({
      name,
      key: `${name}:${subject}`,
      ...this.#policy(name),
    }));
    const fromLease = policies.map((policy) => this.#takeFromLease(policy.key, now.getTime()));
    const fromDatabase = policies.filter((_, index) => fromLease[index] === null);
    if (fromDatabase.length === 0) return { buckets: fromLease as BucketOutcome[], refused: null };

    let costs = fromDatabase.map((policy) => this.#leaseSize(policy, now.getTime()));
    let results = await this.#store.take(this.#takes(fromDatabase, costs), now);
    if (results.some((result, index) => result.grantedTat === null && costs[index]! > 1)) {
      // No room for a whole lease: near its limit a bucket is taken from one request at a time.
      costs = costs.map(() => 1);
      results = await this.#store.take(this.#takes(fromDatabase, costs), now);
    }
    const refusedAt = results.findIndex((result) => result.grantedTat === null);
    const outcomes = fromDatabase.map((policy, index) => bucketOutcome(policy, results[index]!, now));
    if (refusedAt >= 0) {
      policies.forEach((policy, index) => {
        if (fromLease[index]) this.#giveBack(policy.key);
      });
    } else {
      fromDatabase.forEach((policy, index) =>
        this.#grantLease(policy.key, costs[index]!, outcomes[index]!, now.getTime()),
      );
    }
    let next = 0;
    return {
      buckets: fromLease.map((outcome) => outcome ?? this.#withLease(fromDatabase[next]!.key, outcomes[next++]!)),
      refused:
        refusedAt < 0
          ? null
          : {
              policy: fromDatabase[refusedAt]!.name,
              retryAfterSeconds: retryAfter(fromDatabase[refusedAt]!, results[refusedAt]!, now),
            },
    };
  }

  #takes(policies: PolicyTake[], costs: number[]) {
    return policies.map((policy, index) => ({
      key: policy.key,
      capacity: policy.capacity,
      emissionMs: emissionMsOf(policy),
      cost: costs[index]!,
    }));
  }

  #takeFromLease(key: string, now: number): BucketOutcome | null {
    const lease = this.#leases.get(key);
    if (!lease || lease.left === 0 || lease.until <= now) return null;
    lease.left -= 1;
    lease.used += 1;
    return { ...lease.outcome, remaining: lease.outcome.remaining + lease.left };
  }

  #giveBack(key: string): void {
    const lease = this.#leases.get(key);
    if (lease) {
      lease.left += 1;
      lease.used -= 1;
    }
  }

  /** One request, unless the key spent a lease (or a single request) within the last LEASE_MS. */
  #leaseSize(policy: PolicyTake, now: number): number {
    const largest = Math.min(MAX_LEASE, Math.floor(policy.capacity / MAX_LEASE_SHARE));
    const lease = this.#leases.get(policy.key);
    if (largest <= 1 || !lease || lease.until <= now) return 1;
    return Math.max(1, Math.min(largest, lease.used * 2));
  }

  /**
   * The request being answered takes one of the `cost` just taken; the rest wait here for the next ones.
   * Requests that found the lease empty at once each took one: their remainders add up, none is dropped.
   */
  #grantLease(key: string, cost: number, outcome: BucketOutcome, now: number): void {
    if (this.#leases.size >= MAX_LEASED_KEYS) this.#dropExpired(now);
    const live = this.#leases.get(key);
    const left = cost - 1 + (live && live.until > now ? live.left : 0);
    const used = 1 + (live && live.until > now ? live.used : 0);
    this.#leases.delete(key);
    this.#leases.set(key, { left, used, until: now + LEASE_MS, outcome });
  }

  #withLease(key: string, outcome: BucketOutcome): BucketOutcome {
    const left = this.#leases.get(key)?.left ?? 0;
    return { ...outcome, remaining: outcome.remaining + left };
  }

  #dropExpired(now: number): void {
    for (const [key, lease] of this.#leases) if (lease.until <= now) this.#leases.delete(key);
    // Still full of live leases: the oldest go (a Map iterates in insertion order).
    for (const key of this.#leases.keys()) {
      if (this.#leases.size < MAX_LEASED_KEYS) break;
      this.#leases.delete(key);
    }
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
