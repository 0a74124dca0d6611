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
  REPORT_NOT_FOUND: 'NOT_FOUND',
}) {}

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
