import { Card } from '../../components/ui/Card.js';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { ApiKeysCard } from '../../features/api-keys/components/ApiKeysCard.js';
import { useViewer } from '../../features/auth/hooks/useViewer.js';
import { InvoicesCard } from '../../features/billing/components/InvoicesCard.js';
import { SubscriptionCard } from '../../features/billing/components/SubscriptionCard.js';
import { OrganizationCard } from '../../features/organization/components/OrganizationCard.js';
import { canManageTeam } from '../../features/organization/team-rules.js';

export function SettingsRoute() {
  const { viewer } = useViewer();
  // Billing actions are for owners and admins (the API refuses members); members are told whom to ask.
  const managesBilling = viewer !== null && canManageTeam(viewer.role);
  return (
    <div className="page">
      <PageHeader title="Settings" description="API keys, your organization and billing." />
      {managesBilling && <ApiKeysCard />}
      {viewer && <OrganizationCard viewer={viewer} />}
      {managesBilling ? (
        <>
          <SubscriptionCard />
          <InvoicesCard />
        </>
      ) : (
        viewer && (
          <Card title="Billing" aria-label="Billing">
            <p className="muted">The owners and admins of {viewer.organization.name} manage the subscription.</p>
          </Card>
        )
      )}
    </div>
  );
}
