export { ATTRIBUTION_MODEL_IDS, isAttributionModelId } from './model-ids.js';
export type { AttributionModelId } from './model-ids.js';
