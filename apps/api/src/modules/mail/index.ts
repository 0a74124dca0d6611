/** The mail module's one entry point: code outside the module imports only this file (the lint rule checks it). */
import type { CoreDeps, ModuleDefinition } from '../module.js';
import { MailResolver } from './mail.resolver.js';
import { MailService } from './mail.service.js';
import { Migration20261125180000Mail } from './migrations/Migration20261125180000Mail.js';

export type { MailService, OutgoingMail } from './mail.service.js';
export { invitationMail, type InvitationMailInput } from './invitation.mail.js';

/** Its part of the registry (modules/index.ts): mail_message is read in SQL, so no entities. */
export const mailModule: ModuleDefinition<CoreDeps, { mail: MailService }> = {
  name: 'mail',
  entities: [],
  resolvers: [MailResolver],
  migrations: [{ name: 'Migration20261125180000Mail', class: Migration20261125180000Mail }],
  create: ({ orm, clock, config }) => ({ mail: new MailService(orm, clock, config.mail) }),
};
