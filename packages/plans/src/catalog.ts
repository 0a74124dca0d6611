import { ATTRIBUTION_MODEL_IDS, type AttributionModelId } from '@aa/attribution';

export const PLAN_TIERS = ['FREE', 'PRO', 'SCALE'] as const;
export type PlanTier = (typeof PLAN_TIERS)[number];
/** The tiers sold through Stripe. */
export type PaidPlanTier = Exclude<PlanTier, 'FREE'>;

export const USAGE_METRICS = ['ATTRIBUTION_RUNS'] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

export interface PlanLimits {
  /** Attribution runs (trackJourney + runAttribution calls) per billing period. */
  readonly attributionRuns: number;
  readonly models: readonly AttributionModelId[];
  readonly lookbackDays: number;
  readonly exports: boolean;
  /**
   * Journeys (tracked or imported) and aggregated path rows an organization may keep stored at once;
   * not per period: deleting stored journeys makes room again.
   */
  readonly storedJourneys: number;
}

/** How a paid plan appears in Stripe; FREE has none. */
export interface StripeProduct {
  readonly productName: string;
  readonly productDescription: string;
  /** The price's lookup key, so price ids never need hard-coding. */
  readonly lookupKey: string;
  /** The environment variable that names the price id when running against real Stripe. */
  readonly priceIdEnv: 'STRIPE_PRICE_ID_PRO' | 'STRIPE_PRICE_ID_SCALE';
}

export interface Plan {
  readonly tier: PlanTier;
  readonly name: string;
  readonly priceMonthlyCents: number;
  readonly limits: PlanLimits;
  readonly stripe: StripeProduct | null;
}

export const PLAN_CATALOG: readonly Plan[] = [
  {
    tier: 'FREE',
    name: 'Free',
    priceMonthlyCents: 0,
    limits: { attributionRuns: 500, models: ['LAST_TOUCH'], lookbackDays: 30, exports: false, storedJourneys: 10_000 },
    stripe: null,
  },
  {
    tier: 'PRO',
    name: 'Pro',
    priceMonthlyCents: 4900,
    limits: {
      attributionRuns: 5000,
      models: ['LAST_TOUCH', 'FIRST_TOUCH', 'LINEAR'],
      lookbackDays: 60,
      exports: false,
      storedJourneys: 1_000_000,
    },
    stripe: {
      productName: 'Attribution Analytics Pro',
      productDescription: '5,000 monthly attribution runs, 3 models, 60-day lookback',
      lookupKey: 'pro_monthly',
      priceIdEnv: 'STRIPE_PRICE_ID_PRO',
    },
  },
  {
    tier: 'SCALE',
    name: 'Scale',
    priceMonthlyCents: 19900,
    limits: {
      attributionRuns: 25000,
      models: ATTRIBUTION_MODEL_IDS,
      lookbackDays: 180,
      exports: true,
      storedJourneys: 10_000_000,
    },
    stripe: {
      productName: 'Attribution Analytics Scale',
      productDescription: '25,000 monthly attribution runs, 10 models, 180-day lookback, exports enabled',
      lookupKey: 'scale_monthly',
      priceIdEnv: 'STRIPE_PRICE_ID_SCALE',
    },
  },
];
