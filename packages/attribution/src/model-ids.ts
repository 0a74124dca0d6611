/** The ten attribution models of MODELS.md, in the order the product lists them. */
export const ATTRIBUTION_MODEL_IDS = [
  'LAST_TOUCH',
  'FIRST_TOUCH',
  'LINEAR',
  'TIME_DECAY',
  'POSITION_BASED',
  'LAST_NON_DIRECT',
  'W_SHAPED',
  'FULL_PATH',
  'MARKOV',
  'SHAPLEY',
] as const;

export type AttributionModelId = (typeof ATTRIBUTION_MODEL_IDS)[number];

export function isAttributionModelId(value: string): value is AttributionModelId {
  return (ATTRIBUTION_MODEL_IDS as readonly string[]).includes(value);
}
