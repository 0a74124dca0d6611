// Value sets Stripe accepts for parameters several resources share.

export const PRORATION_BEHAVIORS = ['create_prorations', 'none', 'always_invoice'] as const;

/** `cancellation_details.feedback` of a subscription, and the portal's cancellation reasons. */
export const CANCELLATION_FEEDBACK = [
  'customer_service',
  'low_quality',
  'missing_features',
  'other',
  'switched_service',
  'too_complex',
  'too_expensive',
  'unused',
] as const;
