export { ATTRIBUTION_MODEL_IDS, isAttributionModelId } from './model-ids.js';
export type { AttributionModelId } from './model-ids.js';
export { AttributionAccumulator, attribute } from './accumulator.js';
export { AttributionInputError } from './errors.js';
export type { AttributionInputErrorCode } from './errors.js';
export type {
  AttributionOptions,
  AttributionResult,
  ChannelCredit,
  CreditAmount,
  Journey,
  Milestone,
  ModelResult,
  PathRow,
  Touch,
} from './types.js';
