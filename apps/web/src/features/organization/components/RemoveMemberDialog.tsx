import { Button } from '../../../components/ui/Button.js';
import { Dialog } from '../../../components/ui/Dialog.js';
import { ErrorAlert } from '../../../components/ui/States.js';
import { MembersDocument, type MemberFieldsFragment } from '../../../gql/graphql.js';
import { useRemoveMemberMutation } from '../../../gql/hooks.js';

/** Asks before removing: the member's sessions in the organization end at once. */
export function RemoveMemberDialog({ member, onClose }: { member: MemberFieldsFragment | null; onClose: () => void }) {
  // The refetch is awaited, so the dialog closes once the row (and the button that opened it) is gone, and
  // focus lands on the page's main landmark (Dialog's fallback) instead of the body.
  const [remove, { loading, error, reset }] = useRemoveMemberMutation({
    refetchQueries: [MembersDocument],
    awaitRefetchQueries: true,
  });

  function close() {
    reset();
    onClose();
  }

  async function confirm() {
    if (!member) return;
    const result = await remove({ variables: { id: member.id } }).catch(() => null);
    if (result?.data) close();
  }

  return (
    <Dialog open={member !== null} onClose={close} title={`Remove ${member?.email ?? 'member'}?`}>
      <p>They lose access to this organization at once and are signed out of it. You can invite them again later.</p>
      {error && <ErrorAlert error={error} />}
      <div className="row row--end">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button variant="danger" busy={loading} onClick={() => void confirm()}>
          Remove member
        </Button>
      </div>
    </Dialog>
  );
}
