import { comparePlans, planOf, type PlanTier } from '@aa/plans';
import type Stripe from 'stripe';
import { BillingError } from './billing.errors.js';
import { isCancelling, type CurrentSubscription, type PlanChangeService } from './plan-change.service.js';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';

export const PLAN_CHANGE_KINDS = ['UPGRADE', 'DOWNGRADE', 'CANCEL', 'KEEP'] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];

export interface PreviewLine {
  description: string;
  amount: number;
  proration: boolean;
}

/** What changePlan(planTier) would do, in Stripe's numbers, for the SPA to confirm before it runs. */
export interface PlanChangePreview {
  planTier: PlanTier;
  kind: PlanChangeKind;
  /** Charged at once (an upgrade's prorated invoice); 0 for changes at the period end. */
  amountDueToday: number;
  currency: string;
  /** When the plan changes: now for an upgrade or a kept plan, the period end for a downgrade or cancellation. */
  effectiveAt: Date;
  /** The lines of today's invoice (upgrade) or of the first invoice on the lower plan (downgrade). */
  lines: PreviewLine[];
  /** The invoice at the next renewal on the new plan; null when nothing renews (cancellation). */
  nextInvoiceAmount: number | null;
  nextInvoiceAt: Date | null;
}

/**
 * Prices a plan change with Stripe's invoice preview, computed as PlanChangeService makes the change
 * (an upgrade invoiced at once with prorations, a downgrade at the renewal without), and stores nothing.
 */
export class PlanChangePreviews {
  constructor(
    private readonly planChanges: PlanChangeService,
    private readonly stripe: StripeGateway,
  ) {}

  async preview(organizationId: string, planTier: PlanTier): Promise<PlanChangePreview> {
    const current = await this.planChanges.current(organizationId, { paidUp: true });
    const periodEnd = new Date(current.item.current_period_end * 1000);
    const base = { planTier, currency: current.subscription.currency, amountDueToday: 0, lines: [] };
    if (planTier === 'FREE') {
      return { ...base, kind: 'CANCEL', effectiveAt: periodEnd, nextInvoiceAmount: null, nextInvoiceAt: null };
    }
    if (planTier === current.tier) return this.#keep(current, base);
    const upgrade = comparePlans(planTier, current.tier) > 0;
    const invoice = await this.#previewInvoice(current, planTier, upgrade);
    const lines = invoice.lines.data.map(lineOf);
    if (!upgrade) {
      return {
        ...base,
        kind: 'DOWNGRADE',
        effectiveAt: periodEnd,
        lines,
        nextInvoiceAmount: invoice.amount_due,
        nextInvoiceAt: periodEnd,
      };
    }
    return {
      ...base,
      kind: 'UPGRADE',
      currency: invoice.currency,
      amountDueToday: invoice.amount_due,
      effectiveAt: new Date(invoice.created * 1000),
      lines,
      // The renewal bills the new plan's full price (its Stripe price is the catalog's, see setup/).
      nextInvoiceAmount: planOf(planTier).priceMonthlyCents,
      nextInvoiceAt: periodEnd,
    };
  }

  /** Choosing the current plan again only takes back a scheduled change or cancellation. */
  #keep(
    { subscription, tier, changes, item }: CurrentSubscription,
    base: Pick<PlanChangePreview, 'planTier' | 'currency' | 'amountDueToday' | 'lines'>,
  ): PlanChangePreview {
    if (!changes.scheduledTier && !isCancelling(subscription)) {
      throw new BillingError('ALREADY_ON_PLAN', `This organization is already on ${tier}`, { field: 'planTier' });
    }
    const renewal = new Date(item.current_period_end * 1000);
    return {
      ...base,
      kind: 'KEEP',
      effectiveAt: renewal,
      nextInvoiceAmount: item.price.unit_amount ?? planOf(tier).priceMonthlyCents,
      nextInvoiceAt: renewal,
    };
  }

  /** The upgrade's invoice billed now (always_invoice), or a downgrade's first renewal on the lower price. */
  #previewInvoice({ subscription, item }: CurrentSubscription, planTier: 'PRO' | 'SCALE', upgrade: boolean) {
    return callStripe(() =>
      this.stripe.client().invoices.createPreview({
        subscription: subscription.id,
        subscription_details: {
          items: [{ id: item.id, price: this.stripe.priceIdOf(planTier) }],
          proration_behavior: upgrade ? 'always_invoice' : 'none',
        },
      }),
    );
  }
}

function lineOf(line: Stripe.InvoiceLineItem): PreviewLine {
  return {
    description: line.description ?? '',
    amount: line.amount,
    proration:
      line.parent?.subscription_item_details?.proration ?? line.parent?.invoice_item_details?.proration ?? false,
  };
}
