// Which plan an upsell offers and how it is put into words. Pure: unit-tested.
// The plan comes from the catalog the API serves (the `plans` query, cheapest first), chosen by the
// rule of @aa/plans' cheapestPlanUnlocking / nextPlanUp, so the SPA never keeps a copy of the catalog.
import type { PlanFieldsFragment, PlanTier } from '../../gql/graphql.js';
import { formatCount, formatDay, formatPriceMonthly } from '../../lib/format.js';
import type { LockedFeature } from '../../lib/upgrade-prompt.js';

export type PlanOffer = PlanFieldsFragment;

function unlocks(plan: PlanOffer, feature: LockedFeature): boolean {
  switch (feature.kind) {
    case 'model':
      return plan.limits.models.includes(feature.model);
    case 'lookback':
      return feature.days <= plan.limits.lookbackDays;
    case 'exports':
      return plan.limits.exports;
  }
}

/** The cheapest plan that includes `feature`; null when none does. */
export function planUnlocking(feature: LockedFeature, plans: readonly PlanOffer[]): PlanOffer | null {
  return plans.find((plan) => unlocks(plan, feature)) ?? null;
}

/** The plan above `tier`, which lifts its quotas; null on the top plan. */
export function planAbove(tier: PlanTier, plans: readonly PlanOffer[]): PlanOffer | null {
  const index = plans.findIndex((plan) => plan.tier === tier);
  return index < 0 ? null : (plans[index + 1] ?? null);
}

/** "the Markov chain model", "a 90-day lookback window", "CSV exports of reports". */
export function featureWords(feature: LockedFeature): string {
  switch (feature.kind) {
    case 'model':
      return `the ${feature.label} model`;
    case 'lookback':
      return `a ${feature.days}-day lookback window`;
    case 'exports':
      return 'CSV exports of reports';
  }
}

/** "Pro — $49/month". */
export function planPriceText(plan: Pick<PlanOffer, 'name' | 'priceMonthlyCents'>): string {
  return `${plan.name} — ${formatPriceMonthly(plan.priceMonthlyCents)}/month`;
}

/** "5,000 attribution runs a month, 3 models, 60-day lookback": what an offered plan brings. */
export function planLimitsText({ limits }: Pick<PlanOffer, 'limits'>): string {
  const models = limits.models.length === 1 ? '1 model' : `${limits.models.length} models`;
  const parts = [
    `${formatCount(limits.attributionRuns)} attribution runs a month`,
    models,
    `${limits.lookbackDays}-day lookback`,
  ];
  if (limits.exports) parts.push('CSV exports');
  return parts.join(', ');
}

export interface LimitFacts {
  /** Words for the metric; the API reports ATTRIBUTION_RUNS only. */
  readonly what: string;
  readonly used: number;
  readonly limit: number;
  readonly planName: string;
  /** The period's end, an exclusive instant: the quota resets then. */
  readonly resetsAt: string | null;
}

/** "You have used 500 of the 500 attribution runs in your Free plan this period. They reset on Jan 1, 2027." */
export function limitSentence({ what, used, limit, planName, resetsAt }: LimitFacts): string {
  const usedText = `You have used ${formatCount(used)} of the ${formatCount(limit)} ${what} in your ${planName} plan this period.`;
  return resetsAt ? `${usedText} They reset on ${formatDay(resetsAt)}.` : usedText;
}
