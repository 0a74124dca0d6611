import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathRowsCsv, seededPathRows } from '@aa/attribution';
import type { PlanTier } from '@aa/plans';
import { REPO_ROOT } from '../../config/repo-paths.js';
import type { TestApp } from '../../test/harness.js';
import type { Credentials } from '../../test/harness.js';
import type { ActiveSubscription, SubscriptionLookup } from '../entitlements/index.js';
import { graphql } from '../../test/gql/index.js';
import type { TestFixturesImportJourneysMutation } from '../../test/gql/graphql.js';

/** Generated rows shaped like ChannelAttribution's sample, so a bare clone needs nothing beside it. */
export const SAMPLE_PATH_ROWS = seededPathRows({ rows: 10_000, seed: 1 });
export const SAMPLE_PATHS = pathRowsCsv(SAMPLE_PATH_ROWS);

/** ChannelAttribution's own sample, for the optional cross-check: CI has shared/ beside the repository. */
export const SAMPLE_PATHS_CSV = join(REPO_ROOT, '../shared/attribution/sample-paths.csv');
export const readSamplePaths = (): Promise<string> => readFile(SAMPLE_PATHS_CSV, 'utf8');

/**
 * Puts chosen organizations on a paid plan through the seam billing implements, so the plan, usage
 * and gating code under test run exactly as they do with real subscriptions.
 */
export class TestSubscriptions implements SubscriptionLookup {
  readonly #tiers = new Map<string, PlanTier>();

  constructor(private readonly period: { start: Date; end: Date }) {}

  subscribe(organizationId: string, tier: PlanTier): void {
    this.#tiers.set(organizationId, tier);
  }

  activeSubscription(organizationId: string): Promise<ActiveSubscription | null> {
    const tier = this.#tiers.get(organizationId);
    if (!tier || tier === 'FREE') return Promise.resolve(null);
    return Promise.resolve({
      id: `sub-${organizationId}`,
      stripeSubscriptionId: `sub_test_${organizationId.slice(0, 8)}`,
      tier,
      status: 'active',
      periodStart: this.period.start,
      periodEnd: this.period.end,
      cancelAtPeriodEnd: false,
    });
  }
}

function authHeaders(credentials: Credentials): Record<string, string> {
  const headers: Record<string, string> = {};
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.apiKey) headers.authorization = `Bearer ${credentials.apiKey}`;
  return headers;
}

/**
 * The REST import's JSON: `import` (the mutation's summary) on success, `error` (GraphQL's message and
 * extensions) on failure; a test reads the one its status promises.
 */
export interface UploadBody {
  import: TestFixturesImportJourneysMutation['importJourneys'];
  error: { message: string } & Record<string, unknown>;
}

/** The streamed REST upload. */
export async function uploadCsv(
  t: TestApp,
  csv: string,
  credentials: Credentials,
): Promise<{ status: number; body: UploadBody }> {
  const response = await fetch(`${t.url}/imports/journeys`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...authHeaders(credentials) },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as UploadBody };
}

export async function exportReport(t: TestApp, id: string, credentials: Credentials): Promise<Response> {
  return fetch(`${t.url}/exports/attribution-reports/${id}.csv`, { headers: authHeaders(credentials) });
}

export async function usedRuns(t: TestApp, credentials: Credentials): Promise<number> {
  const result = await t.graphql(
    graphql(`
      query TestFixturesUsedRuns {
        usage {
          attributionRuns {
            used
          }
        }
      }
    `),
    {},
    credentials,
  );
  const used = result.data?.usage.attributionRuns.used;
  if (used === undefined) throw new Error(`usage failed: ${JSON.stringify(result.errors)}`);
  return used;
}

export const RUN_ATTRIBUTION = graphql(`
  mutation TestFixturesRunAttribution($input: AttributionRunInput!) {
    runAttribution(input: $input) {
      id
      models
      from
      to
      lookbackDays
      journeyCount
      pathRowCount
      durationMs
      createdAt
      credits {
        model
        channels {
          channel
          conversions
          value
        }
        unattributed {
          conversions
          value
        }
        totals {
          conversions
          value
        }
      }
    }
  }
`);

export const IMPORT_JOURNEYS = graphql(`
  mutation TestFixturesImportJourneys($csv: String!) {
    importJourneys(csv: $csv) {
      format
      journeys
      touches
      conversions
      value
      nulls
    }
  }
`);

/** trackJourney as the concurrency tests send it (untyped text), and one valid journey for it. */
export const TRACK_JOURNEY = 'mutation ($input: JourneyInput!) { trackJourney(input: $input) { journeyId } }';
export const TRACKED_INPUT = {
  touches: [
    { channel: 'email', at: '2026-05-01T00:00:00Z' },
    { channel: 'search', at: '2026-05-02T00:00:00Z' },
  ],
  convertedAt: '2026-05-03T00:00:00Z',
  value: 10,
};
