// type-graphql's decorators read the Reflect metadata API; it must exist before any resolver module loads.
import 'reflect-metadata';
import { ACCOUNT_ENTITIES } from './accounts/accounts.entity.js';
import { AccountsResolver } from './accounts/accounts.resolver.js';
import { attributionModule } from './attribution/index.js';
import { entitlementsModule } from './entitlements/index.js';
import { ApiKeysResolver } from './accounts/api-keys.resolver.js';
import { BillingResolver } from './billing/billing.resolver.js';
import { BillingIncidentsResolver } from './billing/incidents/incidents.resolver.js';
import { BillingOverviewResolver } from './billing/overview/overview.resolver.js';
import { MailResolver } from './mail/mail.resolver.js';
import type { ApiModule } from './module.js';

/** Every module of the API, in one list: adding a module is adding a line here. */
export const API_MODULES: ApiModule[] = [
  { name: 'accounts', entities: ACCOUNT_ENTITIES, resolvers: [AccountsResolver, ApiKeysResolver] },
  entitlementsModule,
  attributionModule,
  {
    name: 'billing',
    entities: [],
    resolvers: [BillingResolver, BillingIncidentsResolver, BillingOverviewResolver],
    rawBodyRoutes: ({ services }) => services.billing.webhookRouter(),
  },
  { name: 'mail', entities: [], resolvers: [MailResolver] },
];
