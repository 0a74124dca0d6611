import { useState } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { useCreatePortalSessionMutation } from '../../../gql/hooks.js';

/** Opens Stripe's customer portal; the button stays busy while the browser leaves. */
export function ManageBillingButton({ onError }: { onError: (error: unknown) => void }) {
  const [openPortal, { loading }] = useCreatePortalSessionMutation();
  const [leaving, setLeaving] = useState(false);

  async function manageBilling() {
    try {
      const result = await openPortal();
      const url = result.data?.createPortalSession.url;
      if (url) {
        setLeaving(true);
        window.location.assign(url);
      }
    } catch (error) {
      onError(error);
    }
  }

  return (
    <Button variant="secondary" size="sm" busy={loading || leaving} onClick={manageBilling}>
      Manage billing
    </Button>
  );
}
