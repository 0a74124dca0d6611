/**
 * The billing module's one entry point: customers, subscriptions kept in sync with Stripe, webhooks,
 * repairs and incidents. It implements entitlements' SubscriptionLookup port, the only place Stripe
 * statuses are read (subscription-access.ts). Code outside the module imports only this file.
 */
import type { AccountsService } from '../accounts/index.js';
import type { BillingAccountLookup, SubscriptionLookup } from '../entitlements/index.js';
import type { MailService } from '../mail/index.js';
import type { CoreDeps, ModuleDefinition } from '../module.js';
import { createBilling, type Billing } from './billing.module.js';
import { registerBillingStateGauges } from './billing.metrics.js';
import { BillingResolver } from './billing.resolver.js';
import { BillingIncidentsResolver } from './incidents/incidents.resolver.js';
import { Migration20261125190000Billing } from './migrations/Migration20261125190000Billing.js';
import { Migration20261202090100BillingIncidents } from './migrations/Migration20261202090100BillingIncidents.js';
import { Migration20261202090200SubscriptionAccess } from './migrations/Migration20261202090200SubscriptionAccess.js';
import { Migration20261202090300PlanChanges } from './migrations/Migration20261202090300PlanChanges.js';
import { Migration20261202160000WebhookLog } from './migrations/Migration20261202160000WebhookLog.js';
import { Migration20261203080000WebhookLogClaims } from './migrations/Migration20261203080000WebhookLogClaims.js';
import { Migration20261203140000WebhookLogPayloads } from './migrations/Migration20261203140000WebhookLogPayloads.js';
import { Migration20261203190000WebhookLogPlans } from './migrations/Migration20261203190000WebhookLogPlans.js';
import { BillingOverviewResolver } from './overview/overview.resolver.js';
import { accountsOfPlanLookup } from './plan-only-accounts.js';
import type { StripeConnection } from './stripe/stripe-connection.js';

export type { Billing } from './billing.module.js';
export { checkedStripeConnection } from './setup/checked-connection.js';
export { StripeSetupError } from './setup/stripe-preflight.js';
export { startEmulatedStripe } from './stripe/emulated-stripe.js';
export { stripeConnectionFromConfig, type StripeConnection } from './stripe/stripe-connection.js';

export interface BillingNeeds extends CoreDeps {
  accounts: AccountsService;
  mail: MailService;
  /** Null: no Stripe to call (billing reads subscriptions but cannot start or change them). */
  stripe: StripeConnection | null;
  /** Replaces billing's Stripe-backed lookup, e.g. to put an organization on a plan in a test. */
  subscriptionOverride?: SubscriptionLookup | undefined;
}

export interface BillingServices {
  billing: Billing;
  /** The port entitlements reads the plan through. */
  subscriptions: SubscriptionLookup;
  /** The billing account the API shows; follows the subscription lookup when a test replaces it. */
  billingAccounts: BillingAccountLookup;
}

/** Its part of the registry (modules/index.ts): its tables are read in SQL, so no entities. */
export const billingModule: ModuleDefinition<BillingNeeds, BillingServices> = {
  name: 'billing',
  entities: [],
  resolvers: [BillingResolver, BillingIncidentsResolver, BillingOverviewResolver],
  rawBodyRoutes: ({ services }) => services.billing.webhookRouter(),
  migrations: [
    { name: 'Migration20261125190000Billing', class: Migration20261125190000Billing },
    { name: 'Migration20261202090100BillingIncidents', class: Migration20261202090100BillingIncidents },
    { name: 'Migration20261202090200SubscriptionAccess', class: Migration20261202090200SubscriptionAccess },
    { name: 'Migration20261202090300PlanChanges', class: Migration20261202090300PlanChanges },
    { name: 'Migration20261202160000WebhookLog', class: Migration20261202160000WebhookLog },
    { name: 'Migration20261203080000WebhookLogClaims', class: Migration20261203080000WebhookLogClaims },
    { name: 'Migration20261203140000WebhookLogPayloads', class: Migration20261203140000WebhookLogPayloads },
    { name: 'Migration20261203190000WebhookLogPlans', class: Migration20261203190000WebhookLogPlans },
  ],
  create: ({ subscriptionOverride: override, ...deps }) => {
    registerBillingStateGauges(deps.metrics, deps.orm, deps.clock);
    const billing = createBilling(deps);
    return {
      billing,
      subscriptions: override ?? billing.subscriptions,
      billingAccounts: override ? accountsOfPlanLookup(override, () => deps.clock.now()) : billing.subscriptions,
    };
  },
};
