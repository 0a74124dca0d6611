import { planOf, type PlanTier } from '@aa/plans';
import { domainErrorType } from '../../errors/domain-error.js';

export class AttributionError extends domainErrorType({
  CSV_FORMAT: 'BAD_USER_INPUT',
  TOO_MANY_JOURNEYS: 'BAD_USER_INPUT',
  INVALID_JOURNEY: 'BAD_USER_INPUT',
  NO_MODELS: 'BAD_USER_INPUT',
  INVALID_WINDOW: 'BAD_USER_INPUT',
  INVALID_LOOKBACK: 'BAD_USER_INPUT',
  INVALID_PAGE: 'BAD_USER_INPUT',
  REPORT_FAILED: 'BAD_USER_INPUT',
  NO_JOURNEYS_IN_WINDOW: 'BAD_USER_INPUT',
  MODELS_UNAVAILABLE: 'BAD_USER_INPUT',
  REPORT_NOT_FOUND: 'NOT_FOUND',
  IMPORT_NOT_FOUND: 'NOT_FOUND',
  DUPLICATE_IMPORT: 'CONFLICT',
  JOURNEY_ALLOWANCE_EXCEEDED: 'JOURNEY_ALLOWANCE_EXCEEDED',
}) {}

/** What a refused write would have made the organization store, against its plan's allowance. */
export interface AllowanceNumbers {
  plan: PlanTier;
  limit: number;
  used: number;
  requested: number;
}

/** Nothing of the write was stored; clients read limit, used and requested from `extensions`. */
export function allowanceExceeded(numbers: AllowanceNumbers, upgradeUrl: string): AttributionError {
  const count = (n: number) => n.toLocaleString('en-US');
  return new AttributionError(
    'JOURNEY_ALLOWANCE_EXCEEDED',
    `Your ${planOf(numbers.plan).name} plan stores up to ${count(numbers.limit)} journeys; ${count(numbers.used)} are stored ` +
      `and this would add ${count(numbers.requested)}. Nothing was stored: delete journeys or upgrade your plan.`,
    { details: { ...numbers, upgradeUrl } },
  );
}

/** The same file again: refused unless the caller asks to replace the earlier import. */
export function duplicateImport(earlier: { id: string; fileName: string; createdAt: Date }): AttributionError {
  return new AttributionError(
    'DUPLICATE_IMPORT',
    `This file was already imported as "${earlier.fileName}" on ${earlier.createdAt.toISOString().slice(0, 10)}. ` +
      'Nothing was stored; import it with replace to swap the earlier import for it.',
    { details: { importId: earlier.id, fileName: earlier.fileName, importedAt: earlier.createdAt.toISOString() } },
  );
}

/** A rejected import line: clients read `extensions.line` to point at the row. */
export function importLineError(
  reason: 'CSV_FORMAT' | 'TOO_MANY_JOURNEYS' | 'INVALID_JOURNEY',
  line: number,
  problem: string,
): AttributionError {
  return new AttributionError(reason, `Line ${line}: ${problem}. Nothing was imported.`, {
    field: 'csv',
    details: { line },
  });
}

const JourneysErrorType = domainErrorType({
  EMPTY_TOUCHES: 'BAD_USER_INPUT',
  TOO_MANY_TOUCHES: 'BAD_USER_INPUT',
  INVALID_CHANNEL: 'BAD_USER_INPUT',
  TOUCH_AFTER_CONVERSION: 'BAD_USER_INPUT',
  INVALID_VALUE: 'BAD_USER_INPUT',
  INVALID_JOURNEY: 'BAD_USER_INPUT',
});

/** A tracked journey refused (trackJourney); every one names the input field at fault. */
export class JourneysError extends JourneysErrorType {
  constructor(reason: ConstructorParameters<typeof JourneysErrorType>[0], message: string, field: string) {
    super(reason, message, { field });
  }
}
