import type { PlanTier } from '@aa/plans';
import type { Principal } from '../accounts/index.js';
import { BillingError } from './billing.errors.js';
import type { BillingInvoices, InvoicePage } from './billing-invoices.js';
import type { CheckoutService, CheckoutSessionData } from './checkout.service.js';
import type { PlanChangePreview, PlanChangePreviews } from './plan-change-preview.js';
import type { PlanChangeService } from './plan-change.service.js';
import type { PortalService } from './portal/portal.service.js';
import type { SubscriptionResume } from './subscription-resume.js';
import type { SubscriptionRow } from './subscription.store.js';
import type { WebhookEventStore, WebhookEventView } from './stripe/webhook-event.store.js';
import type { WebhookProcessor } from './stripe/webhook.processor.js';

/** What the GraphQL resolvers of billing call. */
export class BillingService {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly portal: PortalService,
    private readonly planChanges: PlanChangeService,
    private readonly previews: PlanChangePreviews,
    private readonly invoiceList: BillingInvoices,
    private readonly events: WebhookEventStore,
    private readonly webhooks: WebhookProcessor,
    private readonly resumes: SubscriptionResume,
  ) {}

  createCheckoutSession(principal: Principal, planTier: PlanTier): Promise<CheckoutSessionData> {
    return this.checkout.createCheckoutSession(principal, planTier);
  }

  createPortalSession(principal: Principal): Promise<{ url: string }> {
    return this.portal.createPortalSession(principal);
  }

  changePlan(principal: Principal, planTier: PlanTier): Promise<SubscriptionRow> {
    return this.planChanges.changePlan(principal.organizationId, planTier);
  }

  planChangePreview(principal: Principal, planTier: PlanTier): Promise<PlanChangePreview> {
    return this.previews.preview(principal.organizationId, planTier);
  }

  invoices(principal: Principal, first: number, after: string | null): Promise<InvoicePage> {
    return this.invoiceList.list(principal.organizationId, first, after);
  }

  undoScheduledPlanChange(principal: Principal): Promise<SubscriptionRow> {
    return this.planChanges.undoScheduledPlanChange(principal.organizationId);
  }

  resumeSubscription(principal: Principal): Promise<SubscriptionRow> {
    return this.resumes.resume(principal.organizationId);
  }

  webhookEvents(principal: Principal, limit: number): Promise<WebhookEventView[]> {
    return this.events.recent(principal.organizationId, limit);
  }

  /** Runs a failed event of the caller's organization again, from the payload Stripe sent. */
  async replayWebhookEvent(principal: Principal, eventId: string): Promise<WebhookEventView> {
    const find = () => this.events.findOf(principal.organizationId, eventId);
    const event = await find();
    if (!event)
      throw new BillingError('WEBHOOK_EVENT_NOT_FOUND', `No webhook event ${eventId} for this organization`, {
        field: 'id',
      });
    if (event.status !== 'failed') {
      throw new BillingError(
        'WEBHOOK_EVENT_NOT_FAILED',
        `Webhook event ${eventId} is ${event.status}: only a failed event is replayed`,
      );
    }
    const payload = await this.events.payload(eventId);
    if (!payload)
      throw new BillingError('WEBHOOK_EVENT_NOT_FOUND', `No webhook event ${eventId} for this organization`, {
        field: 'id',
      });
    await this.webhooks.process(payload);
    const replayed = await find();
    if (!replayed) throw new Error(`webhook event ${eventId} vanished during replay`);
    return replayed;
  }
}
