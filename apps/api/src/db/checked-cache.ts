export interface CheckedCacheOptions {
  /** How old the cache's last check against the database may be when it answers (changes made elsewhere). */
  revalidateMs: number;
  /** Least recently used entries leave past this many. */
  maxEntries: number;
}

export const CHECKED_CACHE_DEFAULTS: CheckedCacheOptions = { revalidateMs: 500, maxEntries: 10_000 };

/** A token for `set`: taken before the database lookup whose result will be cached. */
export interface LookupToken {
  evictions: number;
  at: number;
}

/**
 * Given the cached keys, answers the entries still valid, as the database has them now (one
 * statement for the whole cache); keys left out are evicted.
 */
export type CacheCheck<V> = (keys: string[]) => Promise<Map<string, V>>;

/**
 * Rows a request needs on every call (API keys by secret hash, organizations' live subscriptions), so
 * it is served without a database round trip. A change made on another instance must apply within a
 * second: instead of one lookup per request (or per key and second), the whole cache is checked
 * against the database in one statement when its last check is older than `revalidateMs`, and a
 * request waits for that check, so no answer rests on a check older than that. A change on this
 * instance evicts at once (`evict`).
 */
export class CheckedCache<V> {
  readonly #entries = new Map<string, V>();
  #checkedAt = -Infinity;
  #checking: Promise<void> | null = null;
  // Bumped by every eviction: a lookup that began before one does not put its (maybe revoked) entry back.
  #evictions = 0;

  constructor(
    private readonly check: CacheCheck<V>,
    private readonly options: CheckedCacheOptions = CHECKED_CACHE_DEFAULTS,
    private readonly monotonicMs: () => number = () => performance.now(),
  ) {}

  /** The cached entry, checked against the database within the last `revalidateMs`; undefined if not cached. */
  async get(key: string): Promise<V | undefined> {
    if (this.#entries.size === 0) return undefined;
    if (this.monotonicMs() - this.#checkedAt > this.options.revalidateMs) await this.#check();
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      // Map order is insertion order: moving a hit to the end makes the first entry the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  lookupToken(): LookupToken {
    return { evictions: this.#evictions, at: this.monotonicMs() };
  }

  set(key: string, entry: V, token: LookupToken): void {
    if (token.evictions !== this.#evictions) return;
    // The first entry's lookup stands for the whole cache's check: it is as fresh as that.
    if (this.#entries.size === 0) this.#checkedAt = token.at;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.options.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }

  evict(key: string): void {
    this.#evictions++;
    this.#entries.delete(key);
  }

  /** Evicts every entry `matches` selects (e.g. all sessions of a removed member). */
  evictWhere(matches: (entry: V) => boolean): void {
    this.#evictions++;
    for (const [key, entry] of this.#entries) if (matches(entry)) this.#entries.delete(key);
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
    const keys = [...this.#entries.keys()];
    const valid = await this.check(keys);
    let evicted = false;
    for (const key of keys) {
      const entry = valid.get(key);
      if (entry === undefined) {
        this.#entries.delete(key);
        evicted = true;
      } else if (this.#entries.has(key)) {
        this.#entries.set(key, entry);
      }
    }
    if (evicted) this.#evictions++;
    this.#checkedAt = startedAt;
  }
}
