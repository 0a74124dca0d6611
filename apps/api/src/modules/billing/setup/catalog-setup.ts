import { isPaidPlanTier, paidPlans, type PaidPlanTier, type Plan, type StripeProduct } from '@aa/plans';
import type Stripe from 'stripe';
import { step, type SetupStep } from './setup-step.js';

type SellablePlan = Plan & { tier: PaidPlanTier; stripe: StripeProduct };

export interface CatalogResult {
  steps: SetupStep[];
  priceIds: Record<PaidPlanTier, string>;
}

function dollars(cents: number | null): string {
  return cents === null ? 'no fixed amount' : `$${(cents / 100).toFixed(2)}`;
}

function termsOf(price: Stripe.Price): string {
  const every = price.recurring
    ? `/${price.recurring.interval_count === 1 ? '' : `${price.recurring.interval_count} `}${price.recurring.interval}`
    : ' once';
  return `${dollars(price.unit_amount)} ${price.currency.toUpperCase()}${every}`;
}

function productIdOf(price: Stripe.Price): string {
  return typeof price.product === 'string' ? price.product : price.product.id;
}

/** The plan's monthly USD price exactly: Stripe never changes a price's amount, so any other is replaced. */
function hasPlanTerms(price: Stripe.Price, plan: SellablePlan, productId: string): boolean {
  return (
    price.type === 'recurring' &&
    price.recurring?.interval === 'month' &&
    price.recurring.interval_count === 1 &&
    price.currency === 'usd' &&
    price.unit_amount === plan.priceMonthlyCents &&
    productIdOf(price) === productId
  );
}

/** The price holding the plan's lookup key, if any (active or archived). */
async function priceOfLookupKey(stripe: Stripe, lookupKey: string): Promise<Stripe.Price | null> {
  const prices = await stripe.prices.list({ lookup_keys: [lookupKey], limit: 1 });
  return prices.data[0] ?? null;
}

/** Our product for the plan: the one its price belongs to, else one we tagged earlier (a run that stopped half-way). */
async function findProduct(
  stripe: Stripe,
  plan: SellablePlan,
  price: Stripe.Price | null,
): Promise<Stripe.Product | null> {
  if (price) return stripe.products.retrieve(productIdOf(price));
  for await (const product of stripe.products.list({ limit: 100 })) {
    if (product.metadata.plan_tier === plan.tier) return product;
  }
  return null;
}

/** Our product for the plan, created or brought up to date; `changes` lists what was changed ('created' when new). */
async function ensureProduct(
  stripe: Stripe,
  plan: SellablePlan,
  price: Stripe.Price | null,
): Promise<{ product: Stripe.Product; changes: string[] | 'created' }> {
  const wanted = {
    name: plan.stripe.productName,
    description: plan.stripe.productDescription,
    metadata: { plan_tier: plan.tier },
  };
  const found = await findProduct(stripe, plan, price);
  if (!found) return { product: await stripe.products.create(wanted), changes: 'created' };
  const changes = [
    found.name !== wanted.name && 'name',
    found.description !== wanted.description && 'description',
    found.metadata.plan_tier !== plan.tier && 'metadata.plan_tier',
    !found.active && 'active (was archived)',
  ].filter((field): field is string => typeof field === 'string');
  if (changes.length === 0) return { product: found, changes };
  return { product: await stripe.products.update(found.id, { ...wanted, active: true }), changes };
}

function defaultPriceIdOf(product: Stripe.Product): string | null {
  return typeof product.default_price === 'string' ? product.default_price : (product.default_price?.id ?? null);
}

async function createPrice(
  stripe: Stripe,
  plan: SellablePlan,
  productId: string,
  transferLookupKey: boolean,
): Promise<Stripe.Price> {
  return stripe.prices.create({
    product: productId,
    currency: 'usd',
    unit_amount: plan.priceMonthlyCents,
    recurring: { interval: 'month', interval_count: 1 },
    lookup_key: plan.stripe.lookupKey,
    transfer_lookup_key: transferLookupKey,
    nickname: `${plan.name} monthly`,
    metadata: { plan_tier: plan.tier },
  });
}

async function ensurePrice(
  stripe: Stripe,
  plan: SellablePlan,
  productId: string,
  existing: Stripe.Price | null,
): Promise<{ price: Stripe.Price; step: SetupStep }> {
  const subject = `price ${plan.stripe.lookupKey}`;
  if (!existing) {
    const price = await createPrice(stripe, plan, productId, false);
    return { price, step: step(subject, 'created', `${price.id} (${termsOf(price)})`) };
  }
  if (!hasPlanTerms(existing, plan, productId)) {
    // Stripe cannot change a price's amount or interval: a new price takes over the lookup key. The old
    // one stays active, so its subscribers keep paying what they agreed to until someone moves them.
    const price = await createPrice(stripe, plan, productId, true);
    return {
      price,
      step: step(
        subject,
        'replaced',
        `${price.id} (${termsOf(price)}) now holds the lookup key; ${existing.id} (${termsOf(existing)}) is left active for its current subscribers: archive it in the Dashboard when none remain`,
      ),
    };
  }
  if (!existing.active) {
    const price = await stripe.prices.update(existing.id, { active: true });
    return { price, step: step(subject, 'updated', `${price.id}: active (was archived)`) };
  }
  return { price: existing, step: step(subject, 'unchanged', `${existing.id} (${termsOf(existing)})`) };
}

/** Each paid plan of the catalog as a Stripe product with its monthly USD price under its lookup key. */
export async function ensureCatalog(stripe: Stripe): Promise<CatalogResult> {
  const steps: SetupStep[] = [];
  const priceIds: Partial<Record<PaidPlanTier, string>> = {};
  for (const candidate of paidPlans()) {
    if (!candidate.stripe || !isPaidPlanTier(candidate.tier)) continue;
    const plan: SellablePlan = { ...candidate, tier: candidate.tier, stripe: candidate.stripe };
    const existing = await priceOfLookupKey(stripe, plan.stripe.lookupKey);
    const { product, changes } = await ensureProduct(stripe, plan, existing);
    const { price, step: priceStep } = await ensurePrice(stripe, plan, product.id, existing);
    // The Dashboard and Checkout show a product's default price: the plan's.
    if (defaultPriceIdOf(product) !== price.id) {
      await stripe.products.update(product.id, { default_price: price.id });
      if (changes !== 'created') changes.push('default price');
    }
    const subject = `product ${plan.name}`;
    if (changes === 'created') steps.push(step(subject, 'created', product.id));
    else
      steps.push(
        changes.length > 0
          ? step(subject, 'updated', `${product.id}: ${changes.join(', ')}`)
          : step(subject, 'unchanged', product.id),
      );
    steps.push(priceStep);
    priceIds[plan.tier] = price.id;
  }
  if (!priceIds.PRO || !priceIds.SCALE)
    throw new Error('The plan catalog must define the PRO and SCALE Stripe prices.');
  return { steps, priceIds: { PRO: priceIds.PRO, SCALE: priceIds.SCALE } };
}
