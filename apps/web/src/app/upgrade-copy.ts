// What the upgrade dialog says, from why it opened and the plan catalog. Pure: unit-tested.
import { featureWords, planAbove, planLimitsText, planUnlocking, limitSentence } from '../features/billing/index.js';
import type { PlanFieldsFragment, PlanTier } from '../gql/graphql.js';
import type { UpgradeRequest } from '../lib/upgrade-prompt.js';

export interface UpgradeCopy {
  readonly title: string;
  readonly lines: readonly string[];
  /** The plan whose checkout the dialog's button starts; null when no plan offers more. */
  readonly offer: PlanFieldsFragment | null;
  readonly offerLimits: string;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `plans` cheapest first (the plans query); `periodEnd` from the usage meter, when known. */
export function upgradeCopy(
  request: UpgradeRequest,
  plans: readonly PlanFieldsFragment[],
  periodEnd: string | null,
): UpgradeCopy {
  const nameOf = (tier: string | null) => plans.find((plan) => plan.tier === tier)?.name ?? 'current';
  const withOffer = (title: string, lines: string[], offer: PlanFieldsFragment | null): UpgradeCopy => ({
    title,
    lines,
    offer,
    offerLimits: offer ? planLimitsText(offer) : '',
  });

  if (request.source === 'locked') {
    const words = featureWords(request.feature);
    const offer = planUnlocking(request.feature, plans);
    if (!offer) return withOffer(`${capitalized(words)} is not available`, ['No plan includes it yet.'], null);
    return withOffer(
      `${capitalized(words)} comes with ${offer.name}`,
      [`Upgrade to ${offer.name} to use ${words}.`],
      offer,
    );
  }

  const { details } = request;
  const tier = details.plan as PlanTier | null;
  const offer = tier ? planAbove(tier, plans) : (plans[1] ?? null);
  if (details.code === 'PLAN_LIMIT_EXCEEDED') {
    const lines = [];
    if (details.used !== null && details.limit !== null) {
      lines.push(
        limitSentence({
          what: 'attribution runs',
          used: details.used,
          limit: details.limit,
          planName: nameOf(details.plan),
          resetsAt: periodEnd,
        }),
      );
    }
    if (offer) {
      lines.push(
        `${offer.name} includes ${offer.limits.attributionRuns.toLocaleString('en-US')} attribution runs a month.`,
      );
    }
    return withOffer('You have used all your attribution runs', lines, offer);
  }
  return withOffer(
    `Not included in your ${nameOf(details.plan)} plan`,
    offer ? [`${offer.name} includes more models, a longer lookback and more runs.`] : [],
    offer,
  );
}
