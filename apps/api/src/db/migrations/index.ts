import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000001Accounts } from './Migration20261125000001Accounts.js';
import { Migration20261125000002Usage } from './Migration20261125000002Usage.js';
import { Migration20261125000003Journeys } from './Migration20261125000003Journeys.js';
import { Migration20261125180000Mail } from './Migration20261125180000Mail.js';
import { Migration20261125190500Attribution } from './Migration20261125190500Attribution.js';
import { Migration20261125190000Billing } from './Migration20261125190000Billing.js';
import { Migration20261202090100BillingIncidents } from './Migration20261202090100BillingIncidents.js';
import { Migration20261202090200SubscriptionAccess } from './Migration20261202090200SubscriptionAccess.js';
import { Migration20261202090300PlanChanges } from './Migration20261202090300PlanChanges.js';

/**
 * Every migration, in order. Listed explicitly (not discovered from a folder) so the same list runs
 * from TypeScript sources under vitest/tsx and from compiled dist/. A module adds its file here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125000001Accounts', class: Migration20261125000001Accounts },
  { name: 'Migration20261125000002Usage', class: Migration20261125000002Usage },
  { name: 'Migration20261125000003Journeys', class: Migration20261125000003Journeys },
  { name: 'Migration20261125180000Mail', class: Migration20261125180000Mail },
  { name: 'Migration20261125190000Billing', class: Migration20261125190000Billing },
  { name: 'Migration20261125190500Attribution', class: Migration20261125190500Attribution },
  { name: 'Migration20261202090100BillingIncidents', class: Migration20261202090100BillingIncidents },
  { name: 'Migration20261202090200SubscriptionAccess', class: Migration20261202090200SubscriptionAccess },
  { name: 'Migration20261202090300PlanChanges', class: Migration20261202090300PlanChanges },
];
