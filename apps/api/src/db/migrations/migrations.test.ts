import { randomUUID } from 'node:crypto';
import type { MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchServerUrl } from '../../config/tooling-env.js';
import { createScratchDatabase, type ScratchDatabase } from '../../test/scratch-database.js';
import { MIGRATIONS } from './index.js';

function migrationNamed(name: string): MigrationObject['class'] {
  const migration = MIGRATIONS.find((candidate) => candidate.name === name);
  if (!migration) throw new Error(`no migration named ${name}`);
  return migration.class;
}

const Mail = migrationNamed('Migration20261125180000Mail');

/** Billing's migration as databases applied it before mail had its own: billing's tables, then mail's. */
class BillingWithMail extends migrationNamed('Migration20261125190000Billing') {
  override up(): void {
    super.up();
    Mail.prototype.up.call(this);
  }
}

/** The migration list before the split: no mail migration, billing creating mail_message. */
const LIST_BEFORE_MAIL_SPLIT: MigrationObject[] = MIGRATIONS.filter(
  ({ name }) => name !== 'Migration20261125180000Mail',
).map((migration) =>
  migration.name === 'Migration20261125190000Billing' ? { ...migration, class: BillingWithMail } : migration,
);

function open(url: string, migrationsList: MigrationObject[] = []): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: url,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: { migrationsList, snapshot: false, silent: true, transactional: true, allOrNothing: true },
    ensureDatabase: false,
    debug: false,
  });
}

async function migrate(url: string, migrationsList: MigrationObject[]): Promise<string[]> {
  const orm = await open(url, migrationsList);
  try {
    return (await orm.migrator.up()).map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}

/** The names existing databases recorded, in the order they ran: the registry must keep both. */
const RECORDED = [
  'Migration20261125000001Accounts',
  'Migration20261125000002Usage',
  'Migration20261125000003Journeys',
  'Migration20261125180000Mail',
  'Migration20261125190000Billing',
  'Migration20261125190500Attribution',
  'Migration20261202090100BillingIncidents',
  'Migration20261202090200SubscriptionAccess',
  'Migration20261202090300PlanChanges',
];

describe('migrations', () => {
  it("the registry lists every module's migrations under the recorded names, in the recorded order", () => {
    const names = MIGRATIONS.map(({ name }) => name);
    expect(names.slice(0, RECORDED.length)).toEqual(RECORDED);
    // Each migration's class carries the same name the list gives it (the one databases record).
    expect(MIGRATIONS.map((migration) => new migration.class().name)).toEqual(names);
  });

  let scratch: ScratchDatabase;

  beforeAll(async () => {
    scratch = await createScratchDatabase(scratchServerUrl());
  });

  afterAll(async () => {
    await scratch?.dispose();
  });

  it('a database migrated before mail had its own migration takes the new list, keeping its mail', async () => {
    expect(await migrate(scratch.url, LIST_BEFORE_MAIL_SPLIT)).toContain('Migration20261125190000Billing');
    const orm = await open(scratch.url);
    try {
      const mailId = randomUUID();
      await orm.em.execute(
        `insert into mail_message (id, recipients, subject, body, transport, created_at)
         values (?, 'a@example.com', 'subject', 'body', 'outbox', now())`,
        [mailId],
      );

      // Only mail's migration is pending, and on a table that already exists it changes nothing.
      expect(await migrate(scratch.url, MIGRATIONS)).toEqual(['Migration20261125180000Mail']);

      expect(await orm.em.execute('select id from mail_message')).toEqual([{ id: mailId }]);
      const indexes = await orm.em.execute<{ indexname: string }[]>(
        `select indexname from pg_indexes where tablename = 'mail_message' order by indexname`,
      );
      expect(indexes.map((row) => row.indexname)).toEqual([
        'mail_message_dedupe_key_key',
        'mail_message_pkey',
        'mail_message_recent_idx',
      ]);
      expect(await migrate(scratch.url, MIGRATIONS)).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});
