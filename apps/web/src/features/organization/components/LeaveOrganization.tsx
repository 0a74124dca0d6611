import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button.js';
import { Dialog } from '../../../components/ui/Dialog.js';
import { ErrorAlert } from '../../../components/ui/States.js';
import { useLeaveOrganizationMutation } from '../../../gql/hooks.js';

/** Leaving ends the session in this organization; the last owner is told why they cannot. */
export function LeaveOrganization({ organizationName, allowed }: { organizationName: string; allowed: boolean }) {
  const [open, setOpen] = useState(false);
  const [leave, { loading, error }] = useLeaveOrganizationMutation();
  const client = useApolloClient();
  const navigate = useNavigate();

  if (!allowed) {
    return <p className="muted">You are the only owner, so you cannot leave {organizationName}.</p>;
  }

  async function confirm() {
    const result = await leave().catch(() => null);
    if (!result?.data) return;
    setOpen(false);
    await client.clearStore();
    await navigate('/signin', { replace: true });
  }

  return (
    <div className="row row--end">
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Leave organization
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Leave ${organizationName}?`}>
        <p>You lose access to its reports at once and are signed out. An owner or admin can invite you again.</p>
        {error && <ErrorAlert error={error} />}
        <div className="row row--end">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button variant="danger" busy={loading} onClick={() => void confirm()}>
            Leave organization
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
