import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import { dateOrNull, pgQuery } from '../../db/sql.js';
import { ApiKey } from './accounts.entity.js';
import { CHECKED_CACHE_DEFAULTS, CheckedCache, type CheckedCacheOptions } from '../../db/checked-cache.js';
import { AccountsError } from './accounts.errors.js';
import { randomSecret, secretHash } from './credentials.js';
import { API_KEY_ROLE, type Principal } from './principal.js';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an API key authenticates as, kept between requests. */
interface CachedApiKey {
  id: string;
  organizationId: string;
  lastUsedAt: Date | null;
}

interface ApiKeyRow {
  secret_hash: string;
  id: string;
  organization_id: string;
  last_used_at: Date | string | null;
}

// secret_hash is char(64): compared as bpchar, so its unique index serves both statements.
const KEY_BY_HASH = 'select secret_hash, id, organization_id, last_used_at from api_key where revoked_at is null and';
const LOOKUP_SQL = `${KEY_BY_HASH} secret_hash = $1`;
const CHECK_SQL = `${KEY_BY_HASH} secret_hash = any($1::bpchar[])`;

function cachedOf(row: ApiKeyRow): CachedApiKey {
  return { id: row.id, organizationId: row.organization_id, lastUsedAt: dateOrNull(row.last_used_at) };
}

// Writing last-used on every request would turn each read into a write; a minute is precise enough.
const LAST_USED_RESOLUTION_MS = 60_000;

export class ApiKeysService {
  readonly #cache: CheckedCache<CachedApiKey>;

  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
    cacheOptions: CheckedCacheOptions = CHECKED_CACHE_DEFAULTS,
  ) {
    // The keys still valid, as the database has them: one statement checks the whole cache.
    this.#cache = new CheckedCache(async (hashes) => {
      const rows = await pgQuery<ApiKeyRow>(orm, CHECK_SQL, [hashes]);
      return new Map(rows.map((row) => [row.secret_hash, cachedOf(row)]));
    }, cacheOptions);
  }

  async list(organizationId: string): Promise<ApiKeyView[]> {
    const keys = await this.orm.em.fork().find(ApiKey, { organizationId }, { orderBy: { createdAt: 'desc' } });
    return keys.map(toView);
  }

  /** Returns the full secret, which is shown this once: only its hash is kept. */
  async create(principal: Principal, rawName: string): Promise<{ apiKey: ApiKeyView; secret: string }> {
    const name = rawName.trim();
    if (name.length === 0 || name.length > 100) {
      throw new AccountsError('INVALID_API_KEY_NAME', 'The API key name must be 1 to 100 characters long', {
        field: 'name',
      });
    }
    const prefix = `aa_${randomSecret(6)}`;
    const secret = `${prefix}_${randomSecret()}`;
    const em = this.orm.em.fork();
    const apiKey = em.create(ApiKey, {
      id: randomUUID(),
      organizationId: principal.organizationId,
      createdByUserId: principal.kind === 'session' ? principal.userId : null,
      name,
      prefix,
      secretHash: secretHash(secret),
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    });
    await em.flush();
    return { apiKey: toView(apiKey), secret };
  }

  async revoke(principal: Principal, id: string): Promise<ApiKeyView> {
    if (!UUID_PATTERN.test(id)) throw apiKeyNotFound();
    const em = this.orm.em.fork();
    // Scoped by organization: another tenant's key id reads as "not found", never as "forbidden".
    const apiKey = await em.findOne(ApiKey, { id, organizationId: principal.organizationId });
    if (!apiKey) throw apiKeyNotFound();
    apiKey.revokedAt ??= this.clock.now();
    await em.flush();
    // Refused at once on this instance; the other instances' caches see it at their next check.
    this.#cache.evict(apiKey.secretHash);
    return toView(apiKey);
  }

  /** Served from the cache (checked-cache.ts) when it can be, else one lookup that fills it. */
  async authenticate(secret: string): Promise<Principal | null> {
    const hash = secretHash(secret);
    let apiKey = await this.#cache.get(hash);
    if (!apiKey) {
      const token = this.#cache.lookupToken();
      const [row] = await pgQuery<ApiKeyRow>(this.orm, LOOKUP_SQL, [hash]);
      if (!row) return null;
      apiKey = cachedOf(row);
      this.#cache.set(hash, apiKey, token);
    }
    const now = this.clock.now();
    if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      apiKey.lastUsedAt = now;
      await pgQuery(this.orm, 'update api_key set last_used_at = $1 where id = $2', [now, apiKey.id]);
    }
    return { kind: 'apiKey', organizationId: apiKey.organizationId, apiKeyId: apiKey.id, role: API_KEY_ROLE };
  }
}

function apiKeyNotFound(): AccountsError {
  return new AccountsError('API_KEY_NOT_FOUND', 'No such API key', { field: 'id' });
}

function toView(apiKey: ApiKey): ApiKeyView {
  return {
    id: apiKey.id,
    name: apiKey.name,
    prefix: apiKey.prefix,
    createdAt: apiKey.createdAt,
    lastUsedAt: apiKey.lastUsedAt ?? null,
    revokedAt: apiKey.revokedAt ?? null,
  };
}
