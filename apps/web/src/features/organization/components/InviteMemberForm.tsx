import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { Alert, ErrorAlert } from '../../../components/ui/States.js';
import { PendingInvitationsDocument, type MembershipRole } from '../../../gql/graphql.js';
import { useInviteMemberMutation } from '../../../gql/hooks.js';
import { invitableRoles, ROLE_NAMES } from '../team-rules.js';

/** Email and role; the invitation link goes out by mail and is valid for 7 days. */
export function InviteMemberForm({ viewerRole }: { viewerRole: MembershipRole }) {
  const roles = invitableRoles(viewerRole);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('MEMBER');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [invite, { loading, error }] = useInviteMemberMutation({ refetchQueries: [PendingInvitationsDocument] });
  const emailId = useId();
  const roleId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    const result = await invite({ variables: { input: { email: email.trim(), role } } }).catch(() => null);
    if (result?.data) {
      setSentTo(result.data.inviteMember.email);
      setEmail('');
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Invite a member">
      {error && <ErrorAlert error={error} />}
      {sentTo && <Alert tone="success">Invitation sent to {sentTo}. The link is valid for 7 days.</Alert>}
      <div className="row invite-form__row">
        <div className="field" style={{ flex: 1, minWidth: 220 }}>
          <label className="field__label" htmlFor={emailId}>
            Email
          </label>
          <input
            id={emailId}
            className="input"
            type="email"
            required
            autoComplete="off"
            placeholder="name@company.com"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={roleId}>
            Role
          </label>
          <select
            id={roleId}
            className="select"
            value={role}
            onChange={(e) => setRole(e.target.value as MembershipRole)}
          >
            {roles.map((option) => (
              <option key={option} value={option}>
                {ROLE_NAMES[option]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" busy={loading}>
          Send invitation
        </Button>
      </div>
    </form>
  );
}
