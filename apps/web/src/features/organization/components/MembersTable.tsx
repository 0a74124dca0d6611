import { useState } from 'react';
import { Badge } from '../../../components/ui/Badge.js';
import { Button } from '../../../components/ui/Button.js';
import { ErrorAlert } from '../../../components/ui/States.js';
import { Table, type Column } from '../../../components/ui/Table.js';
import type { MemberFieldsFragment, MembershipRole } from '../../../gql/graphql.js';
import { useChangeMemberRoleMutation } from '../../../gql/hooks.js';
import { formatDay } from '../../../lib/format.js';
import { canChangeRole, canRemove, ROLE_NAMES } from '../team-rules.js';
import { RemoveMemberDialog } from './RemoveMemberDialog.js';

const COLUMNS: readonly Column[] = [{ label: 'Email' }, { label: 'Role' }, { label: 'Joined' }, { label: 'Actions' }];
const ASSIGNABLE: readonly MembershipRole[] = ['MEMBER', 'ADMIN'];

/** Every member; the role select and Remove appear only where the viewer may use them (cards under 640 px). */
export function MembersTable({
  members,
  viewerRole,
  viewerUserId,
}: {
  members: readonly MemberFieldsFragment[];
  viewerRole: MembershipRole;
  viewerUserId: string | null;
}) {
  const [changeRole, { error }] = useChangeMemberRoleMutation();
  const [removing, setRemoving] = useState<MemberFieldsFragment | null>(null);
  return (
    <>
      {error && <ErrorAlert error={error} />}
      <Table label="Members" columns={COLUMNS}>
        {members.map((member) => {
          const isSelf = member.userId === viewerUserId;
          return (
            <tr key={member.id}>
              <td>
                <span>
                  {member.email}
                  {isSelf && <span className="muted"> (you)</span>}
                </span>
              </td>
              <td>
                {canChangeRole(viewerRole, member.role, isSelf) ? (
                  <select
                    className="select"
                    aria-label={`Role of ${member.email}`}
                    value={member.role}
                    onChange={(e) =>
                      void changeRole({
                        variables: { input: { memberId: member.id, role: e.target.value as MembershipRole } },
                      }).catch(() => null)
                    }
                  >
                    {ASSIGNABLE.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_NAMES[role]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <Badge tone={member.role === 'MEMBER' ? 'neutral' : 'primary'}>{ROLE_NAMES[member.role]}</Badge>
                )}
              </td>
              <td>{formatDay(member.joinedAt)}</td>
              <td>
                {canRemove(viewerRole, member.role, isSelf) ? (
                  <Button
                    variant="danger"
                    size="sm"
                    aria-label={`Remove ${member.email}`}
                    onClick={() => setRemoving(member)}
                  >
                    Remove
                  </Button>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          );
        })}
      </Table>
      <RemoveMemberDialog member={removing} onClose={() => setRemoving(null)} />
    </>
  );
}
