import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../../clock.js';
import type { MailConfig } from '../../config/mail.js';
import type { Orm } from '../../db/orm.js';

export interface OutgoingMail {
  organizationId: string | null;
  to: string[];
  subject: string;
  body: string;
  /** One mail per key, however often the cause repeats (e.g. a webhook delivered twice). */
  dedupeKey?: string;
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
  created_at: Date;
  sent_at: Date | null;
}

const INSERT_SQL = `
  insert into mail_message (id, organization_id, dedupe_key, recipients, subject, body, transport, created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (dedupe_key) do nothing
  returning id`;

/** Every mail is recorded; with SMTP_URL set it is also sent, otherwise the record is the outbox. */
export class MailService {
  readonly #transport: Transporter | null;

  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
    private readonly config: MailConfig,
  ) {
    this.#transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  /** False when a mail with the same dedupe key exists already (nothing is sent again). */
  async send(mail: OutgoingMail): Promise<boolean> {
    const em = this.orm.em.fork();
    const id = randomUUID();
    const transport = this.#transport ? 'smtp' : 'outbox';
    const inserted = await em.execute<Array<{ id: string }>>(INSERT_SQL, [
      id,
      mail.organizationId,
      mail.dedupeKey ?? null,
      mail.to.join(', '),
      mail.subject,
      mail.body,
      transport,
      this.clock.now(),
    ]);
    if (inserted.length === 0) return false;
    if (!this.#transport) return true;
    try {
      await this.#transport.sendMail({ from: this.config.from, to: mail.to, subject: mail.subject, text: mail.body });
    } catch (error) {
      // Forget the attempt so the caller's retry (e.g. Stripe redelivering the webhook) sends it again.
      await em.execute('delete from mail_message where id = ?', [id]);
      throw error;
    }
    await em.execute('update mail_message set sent_at = ? where id = ?', [this.clock.now(), id]);
    return true;
  }

  async recent(organizationId: string, limit: number): Promise<MailMessageView[]> {
    const rows = await this.orm.em.fork().execute<MailRow[]>(
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
      sentAt: row.sent_at ? new Date(row.sent_at) : null,
    }));
  }
}
