import type { ReactNode } from 'react';
import { Badge } from '../../../components/ui/Badge.js';
import { Card } from '../../../components/ui/Card.js';
import type { PlanFieldsFragment } from '../../../gql/graphql.js';
import { formatPriceMonthly } from '../../../lib/format.js';
import { PlanFeatures } from './PlanFeatures.js';

const TAGLINES: Record<string, string> = {
  FREE: 'Try multi-touch attribution on your own journeys.',
  PRO: 'For growing teams comparing the classic models.',
  SCALE: 'Every model, long lookbacks and CSV exports.',
};

export function PlanCard({ plan, current, action }: { plan: PlanFieldsFragment; current: boolean; action: ReactNode }) {
  return (
    <Card
      highlight={current}
      aria-label={`${plan.name} plan`}
      title={plan.name}
      subtitle={TAGLINES[plan.tier]}
      actions={current ? <Badge tone="primary">Current plan</Badge> : undefined}
    >
      <p className="plan-card__price">
        {formatPriceMonthly(plan.priceMonthlyCents)}
        <span> / month</span>
      </p>
      <PlanFeatures limits={plan.limits} />
      <div style={{ marginTop: 'auto' }}>{action}</div>
    </Card>
  );
}
