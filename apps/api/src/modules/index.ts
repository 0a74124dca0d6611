// type-graphql's decorators read the Reflect metadata API; it must exist before any resolver module loads.
import 'reflect-metadata';
import { accountsModule } from './accounts/index.js';
import { attributionModule } from './attribution/index.js';
import { billingModule, type StripeConnection } from './billing/index.js';
import { entitlementsModule, type SubscriptionLookup } from './entitlements/index.js';
import { mailModule } from './mail/index.js';
import { migrationsOf, moduleRegistry, type CoreDeps } from './module.js';

/** What the app hands the modules besides the core deps. */
export interface AppInputs extends CoreDeps {
  /** Null: no Stripe to call (billing reads subscriptions but cannot start or change them). */
  stripe: StripeConnection | null;
  /** Replaces billing's Stripe-backed lookup, e.g. to put an organization on a plan in a test. */
  subscriptionOverride?: SubscriptionLookup | undefined;
}

/**
 * Every module of the API, in one list: adding a module is adding a line here. Services are built in
 * this order, each module from those before it (billing from accounts and mail, entitlements from
 * billing's SubscriptionLookup); a module listed before what it needs does not type-check.
 */
export const API_MODULES = moduleRegistry<AppInputs>()([
  accountsModule,
  mailModule,
  billingModule,
  entitlementsModule,
  attributionModule,
]);

/** Every module's migrations, in the order databases recorded them. */
export const MIGRATIONS = migrationsOf(API_MODULES);
