import { PageHeader } from '../../components/ui/PageHeader.js';
import { ActivationStatus } from '../../features/billing/components/ActivationStatus.js';

export function BillingSuccessRoute() {
  return (
    <div className="page">
      <PageHeader title="Thank you" description="Your checkout is complete." />
      <ActivationStatus />
    </div>
  );
}
