import type { Orm } from '../../db/orm.js';
import { dateOrNull, sql } from '../../db/sql.js';

export interface MailRecord {
  id: string;
  organizationId: string | null;
  dedupeKey: string | null;
  to: string[];
  subject: string;
  body: string;
  transport: 'outbox' | 'smtp';
  createdAt: Date;
}

export interface MailMessageView {
  id: string;
  to: string[];
  subject: string;
  body: string;
  transport: 'outbox' | 'smtp';
  createdAt: Date;
  sentAt: Date | null;
}

interface MailRow {
  id: string;
  recipients: string;
  subject: string;
  body: string;
  transport: 'outbox' | 'smtp';
  created_at: Date | string;
  sent_at: Date | string | null;
}

const INSERT_SQL = `
  insert into mail_message (id, organization_id, dedupe_key, recipients, subject, body, transport, created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (dedupe_key) do nothing
  returning id`;

/** mail_message: every mail, sent or waiting in the outbox. Recipients are stored joined by ", ". */
export class MailStore {
  constructor(private readonly orm: Orm) {}

  /** False when a mail with the same dedupe key exists already. */
  async insert(mail: MailRecord): Promise<boolean> {
    const inserted = await sql<{ id: string }>(this.orm, INSERT_SQL, [
      mail.id,
      mail.organizationId,
      mail.dedupeKey,
      mail.to.join(', '),
      mail.subject,
      mail.body,
      mail.transport,
      mail.createdAt,
    ]);
    return inserted.length > 0;
  }

  async delete(id: string): Promise<void> {
    await sql(this.orm, 'delete from mail_message where id = ?', [id]);
  }

  async markSent(id: string, at: Date): Promise<void> {
    await sql(this.orm, 'update mail_message set sent_at = ? where id = ?', [at, id]);
  }

  async recent(organizationId: string, limit: number): Promise<MailMessageView[]> {
    const rows = await sql<MailRow>(
      this.orm,
      `select id, recipients, subject, body, transport, created_at, sent_at from mail_message
       where organization_id = ? order by created_at desc limit ?`,
      [organizationId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      to: row.recipients.split(', '),
      subject: row.subject,
      body: row.body,
      transport: row.transport,
      createdAt: new Date(row.created_at),
      sentAt: dateOrNull(row.sent_at),
    }));
  }
}
