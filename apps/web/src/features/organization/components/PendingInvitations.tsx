import { useState } from 'react';
import { Badge } from '../../../components/ui/Badge.js';
import { Button } from '../../../components/ui/Button.js';
import { ErrorAlert } from '../../../components/ui/States.js';
import { Table, type Column } from '../../../components/ui/Table.js';
import { PendingInvitationsDocument, type MembershipRole } from '../../../gql/graphql.js';
import {
  usePendingInvitationsQuery,
  useResendInvitationMutation,
  useRevokeInvitationMutation,
} from '../../../gql/hooks.js';
import { formatDay } from '../../../lib/format.js';
import { ROLE_NAMES } from '../team-rules.js';

const COLUMNS: readonly Column[] = [{ label: 'Email' }, { label: 'Role' }, { label: 'Expires' }, { label: 'Actions' }];

/** Invitations not yet accepted: resend (a new link, the old one dies) or revoke. */
export function PendingInvitations({ viewerRole }: { viewerRole: MembershipRole }) {
  const { data, error } = usePendingInvitationsQuery();
  const refetchQueries = [PendingInvitationsDocument];
  const [resend, resent] = useResendInvitationMutation({ refetchQueries });
  const [revoke, revoked] = useRevokeInvitationMutation({ refetchQueries });
  const [busyId, setBusyId] = useState<string | null>(null);
  const invitations = data?.invitations ?? [];
  if (invitations.length === 0 && !error) return null;

  function act(id: string, action: typeof resend | typeof revoke) {
    setBusyId(id);
    void action({ variables: { id } })
      .catch(() => null)
      .finally(() => setBusyId(null));
  }

  return (
    <>
      <h3 className="section-title">Pending invitations</h3>
      {(error ?? resent.error ?? revoked.error) && <ErrorAlert error={error ?? resent.error ?? revoked.error} />}
      <Table label="Pending invitations" columns={COLUMNS}>
        {invitations.map((invitation) => {
          // Only an owner acts on an invitation to the admin role, as only an owner sends one.
          const mayAct = viewerRole === 'OWNER' || invitation.role === 'MEMBER';
          return (
            <tr key={invitation.id}>
              <td>{invitation.email}</td>
              <td>{ROLE_NAMES[invitation.role]}</td>
              <td>{invitation.expired ? <Badge tone="warning">Expired</Badge> : formatDay(invitation.expiresAt)}</td>
              <td>
                {mayAct ? (
                  <div className="row">
                    <Button
                      variant="secondary"
                      size="sm"
                      busy={busyId === invitation.id}
                      aria-label={`Resend the invitation to ${invitation.email}`}
                      onClick={() => act(invitation.id, resend)}
                    >
                      Resend
                    </Button>
                    <Button
                      variant="danger"
                      size="sm"
                      busy={busyId === invitation.id}
                      aria-label={`Revoke the invitation to ${invitation.email}`}
                      onClick={() => act(invitation.id, revoke)}
                    >
                      Revoke
                    </Button>
                  </div>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          );
        })}
      </Table>
    </>
  );
}
