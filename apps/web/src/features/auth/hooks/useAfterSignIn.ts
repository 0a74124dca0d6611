import { useApolloClient } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';

/** Only in-app paths are honoured, so `?next=` cannot send people to another site. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** After sign-in or sign-up: drop anonymous cache entries and go where the visitor was headed. */
export function useAfterSignIn() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return async () => {
    await client.resetStore();
    await navigate(safeNextPath(params.get('next')), { replace: true });
  };
}
