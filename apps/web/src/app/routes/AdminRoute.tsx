import { PageHeader } from '../../components/ui/PageHeader.js';
import { BillingIncidentsCard } from '../../features/admin/components/BillingIncidentsCard.js';
import { BillingOverviewCard } from '../../features/admin/components/BillingOverviewCard.js';
import { OutboxCard } from '../../features/admin/components/OutboxCard.js';
import { WebhookEventsCard } from '../../features/admin/components/WebhookEventsCard.js';
import { useViewer } from '../../features/auth/hooks/useViewer.js';

export function AdminRoute() {
  const { viewer } = useViewer();
  return (
    <div className="page">
      <PageHeader
        title="Developer"
        description="For owners and admins: Stripe webhook deliveries, billing incidents and the mail they caused."
      />
      {viewer?.isOperator && <BillingOverviewCard />}
      <BillingIncidentsCard />
      <WebhookEventsCard />
      <OutboxCard />
    </div>
  );
}
