// type-graphql's decorators read the Reflect metadata API; it must exist before any resolver module loads.
import 'reflect-metadata';
import { accountsModule } from './accounts/index.js';
import { attributionModule } from './attribution/index.js';
import { billingModule, type BillingNeeds } from './billing/index.js';
import { entitlementsModule } from './entitlements/index.js';
import { mailModule } from './mail/index.js';
import { rateLimitModule } from './ratelimit/index.js';
import { migrationsOf, moduleRegistry, type CoreDeps } from './module.js';

/** What the app hands the modules: the core deps, and billing's Stripe connection and test lookup. */
export type AppInputs = CoreDeps & Pick<BillingNeeds, 'stripe' | 'subscriptionOverride'>;

/**
 * Every module of the API, in one list: adding a module is adding a line here. Services are built in
 * this order, each module from those before it (accounts from mail, for invitations; billing from accounts and mail, entitlements from
 * billing's SubscriptionLookup); a module listed before what it needs does not type-check.
 */
export const API_MODULES = moduleRegistry<AppInputs>()([
  mailModule,
  accountsModule,
  billingModule,
  entitlementsModule,
  attributionModule,
  rateLimitModule,
]);

/** Every module's migrations, in the order databases recorded them. */
export const MIGRATIONS = migrationsOf(API_MODULES);
