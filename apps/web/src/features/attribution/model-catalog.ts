// Names people read for the ten models of MODELS.md, and which plan unlocks each one.
import type { AttributionModel, PlanTier } from '../../gql/graphql.js';

export const MODEL_LABELS: Record<AttributionModel, string> = {
  LAST_TOUCH: 'Last touch',
  FIRST_TOUCH: 'First touch',
  LINEAR: 'Linear',
  TIME_DECAY: 'Time decay',
  POSITION_BASED: 'Position based',
  LAST_NON_DIRECT: 'Last non-direct',
  W_SHAPED: 'W-shaped',
  FULL_PATH: 'Full path',
  MARKOV: 'Markov chain',
  SHAPLEY: 'Shapley value',
};

export const ALL_MODELS = Object.keys(MODEL_LABELS) as AttributionModel[];

interface PlanOffer {
  readonly tier: PlanTier;
  readonly name: string;
  readonly limits: { readonly models: readonly AttributionModel[] };
}

export interface ModelAvailability {
  readonly model: AttributionModel;
  readonly label: string;
  readonly allowed: boolean;
  /** The cheapest plan that includes the model, shown on a locked one. */
  readonly requiredPlan: string | null;
}

/** `plans` comes cheapest first, so the first plan listing a model is the one to upgrade to. */
export function modelAvailability(
  allowed: readonly AttributionModel[],
  plans: readonly PlanOffer[],
): ModelAvailability[] {
  return ALL_MODELS.map((model) => ({
    model,
    label: MODEL_LABELS[model],
    allowed: allowed.includes(model),
    requiredPlan: plans.find((plan) => plan.limits.models.includes(model))?.name ?? null,
  }));
}
