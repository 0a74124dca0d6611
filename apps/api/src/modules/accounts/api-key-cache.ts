import type { Orm } from '../../db/orm.js';
import { pgQuery } from '../../db/sql.js';

/** What an API key authenticates as, kept between requests. */
export interface CachedApiKey {
  id: string;
  organizationId: string;
  lastUsedAt: Date | null;
}

export interface ApiKeyCacheOptions {
  /** How old the cache's last check against the database may be when it answers (revocations elsewhere). */
  revalidateMs: number;
  /** Least recently used keys leave past this many. */
  maxEntries: number;
}

export interface LookupToken {
  evictions: number;
  at: number;
}

export const API_KEY_CACHE_DEFAULTS: ApiKeyCacheOptions = { revalidateMs: 500, maxEntries: 10_000 };

// The keys among the cached ones that still authenticate: one statement checks the whole cache
// (bpchar[], the column's type, so the unique index serves it).
const STILL_VALID_SQL = 'select secret_hash from api_key where secret_hash = any($1::bpchar[]) and revoked_at is null';

/**
 * API keys by secret hash, so a request is authenticated without a database round trip. A key
 * revoked on another instance must stop working within a second: instead of one lookup per request
 * (or per key and second), the whole cache is checked against the database in one statement when
 * its last check is older than `revalidateMs`, and a request waits for that check, so no answer
 * rests on a check older than that. A revocation on this instance evicts at once (`evict`).
 */
export class ApiKeyCache {
  readonly #entries = new Map<string, CachedApiKey>();
  #checkedAt = -Infinity;
  #checking: Promise<void> | null = null;
  // Bumped by every eviction: a lookup that began before one does not put its (maybe revoked) key back.
  #evictions = 0;

  constructor(
    private readonly orm: Orm,
    private readonly options: ApiKeyCacheOptions = API_KEY_CACHE_DEFAULTS,
    private readonly monotonicMs: () => number = () => performance.now(),
  ) {}

  /** The cached key, checked against the database within the last `revalidateMs`; undefined if not cached. */
  async get(secretHash: string): Promise<CachedApiKey | undefined> {
    if (this.#entries.size === 0) return undefined;
    if (this.monotonicMs() - this.#checkedAt > this.options.revalidateMs) await this.#check();
    const entry = this.#entries.get(secretHash);
    if (entry) {
      // Map order is insertion order: moving a hit to the end makes the first entry the least recently used.
      this.#entries.delete(secretHash);
      this.#entries.set(secretHash, entry);
    }
    return entry;
  }

  /** A token for `set`: taken before the database lookup whose result will be cached. */
  lookupToken(): LookupToken {
    return { evictions: this.#evictions, at: this.monotonicMs() };
  }

  set(secretHash: string, entry: CachedApiKey, token: LookupToken): void {
    if (token.evictions !== this.#evictions) return;
    // The first entry's lookup stands for the whole cache's check: it is as fresh as that.
    if (this.#entries.size === 0) this.#checkedAt = token.at;
    this.#entries.delete(secretHash);
    this.#entries.set(secretHash, entry);
    if (this.#entries.size > this.options.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }

  evict(secretHash: string): void {
    this.#evictions++;
    this.#entries.delete(secretHash);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** One check at a time; requests arriving meanwhile wait for it. */
  #check(): Promise<void> {
    this.#checking ??= this.#checkNow().finally(() => {
      this.#checking = null;
    });
    return this.#checking;
  }

  async #checkNow(): Promise<void> {
    const startedAt = this.monotonicMs();
    const hashes = [...this.#entries.keys()];
    const rows = await pgQuery<{ secret_hash: string }>(this.orm, STILL_VALID_SQL, [hashes]);
    const valid = new Set(rows.map((row) => row.secret_hash));
    let evicted = false;
    for (const hash of hashes) {
      if (!valid.has(hash)) {
        this.#entries.delete(hash);
        evicted = true;
      }
    }
    if (evicted) this.#evictions++;
    this.#checkedAt = startedAt;
  }
}
