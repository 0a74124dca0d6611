/** What an invitation mail says; the accounts module sends it through MailService. */
export interface InvitationMailInput {
  organizationName: string;
  inviterEmail: string | null;
  /** A human role name: "an admin", "a member". */
  roleName: string;
  link: string;
  expiresAt: Date;
}

export function invitationMail(input: InvitationMailInput): { subject: string; body: string } {
  const who = input.inviterEmail ?? 'A colleague';
  const expires = input.expiresAt.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return {
    subject: `${who} invited you to ${input.organizationName} on Attribution Analytics`,
    body: [
      `${who} invited you to join ${input.organizationName} on Attribution Analytics as ${input.roleName}.`,
      `Accept the invitation:\n${input.link}`,
      `The link works once and expires on ${expires}. If you did not expect this mail, ignore it.`,
    ].join('\n\n'),
  };
}
