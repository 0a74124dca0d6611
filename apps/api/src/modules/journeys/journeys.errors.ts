import { domainErrorType } from '../../errors/domain-error.js';

const JourneysErrorType = domainErrorType({
  EMPTY_TOUCHES: 'BAD_USER_INPUT',
  TOO_MANY_TOUCHES: 'BAD_USER_INPUT',
  INVALID_CHANNEL: 'BAD_USER_INPUT',
  TOUCH_AFTER_CONVERSION: 'BAD_USER_INPUT',
  INVALID_VALUE: 'BAD_USER_INPUT',
  INVALID_JOURNEY: 'BAD_USER_INPUT',
});

/** Every journey error names the input field at fault. */
export class JourneysError extends JourneysErrorType {
  constructor(reason: ConstructorParameters<typeof JourneysErrorType>[0], message: string, field: string) {
    super(reason, message, { field });
  }
}
