import type { PaidPlanTier, PlanTier } from '@aa/plans';
import type { AccountsService, Principal } from '../accounts/index.js';
import type { Orm } from '../../db/orm.js';
import type { Clock } from '../../clock.js';
import type { BillingCustomers } from './billing-customers.js';
import { BillingError } from './billing.errors.js';
import { openCheckoutSession } from './checkout-sessions.js';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';
import type { SubscriptionStore } from './subscription.store.js';

export interface CheckoutSessionData {
  id: string;
  url: string;
}

/** Starting a subscription (Checkout) and managing it (the customer portal). */
export class CheckoutService {
  constructor(
    private readonly stripe: StripeGateway,
    private readonly customers: BillingCustomers,
    private readonly orm: Orm,
    private readonly store: SubscriptionStore,
    private readonly accounts: AccountsService,
    private readonly publicUrl: string,
    private readonly clock: Clock,
  ) {}

  async createCheckoutSession(principal: Principal, planTier: PlanTier): Promise<CheckoutSessionData> {
    const tier = paidTier(planTier);
    const organizationId = principal.organizationId;
    // Any live subscription (not ended, subscription-access.ts), even one lapsed past its grace
    // period: a second one would bill twice. A lapsed one is paid in the portal or on its invoice.
    const current = await this.store.liveOf(this.orm.em.fork(), organizationId);
    if (current) {
      throw new BillingError(
        'ALREADY_SUBSCRIBED',
        `This organization already has a ${current.tier} subscription (${current.status}): change the plan, or pay it in Manage billing`,
        { details: { planTier: current.tier, status: current.status } },
      );
    }
    const email = await this.#adminEmail(principal);
    const stripe = this.stripe.client();
    const metadata = { organization_id: organizationId, plan_tier: tier };
    const priceId = this.stripe.priceIdOf(tier);
    const createSession = (customer: string) =>
      openCheckoutSession(stripe, {
        customer,
        priceId,
        now: this.clock.now(),
        create: () =>
          callStripe(() =>
            stripe.checkout.sessions.create({
              mode: 'subscription',
              customer,
              client_reference_id: organizationId,
              line_items: [{ price: priceId, quantity: 1 }],
              success_url: `${this.publicUrl}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
              cancel_url: `${this.publicUrl}/pricing`,
              metadata,
              subscription_data: { metadata },
            }),
          ),
      });
    const session = await this.customers.withCustomer(stripe, organizationId, createSession, { email });
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
    return { id: session.id, url: session.url };
  }

  /** The validated email of the signed-in admin becomes the customer's billing contact. */
  async #adminEmail(principal: Principal): Promise<string> {
    const viewer = await this.accounts.viewer(principal);
    if (!viewer.user)
      throw new BillingError('ADMIN_SESSION_REQUIRED', 'Checkout needs a signed-in administrator, not an API key');
    return viewer.user.email;
  }
}

export function paidTier(planTier: PlanTier): PaidPlanTier {
  if (planTier === 'FREE') {
    throw new BillingError('NOT_A_PAID_PLAN', 'FREE needs no checkout: cancel the subscription to return to FREE', {
      field: 'planTier',
    });
  }
  return planTier;
}
