import { PageHeader } from '../../components/ui/PageHeader.js';
import { OutboxCard } from '../../features/admin/components/OutboxCard.js';
import { WebhookEventsCard } from '../../features/admin/components/WebhookEventsCard.js';

export function AdminRoute() {
  return (
    <div className="page">
      <PageHeader title="Billing activity" description="Stripe webhook deliveries and the mail they caused. Visible to owners and admins." />
      <WebhookEventsCard />
      <OutboxCard />
    </div>
  );
}
