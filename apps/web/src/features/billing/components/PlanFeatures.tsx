import type { PlanFieldsFragment } from '../../../gql/graphql.js';
import { formatCount } from '../../../lib/format.js';

export function PlanFeatures({ limits }: { limits: PlanFieldsFragment['limits'] }) {
  const models = limits.models.length;
  return (
    <ul className="feature-list">
      <li>{formatCount(limits.attributionRuns)} attribution runs / month</li>
      <li>
        {models} attribution model{models === 1 ? '' : 's'}
      </li>
      <li>{limits.lookbackDays}-day lookback window</li>
      <li className={limits.exports ? undefined : 'feature--off'}>CSV exports</li>
    </ul>
  );
}
