// Maps API failures to what the SPA does about them. Pure, so the mapping is unit-tested
// without a network; lib/apollo.ts feeds it from the error link.

/** Extensions the API attaches to plan errors (DESIGN.md, "Errors carry extensions.code"). */
export interface UpgradeDetails {
  readonly code: 'PLAN_LIMIT_EXCEEDED' | 'FEATURE_NOT_IN_PLAN';
  readonly message: string;
  readonly plan: string | null;
  readonly upgradeUrl: string;
  readonly used: number | null;
  readonly limit: number | null;
}

export type ErrorReaction =
  | { readonly kind: 'upgrade'; readonly details: UpgradeDetails }
  | { readonly kind: 'sign-in' }
  | { readonly kind: 'none' };

export interface ApiErrorLike {
  readonly message: string;
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}

const UPGRADE_CODES = new Set(['PLAN_LIMIT_EXCEEDED', 'FEATURE_NOT_IN_PLAN']);
const DEFAULT_UPGRADE_URL = '/pricing';
const PAYMENT_REQUIRED = 402;

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The API's upgradeUrl may be absolute; the SPA only ever follows it within its own origin. */
export function sameOriginPath(url: string | null): string {
  if (!url) return DEFAULT_UPGRADE_URL;
  try {
    const parsed = new URL(url, 'http://spa.invalid');
    return `${parsed.pathname}${parsed.search}` || DEFAULT_UPGRADE_URL;
  } catch {
    return DEFAULT_UPGRADE_URL;
  }
}

function upgradeDetailsOf(error: ApiErrorLike, code: UpgradeDetails['code']): UpgradeDetails {
  const ext = error.extensions ?? {};
  return {
    code,
    message: error.message,
    plan: asString(ext['plan']),
    upgradeUrl: sameOriginPath(asString(ext['upgradeUrl'])),
    used: asNumber(ext['used']),
    limit: asNumber(ext['limit']),
  };
}

/** Decides the reaction to a failed operation: its GraphQL errors and, if any, the HTTP status. */
export function reactionTo(errors: readonly ApiErrorLike[], httpStatus: number | null): ErrorReaction {
  for (const error of errors) {
    const code = error.extensions?.['code'];
    if (typeof code === 'string' && UPGRADE_CODES.has(code)) {
      return { kind: 'upgrade', details: upgradeDetailsOf(error, code as UpgradeDetails['code']) };
    }
  }
  if (errors.some((error) => error.extensions?.['code'] === 'UNAUTHENTICATED') || httpStatus === 401) {
    return { kind: 'sign-in' };
  }
  if (httpStatus === PAYMENT_REQUIRED) {
    return {
      kind: 'upgrade',
      details: {
        code: 'PLAN_LIMIT_EXCEEDED',
        message: 'Your plan does not cover this request.',
        plan: null,
        upgradeUrl: DEFAULT_UPGRADE_URL,
        used: null,
        limit: null,
      },
    };
  }
  return { kind: 'none' };
}

/** Parses a non-2xx body the HTTP link could not read as a GraphQL result. */
export function errorsFromBody(bodyText: string): ApiErrorLike[] {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors)) {
      return (body as { errors: ApiErrorLike[] }).errors;
    }
    // The CSV export answers a bare error object, not a GraphQL envelope.
    if (body && typeof body === 'object' && 'message' in body) return [body as ApiErrorLike];
  } catch {
    // Not JSON: the status code alone decides.
  }
  return [];
}

/** A message fit for people: the API masks internals, the network layer's text is replaced. */
export function userMessageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    if (/failed to fetch|networkerror|load failed/i.test(error.message)) {
      return 'Cannot reach the server. Check your connection and try again.';
    }
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}
