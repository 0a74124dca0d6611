import { PageHeader } from '../../components/ui/PageHeader.js';
import { ApiKeysCard } from '../../features/api-keys/components/ApiKeysCard.js';
import { useViewer } from '../../features/auth/hooks/useViewer.js';
import { InvoicesCard } from '../../features/billing/components/InvoicesCard.js';
import { SubscriptionCard } from '../../features/billing/components/SubscriptionCard.js';
import { OrganizationCard } from '../../features/organization/components/OrganizationCard.js';

export function SettingsRoute() {
  const { viewer } = useViewer();
  return (
    <div className="page">
      <PageHeader title="Settings" description="API keys, your organization and billing." />
      <ApiKeysCard />
      {viewer && <OrganizationCard viewer={viewer} />}
      <SubscriptionCard />
      {(viewer?.role === 'OWNER' || viewer?.role === 'ADMIN') && <InvoicesCard />}
    </div>
  );
}
