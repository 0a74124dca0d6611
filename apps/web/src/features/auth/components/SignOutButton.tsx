import { useApolloClient } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button.js';
import { useSignOutMutation } from '../../../gql/hooks.js';

export function SignOutButton() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut, { loading }] = useSignOutMutation();

  async function run() {
    await signOut().catch(() => null);
    // clearStore, not resetStore: nothing should refetch as the signed-out visitor.
    await client.clearStore();
    await navigate('/signin', { replace: true });
  }

  return (
    <Button variant="ghost" size="sm" busy={loading} onClick={run}>
      Sign out
    </Button>
  );
}
