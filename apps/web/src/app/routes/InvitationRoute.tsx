import { Link, useParams } from 'react-router';
import { LoadingState } from '../../components/ui/States.js';
import { AuthCard } from '../../features/auth/components/AuthCard.js';
import { SignOutButton } from '../../features/auth/components/SignOutButton.js';
import { useViewer } from '../../features/auth/hooks/useViewer.js';
import { InvitationPanel } from '../../features/organization/components/InvitationPanel.js';
import { invitationStep } from '../../features/organization/invitation-state.js';
import { ROLE_IN_SENTENCE } from '../../features/organization/team-rules.js';
import { useInvitationPreviewQuery } from '../../gql/hooks.js';
import { useDocumentTitle } from '../../lib/document-title.js';

/** /invitations/:token — the link from an invitation mail: who invites you where, then one way to join. */
export function InvitationRoute() {
  const { token = '' } = useParams();
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, error } = useInvitationPreviewQuery({ variables: { token }, fetchPolicy: 'network-only' });
  const invitation = data?.invitation ?? null;
  const title = invitation?.status === 'PENDING' ? `Join ${invitation.organizationName}` : 'Invitation';
  useDocumentTitle(title);

  if ((loading && !data) || viewerLoading) return <LoadingState />;
  const step = error ? null : invitationStep(invitation, viewer?.user?.email ?? null);
  if (!step || step.kind === 'invalid' || !invitation) {
    return (
      <AuthCard
        title={step?.kind === 'invalid' ? step.title : 'We could not open this invitation'}
        subtitle={step?.kind === 'invalid' ? step.message : 'Check your connection and reload the page.'}
        footer={<Link to="/signin">Go to sign in</Link>}
      >
        {null}
      </AuthCard>
    );
  }
  const inviter = invitation.inviterEmail ?? 'A colleague';
  return (
    <AuthCard
      title={title}
      subtitle={`${inviter} invited you to join ${invitation.organizationName} as ${ROLE_IN_SENTENCE[invitation.role]}.`}
      footer={<>The link works once and only for {invitation.email}.</>}
    >
      <InvitationPanel token={token} invitation={invitation} step={step} signOut={<SignOutButton />} />
    </AuthCard>
  );
}
