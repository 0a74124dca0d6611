import type { Orm } from '../../db/orm.js';

/**
 * The billing contacts of an organization: its owners' emails. A read-only query on accounts'
 * tables, because AccountsService has no such listing yet.
 */
export async function ownerEmailsOf(orm: Orm, organizationId: string): Promise<string[]> {
  const rows = await orm.em.fork().execute<Array<{ email: string }>>(
    `select u.email from membership m join app_user u on u.id = m.user_id
     where m.organization_id = ? and m.role = 'OWNER' order by u.email`,
    [organizationId],
  );
  return rows.map((row) => row.email);
}
