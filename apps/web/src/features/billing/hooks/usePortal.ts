import { useState } from 'react';
import { useCreatePortalSessionMutation } from '../../../gql/hooks.js';

/**
 * Opens Stripe's customer portal in a session made now: portal links expire within minutes, so one
 * is never kept or mailed. `beforeLeave` runs once the URL is known, just before the browser leaves.
 */
export function usePortal() {
  const [createSession, { loading }] = useCreatePortalSessionMutation();
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function open(beforeLeave?: () => void) {
    setError(null);
    try {
      const result = await createSession();
      const url = result.data?.createPortalSession.url;
      if (!url) return;
      setLeaving(true);
      beforeLeave?.();
      window.location.assign(url);
    } catch (caught) {
      setError(caught);
    }
  }

  return { open, busy: loading || leaving, error };
}
