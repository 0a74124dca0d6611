import { isPaidPlanTier, paidPlans } from '@aa/plans';
import { ID_PREFIX, newId } from '../ids.js';
import { buildPrice, buildProduct } from '../objects/catalog-objects.js';
import type { Store } from '../store/store.js';

export interface SeededPrices {
  PRO: string;
  SCALE: string;
}

/** The plan catalog's paid plans as Stripe products with monthly prices under their lookup keys. */
export function seedCatalog(store: Store, now: number): SeededPrices {
  const ids: Partial<SeededPrices> = {};
  for (const plan of paidPlans()) {
    if (!plan.stripe || !isPaidPlanTier(plan.tier)) continue;
    const product = store.products.insert(
      buildProduct({
        id: newId(ID_PREFIX.product, 14),
        created: now,
        name: plan.stripe.productName,
        description: plan.stripe.productDescription,
        metadata: { plan_tier: plan.tier },
        active: true,
      }),
    );
    const price = store.prices.insert(
      buildPrice({
        id: newId(ID_PREFIX.price),
        created: now,
        product: product.id,
        currency: 'usd',
        unitAmount: plan.priceMonthlyCents,
        recurring: { interval: 'month', interval_count: 1 },
        lookupKey: plan.stripe.lookupKey,
        nickname: `${plan.name} monthly`,
        metadata: { plan_tier: plan.tier },
        active: true,
      }),
    );
    product.default_price = price.id;
    ids[plan.tier] = price.id;
  }
  if (!ids.PRO || !ids.SCALE) throw new Error('The plan catalog must define the PRO and SCALE Stripe prices.');
  return { PRO: ids.PRO, SCALE: ids.SCALE };
}
