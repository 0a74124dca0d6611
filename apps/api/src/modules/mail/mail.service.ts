import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../../clock.js';
import type { MailConfig } from '../../config/mail.js';
import type { Orm } from '../../db/orm.js';
import { MailStore, type MailMessageView } from './mail.store.js';

export interface OutgoingMail {
  organizationId: string | null;
  to: string[];
  subject: string;
  body: string;
  /** One mail per key, however often the cause repeats (e.g. a webhook delivered twice). */
  dedupeKey?: string;
}

/** Every mail is recorded; with SMTP_URL set it is also sent, otherwise the record is the outbox. */
export class MailService {
  readonly #transport: Transporter | null;
  readonly #store: MailStore;

  constructor(
    orm: Orm,
    private readonly clock: Clock,
    private readonly config: MailConfig,
  ) {
    this.#transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
    this.#store = new MailStore(orm);
  }

  /** False when a mail with the same dedupe key exists already (nothing is sent again). */
  async send(mail: OutgoingMail): Promise<boolean> {
    const id = randomUUID();
    const inserted = await this.#store.insert({
      id,
      organizationId: mail.organizationId,
      dedupeKey: mail.dedupeKey ?? null,
      to: mail.to,
      subject: mail.subject,
      body: mail.body,
      transport: this.#transport ? 'smtp' : 'outbox',
      createdAt: this.clock.now(),
    });
    if (!inserted) return false;
    if (!this.#transport) return true;
    try {
      await this.#transport.sendMail({ from: this.config.from, to: mail.to, subject: mail.subject, text: mail.body });
    } catch (error) {
      // Forget the attempt so the caller's retry (e.g. Stripe redelivering the webhook) sends it again.
      await this.#store.delete(id);
      throw error;
    }
    await this.#store.markSent(id, this.clock.now());
    return true;
  }

  recent(organizationId: string, limit: number): Promise<MailMessageView[]> {
    return this.#store.recent(organizationId, limit);
  }
}
