import { Link } from 'react-router';
import { Card } from '../../components/ui/Card.js';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { CurrentPlanCard } from '../../features/billing/components/CurrentPlanCard.js';
import { PlanChangeBanner } from '../../features/billing/components/PlanChangeBanner.js';
import { useViewer } from '../../features/auth/hooks/useViewer.js';
import { UsageMeterCard } from '../../features/usage/components/UsageMeterCard.js';

const QUICK_LINKS = [
  { to: '/attribution', title: 'Run attribution', text: 'Compare how models credit your channels.' },
  { to: '/attribution#track', title: 'Track a journey', text: 'Send one converted journey and see its credit.' },
  { to: '/settings', title: 'Create an API key', text: 'Send journeys from your own servers.' },
  { to: '/pricing', title: 'Compare plans', text: 'More runs, models and a longer lookback.' },
];

export function DashboardRoute() {
  const { viewer } = useViewer();
  return (
    <div className="page">
      <PageHeader title="Dashboard" description={viewer ? `Overview for ${viewer.organization.name}` : undefined} />
      <PlanChangeBanner />
      <div className="grid grid--2">
        <CurrentPlanCard />
        <UsageMeterCard />
      </div>
      <Card title="Quick links">
        <div className="grid grid--2">
          {QUICK_LINKS.map((link) => (
            <Link key={link.title} to={link.to} className="quick-link">
              <strong>{link.title} →</strong>
              <span className="muted">{link.text}</span>
            </Link>
          ))}
        </div>
      </Card>
    </div>
  );
}
