import { usePlansQuery } from '../../../gql/hooks.js';
import { planNamesFrom, type PlanNameOf } from '../subscription-summary.js';

/** "Pro", "Scale": the catalog's names for tiers (the plans query is shared with the pricing page's cache). */
export function usePlanNames(): PlanNameOf {
  const { data } = usePlansQuery();
  return planNamesFrom(data?.plans);
}
