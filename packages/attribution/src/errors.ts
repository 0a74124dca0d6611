export type AttributionInputErrorCode =
  'TIMESTAMPS_REQUIRED' | 'INVALID_JOURNEY' | 'INVALID_PATH_ROW' | 'INVALID_OPTIONS' | 'UNKNOWN_MODEL';

/** Input the engine cannot attribute; the message is safe to show to the user as is. */
export class AttributionInputError extends Error {
  constructor(
    readonly code: AttributionInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AttributionInputError';
  }
}
