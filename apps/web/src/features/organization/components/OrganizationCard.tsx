import { Card } from '../../../components/ui/Card.js';
import { ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import type { MeQuery } from '../../../gql/graphql.js';
import { useMembersQuery } from '../../../gql/hooks.js';
import { canLeave, canManageTeam, ROLE_HINTS, ROLE_IN_SENTENCE } from '../team-rules.js';
import { CurrencySetting } from './CurrencySetting.js';
import { InviteMemberForm } from './InviteMemberForm.js';
import { LeaveOrganization } from './LeaveOrganization.js';
import { MembersTable } from './MembersTable.js';
import { PendingInvitations } from './PendingInvitations.js';
import '../organization.css';

type Viewer = NonNullable<MeQuery['me']>;

/** The organization: its currency, its members and (for owners and admins) invitations; members read it only. */
export function OrganizationCard({ viewer }: { viewer: Viewer }) {
  const members = useMembersQuery();
  const manages = canManageTeam(viewer.role);
  const list = members.data?.members ?? [];
  const ownerCount = list.filter((member) => member.role === 'OWNER').length;
  return (
    <Card
      title="Organization"
      subtitle={`You are ${ROLE_IN_SENTENCE[viewer.role]} of ${viewer.organization.name}. ${ROLE_HINTS[viewer.role]}`}
      aria-label="Organization"
    >
      <CurrencySetting editable={manages} />
      <h3 className="section-title">Members</h3>
      {members.error && !members.data && <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
      {members.loading && !members.data && <LoadingState />}
      {members.data && <MembersTable members={list} viewerRole={viewer.role} viewerUserId={viewer.user?.id ?? null} />}
      {manages && (
        <>
          <h3 className="section-title">Invite a member</h3>
          <InviteMemberForm viewerRole={viewer.role} />
          <PendingInvitations viewerRole={viewer.role} />
        </>
      )}
      {viewer.user && members.data && (
        <LeaveOrganization organizationName={viewer.organization.name} allowed={canLeave(viewer.role, ownerCount)} />
      )}
    </Card>
  );
}
