// What the invitation page offers, from the invitation's status and who (if anyone) is signed in.
import type { InvitationStatus } from '../../gql/graphql.js';

export type InvitationStep =
  | { kind: 'invalid'; title: string; message: string }
  | { kind: 'accept' }
  | { kind: 'wrong-account'; signedInAs: string }
  | { kind: 'sign-in' }
  | { kind: 'sign-up' };

interface Preview {
  status: InvitationStatus;
  email: string;
  accountExists: boolean;
}

const CLOSED: Record<Exclude<InvitationStatus, 'PENDING'>, { title: string; message: string }> = {
  EXPIRED: {
    title: 'This invitation has expired',
    message: 'Invitation links work for 7 days. Ask the person who invited you to send a new one.',
  },
  REVOKED: {
    title: 'This invitation was withdrawn',
    message: 'An owner or admin revoked it. Ask them for a new invitation if you still need access.',
  },
  ACCEPTED: {
    title: 'This invitation has been used',
    message: 'It was accepted already. Sign in with the invited address to open the organization.',
  },
};

const UNKNOWN = {
  title: 'This invitation link is not valid',
  message: 'It may have been replaced by a newer invitation, or copied incompletely. Check the latest mail.',
};

export function invitationStep(preview: Preview | null, signedInEmail: string | null): InvitationStep {
  if (!preview) return { kind: 'invalid', ...UNKNOWN };
  if (preview.status !== 'PENDING') return { kind: 'invalid', ...CLOSED[preview.status] };
  if (signedInEmail !== null) {
    return signedInEmail === preview.email ? { kind: 'accept' } : { kind: 'wrong-account', signedInAs: signedInEmail };
  }
  return preview.accountExists ? { kind: 'sign-in' } : { kind: 'sign-up' };
}
