import { limitExceededMessage, type LimitExceededDetails } from '@aa/plans';
import { DomainError } from '../../errors/domain-error.js';

export class PlanLimitExceededError extends DomainError {
  readonly code = 'PLAN_LIMIT_EXCEEDED';
  constructor(details: LimitExceededDetails, upgradeUrl: string) {
    super(limitExceededMessage(details), 'PLAN_LIMIT_EXCEEDED', { details: { ...details, upgradeUrl } });
  }
}
