/** The mail module's entry point for other modules, which import only this file (the lint rule checks it). */
export type { MailService, OutgoingMail } from './mail.service.js';
