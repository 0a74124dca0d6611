import type { PlanFieldsFragment } from '../../../gql/graphql.js';
import { formatCount, formatQuantity } from '../../../lib/format.js';

export function PlanFeatures({ limits }: { limits: PlanFieldsFragment['limits'] }) {
  return (
    <ul className="feature-list">
      <li>{formatCount(limits.attributionRuns)} attribution runs / month</li>
      <li>{formatQuantity(limits.models.length, 'attribution model')}</li>
      <li>{limits.lookbackDays}-day lookback window</li>
      <li className={limits.exports ? undefined : 'feature--off'}>CSV exports</li>
    </ul>
  );
}
