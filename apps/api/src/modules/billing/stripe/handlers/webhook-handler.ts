import type Stripe from 'stripe';
import type { DeletedCustomers } from '../../deleted-customers.js';
import type { DunningMailer } from '../../dunning.mailer.js';
import type { ReceiptMailer } from '../../receipt.mailer.js';
import type { SubscriptionSync, SyncOutcome } from '../../subscription-sync.js';
import type { StripeGateway } from '../stripe-gateway.js';

/** What a handler did: `result` is a short line that is logged and shown in the admin view. */
export interface HandlerOutcome {
  status: 'processed' | 'ignored';
  organizationId: string | null;
  result: string;
}

export interface HandlerContext {
  sync: SubscriptionSync;
  dunning: DunningMailer;
  receipts: ReceiptMailer;
  deletedCustomers: DeletedCustomers;
  /** To fetch the object an event names in the SDK's API version (see invoice-of-event.ts). */
  stripe: StripeGateway;
}

export type WebhookHandler = (event: Stripe.Event, context: HandlerContext) => Promise<HandlerOutcome>;

export function ignored(result: string): HandlerOutcome {
  return { status: 'ignored', organizationId: null, result };
}

export function outcomeOfSync(sync: SyncOutcome, stripeSubscriptionId: string): HandlerOutcome {
  if (sync.status !== 'synced') return ignored(`${sync.status}: subscription ${stripeSubscriptionId}`);
  const fields = Object.keys(sync.changes);
  const what = sync.created ? 'created' : fields.length > 0 ? `updated ${fields.join(', ')}` : 'already current';
  return {
    status: 'processed',
    organizationId: sync.organizationId,
    result: `subscription ${stripeSubscriptionId} ${what}`,
  };
}
