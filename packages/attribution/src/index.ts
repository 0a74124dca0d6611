export { ATTRIBUTION_MODEL_IDS, isAttributionModelId } from './model-ids.js';
export type { AttributionModelId } from './model-ids.js';
export { AttributionAccumulator, attribute } from './accumulator.js';
export { AttributionInputError } from './errors.js';
export {
  AMOUNT_RANGE_TEXT,
  EARLIEST_TIME_MS,
  LATEST_TIME_MS,
  MAX_AMOUNT,
  TIME_RANGE_TEXT,
  isAmountInRange,
  isTimeInRange,
} from './input-bounds.js';
export { createCsvParser, parseAttributionCsv } from './csv/csv-parser.js';
export type { AttributionCsvParser, CsvFormat } from './csv/csv-parser.js';
export { CsvFormatError } from './csv/csv-format-error.js';
export { JOURNEYS_HEADER } from './csv/journeys-csv.js';
export { PATH_ROWS_HEADER } from './csv/path-rows-csv.js';
export { SEEDED_PATH_CHANNELS, pathRowsCsv, seededPathRows, seededPathRowsCsv } from './sample/seeded-paths.js';
export type { SeededPathRowsOptions } from './sample/seeded-paths.js';
export type { AttributionInputErrorCode } from './errors.js';
export type {
  AttributionOptions,
  AttributionResult,
  ChannelCredit,
  CreditAmount,
  Journey,
  JourneyAggregate,
  Milestone,
  ModelResult,
  PathRow,
  Touch,
} from './types.js';
