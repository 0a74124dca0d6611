import { Button } from '../../../components/ui/Button.js';

/**
 * Where a billing mail's link lands (/settings?billing=portal): one clear button that opens the
 * portal in a session made on the click, however old the mail is.
 */
export function PortalRequest({
  hasCustomer,
  busy,
  onOpen,
}: {
  hasCustomer: boolean;
  busy: boolean;
  onOpen: () => void;
}) {
  if (!hasCustomer) {
    return (
      <div className="callout" role="status">
        <div>
          <strong>Nothing to update</strong>
          <p>Your organization has no billing account yet, so there is no card or invoice to manage.</p>
        </div>
      </div>
    );
  }
  return (
    <div className="callout">
      <div>
        <strong>Update your payment method or pay an invoice</strong>
        <p>
          Stripe's billing portal opens in a new secure session: change your card, see your invoices and pay what is
          open.
        </p>
      </div>
      <Button busy={busy} onClick={onOpen}>
        Open billing portal
      </Button>
    </div>
  );
}
