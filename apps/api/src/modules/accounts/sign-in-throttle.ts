import type { Clock } from '../../clock.js';
import type { AuthConfig } from '../../config/auth.js';
import type { Orm } from '../../db/orm.js';
import { AccountsError } from './accounts.errors.js';
import { sql } from '../../db/sql.js';

/** The longest refusal, however many failures: an owner signing in from a new address waits at most this. */
const MAX_LOCKOUT_SECONDS = 3600;

/**
 * Every attempt takes a failure from two buckets in one upsert before the password is checked, so
 * concurrent attempts (on any instance) cannot pass the limit; a correct password gives them back.
 * Buckets: the email, but a separate one per address the email signed in from before (so failures
 * from elsewhere never lock the owner out at home), and the client address, whatever the email.
 * Once a bucket reaches its limit each further failure refuses attempts for longer: the lockout,
 * doubled per failure, up to an hour. Failures are forgotten a day after the last one.
 */
const CLAIM_SQL = `
with known as (
  select exists (select 1 from sign_in_known_address where email = ? and address = ?) as known
), bucket (key, max_failures) as (
  select case when known then ? else ? end, ?::integer from known
  union all
  select ?, ?::integer
)
insert into sign_in_throttle as t (key, max_failures, failures, blocked_until, last_failure_at, allowed)
select key, max_failures, 1,
       case when max_failures <= 1 then ?::timestamptz + make_interval(secs => ?) end,
       ?::timestamptz, true
from bucket
on conflict (key) do update set
  allowed = t.blocked_until is null or t.blocked_until <= excluded.last_failure_at,
  failures = case
    when t.blocked_until > excluded.last_failure_at then t.failures
    when t.last_failure_at < excluded.last_failure_at - interval '1 day' then 1
    else t.failures + 1 end,
  blocked_until = case
    when t.blocked_until > excluded.last_failure_at then t.blocked_until
    when t.last_failure_at < excluded.last_failure_at - interval '1 day' then excluded.blocked_until
    when t.failures + 1 >= excluded.max_failures then excluded.last_failure_at
      + make_interval(secs => least(? * power(2, t.failures + 1 - excluded.max_failures), ?))
    end,
  last_failure_at = case
    when t.blocked_until > excluded.last_failure_at then t.last_failure_at
    else excluded.last_failure_at end,
  max_failures = excluded.max_failures
returning key, allowed, blocked_until`;

/** A correct password: the email's buckets empty, the address's failure is given back, the address is known. */
const SUCCESS_SQL = `
with cleared as (
  delete from sign_in_throttle where key in (?, ?)
), refunded as (
  update sign_in_throttle
     set failures = greatest(failures - 1, 0),
         blocked_until = case when failures - 1 < max_failures then null else blocked_until end
   where key = ?
)
insert into sign_in_known_address (email, address, last_signed_in_at) values (?, ?, ?)
on conflict (email, address) do update set last_signed_in_at = excluded.last_signed_in_at`;

const KNOWN_SQL = `
insert into sign_in_known_address (email, address, last_signed_in_at) values (?, ?, ?)
on conflict (email, address) do update set last_signed_in_at = excluded.last_signed_in_at`;

interface ClaimRow {
  key: string;
  allowed: boolean;
  blocked_until: string | Date | null;
}

export class SignInThrottle {
  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
    private readonly config: Pick<
      AuthConfig,
      'signInMaxFailures' | 'signInMaxFailuresPerAddress' | 'signInLockoutSeconds'
    >,
  ) {}

  /** Counts the attempt as a failure up front; refuses it (TOO_MANY_ATTEMPTS) while a bucket is blocked. */
  async claimAttempt(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    const keys = bucketKeys(email, address);
    const lockout = this.config.signInLockoutSeconds;
    const rows = await this.#execute<ClaimRow>(CLAIM_SQL, [
      email,
      address,
      keys.knownAccount,
      keys.account,
      this.config.signInMaxFailures,
      keys.address,
      this.config.signInMaxFailuresPerAddress,
      now,
      lockout,
      now,
      lockout,
      Math.max(lockout, MAX_LOCKOUT_SECONDS),
    ]);
    const refusedUntil = rows
      .filter((row) => !row.allowed && row.blocked_until !== null)
      .map((row) => new Date(row.blocked_until!).getTime());
    if (refusedUntil.length === 0) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((Math.max(...refusedUntil) - now.getTime()) / 1000));
    throw new AccountsError(
      'TOO_MANY_ATTEMPTS',
      `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds`,
      { details: { retryAfterSeconds } },
    );
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    const keys = bucketKeys(email, address);
    await this.#execute(SUCCESS_SQL, [keys.account, keys.knownAccount, keys.address, email, address, this.clock.now()]);
  }

  /** The address an account was created from is its owner's. */
  async recordKnownAddress(email: string, address: string): Promise<void> {
    await this.#execute(KNOWN_SQL, [email, address, this.clock.now()]);
  }

  #execute<Row extends object>(text: string, params: unknown[]): Promise<Row[]> {
    return sql<Row>(this.orm, text, params);
  }
}

function bucketKeys(email: string, address: string) {
  return { account: `email:${email}`, knownAccount: `email:${email} at:${address}`, address: `address:${address}` };
}
