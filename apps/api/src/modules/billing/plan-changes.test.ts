import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUpUser } from '../../test/harness.js';
import { startBillingKit, type BillingKit } from './test/billing-test-kit.js';
import { graphql } from '../../test/gql/index.js';
import type { PlanChangesFieldsFragment, PlanTier } from '../../test/gql/graphql.js';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

const DAY_S = 86_400;
graphql(`
  fragment PlanChangesFields on BillingSubscription {
    planTier
    status
    cancelAtPeriodEnd
    currentPeriodEnd
    scheduledChange {
      planTier
      effectiveAt
    }
    pendingChange {
      planTier
      invoiceUrl
      expiresAt
    }
  }
`);
const CHANGE_PLAN = graphql(`
  mutation PlanChangesChangePlan($tier: PlanTier!) {
    changePlan(planTier: $tier) {
      ...PlanChangesFields
    }
  }
`);
const UNDO = graphql(`
  mutation PlanChangesUndo {
    undoScheduledPlanChange {
      ...PlanChangesFields
    }
  }
`);
const SUBSCRIPTION = graphql(`
  query PlanChangesSubscription {
    subscription {
      ...PlanChangesFields
    }
  }
`);

/** What the plan-change mutations answer: the subscription as the fields above. */
type ChangeView = PlanChangesFieldsFragment;

async function changePlan(user: SignedUpUser, tier: PlanTier): Promise<ChangeView> {
  const result = await kit.t.graphql(CHANGE_PLAN, { tier }, { cookie: user.cookie });
  if (!result.data?.changePlan) throw new Error(`changePlan failed: ${JSON.stringify(result.errors)}`);
  return result.data.changePlan;
}

async function undo(user: SignedUpUser): Promise<ChangeView> {
  const result = await kit.t.graphql(UNDO, {}, { cookie: user.cookie });
  if (!result.data?.undoScheduledPlanChange)
    throw new Error(`undoScheduledPlanChange failed: ${JSON.stringify(result.errors)}`);
  return result.data.undoScheduledPlanChange;
}

async function subscriptionOf(user: SignedUpUser): Promise<ChangeView> {
  const result = await kit.t.graphql(SUBSCRIPTION, {}, { cookie: user.cookie });
  if (!result.data?.subscription) throw new Error(`subscription failed: ${JSON.stringify(result.errors)}`);
  return result.data.subscription;
}

/** A subscriber whose customer lives on a Stripe test clock, so period ends can be reached. */
async function clockedSubscriber(tier: 'PRO' | 'SCALE') {
  const user = await kit.t.signUp();
  const clock = await kit.onTestClock(user);
  await kit.subscribe(user, tier);
  return { user, ...clock, subscriptionId: await kit.subscriptionIdOf(user) };
}

async function scheduleOf(subscriptionId: string): Promise<Stripe.SubscriptionSchedule | null> {
  const subscription = await kit.stripe.subscriptions.retrieve(subscriptionId, { expand: ['schedule'] });
  return subscription.schedule as Stripe.SubscriptionSchedule | null;
}

function priceOfPhase(phase: Stripe.SubscriptionSchedule.Phase | undefined): string | undefined {
  const price = phase?.items[0]?.price;
  return typeof price === 'string' ? price : price?.id;
}

describe('upgrades wait for their invoice to be paid (pending_if_incomplete)', () => {
  it('grants SCALE at once when the prorated upgrade charge succeeds, with no pending change', async () => {
    const { user, subscriptionId } = await clockedSubscriber('PRO');
    const changed = await changePlan(user, 'SCALE');
    expect(changed).toMatchObject({ planTier: 'SCALE', status: 'active', pendingChange: null, scheduledChange: null });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    const inStripe = await kit.stripe.subscriptions.retrieve(subscriptionId, { expand: ['latest_invoice'] });
    expect(inStripe.pending_update).toBeNull();
    expect(inStripe.items.data[0]?.price.id).toBe(kit.emulator.priceIds.SCALE);
    expect(inStripe.latest_invoice).toMatchObject({ billing_reason: 'subscription_update', status: 'paid' });
  });

  it('keeps PRO with a pending SCALE change and its invoice to pay when the charge fails, and grants SCALE once it is paid', async () => {
    const { user, subscriptionId } = await clockedSubscriber('PRO');
    await kit.useFailingCard(user);

    const changed = await changePlan(user, 'SCALE');
    expect(changed).toMatchObject({
      planTier: 'PRO',
      status: 'active',
      scheduledChange: null,
      pendingChange: { planTier: 'SCALE' },
    });
    const inStripe = await kit.stripe.subscriptions.retrieve(subscriptionId, { expand: ['latest_invoice'] });
    const invoice = inStripe.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: 'open', billing_reason: 'subscription_update' });
    expect(inStripe.items.data[0]?.price.id).toBe(kit.emulator.priceIds.PRO);
    expect(inStripe.pending_update?.subscription_items?.[0]?.price.id).toBe(kit.emulator.priceIds.SCALE);
    expect(changed.pendingChange?.invoiceUrl).toBe(invoice.hosted_invoice_url);
    expect(changed.pendingChange?.expiresAt).toBe(
      new Date((inStripe.pending_update?.expires_at ?? 0) * 1000).toISOString(),
    );

    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
    expect(await subscriptionOf(user)).toMatchObject({
      planTier: 'PRO',
      pendingChange: { planTier: 'SCALE', invoiceUrl: invoice.hosted_invoice_url },
    });
    // The owners hear that the change waits for the payment, not that a renewal failed.
    const mails = await kit.t.graphql(
      graphql(`
        query PlanChangesOutbox {
          outbox {
            subject
            body
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    const upgradeMail = mails.data?.outbox.find((mail) => mail.body.includes(invoice.hosted_invoice_url ?? '-'));
    expect(upgradeMail?.subject).toMatch(/^Your switch to Scale waits for a payment of \$/);
    expect(upgradeMail?.body).toContain('You stay on Pro until it is paid.');
    expect(upgradeMail?.body).not.toContain('grace period');

    // The customer pays the invoice with another card: Stripe applies the update.
    const card = await kit.stripe.paymentMethods.attach('pm_card_visa', { customer: String(inStripe.customer) });
    await kit.stripe.invoices.pay(invoice.id ?? '', { payment_method: card.id });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    expect(await subscriptionOf(user)).toMatchObject({ planTier: 'SCALE', pendingChange: null });
    expect((await kit.stripe.subscriptions.retrieve(subscriptionId)).items.data[0]?.price.id).toBe(
      kit.emulator.priceIds.SCALE,
    );
  });

  it('waits for 3-D Secure: a card that needs authentication leaves the upgrade pending until the customer pays on the hosted invoice page', async () => {
    const { user, subscriptionId } = await clockedSubscriber('PRO');
    const customer = String((await kit.stripe.subscriptions.retrieve(subscriptionId)).customer);
    const card = await kit.stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer });
    await kit.stripe.subscriptions.update(subscriptionId, { default_payment_method: card.id });
    await kit.settled();

    const changed = await changePlan(user, 'SCALE');
    expect(changed).toMatchObject({ planTier: 'PRO', pendingChange: { planTier: 'SCALE' } });
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
    const invoiceUrl = changed.pendingChange?.invoiceUrl ?? '';
    expect(invoiceUrl).toMatch(new RegExp(`^${kit.emulator.baseUrl}/invoice/in_`));

    // The customer opens the link and authenticates the same card there.
    const paid = await fetch(invoiceUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ card_number: '4000002760003184', card_expiry: '12/34', card_cvc: '123' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    expect(await subscriptionOf(user)).toMatchObject({ planTier: 'SCALE', pendingChange: null });
  });

  it('asks again for the same pending upgrade without a second invoice', async () => {
    const { user, subscriptionId } = await clockedSubscriber('PRO');
    await kit.useFailingCard(user);
    const first = await changePlan(user, 'SCALE');
    const again = await changePlan(user, 'SCALE');
    expect(again.pendingChange).toEqual(first.pendingChange);
    const open = await kit.stripe.invoices.list({ subscription: subscriptionId, status: 'open' });
    expect(open.data).toHaveLength(1);
  });

  it('drops the pending change when it expires unpaid, staying on PRO', async () => {
    const { user, subscriptionId, clockId } = await clockedSubscriber('PRO');
    await kit.useFailingCard(user);
    const changed = await changePlan(user, 'SCALE');
    const expiresAt = Date.parse(changed.pendingChange?.expiresAt ?? '') / 1000;
    // Stripe keeps a failed update for at most 23 hours.
    expect(expiresAt).toBeGreaterThan(0);

    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: expiresAt + 60 });
    await kit.settled();
    expect(await subscriptionOf(user)).toMatchObject({ planTier: 'PRO', pendingChange: null });
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
    const inStripe = await kit.stripe.subscriptions.retrieve(subscriptionId);
    expect(inStripe.pending_update).toBeNull();
    expect(inStripe.items.data[0]?.price.id).toBe(kit.emulator.priceIds.PRO);
  });
});

describe('who may change plans', () => {
  it('refuses a subscription whose renewal failed beyond the grace period with PAYMENT_NEEDED, touching nothing in Stripe', async () => {
    const { user, subscriptionId, clockId, frozenTime } = await clockedSubscriber('PRO');
    await kit.useFailingCard(user);
    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime + 32 * DAY_S });
    await kit.settled();
    const graceDays = kit.t.app.config.billing.pastDueGraceDays;
    const start = kit.t.clock.now();
    try {
      kit.t.clock.set(new Date(start.getTime() + (graceDays + 1) * DAY_S * 1000));
      const result = await kit.t.graphql(CHANGE_PLAN, { tier: 'SCALE' }, { cookie: user.cookie });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_NEEDED' });
    } finally {
      kit.t.clock.set(start);
    }
    const inStripe = await kit.stripe.subscriptions.retrieve(subscriptionId);
    expect(inStripe).toMatchObject({ status: 'past_due', pending_update: null });
    expect(inStripe.items.data[0]?.price.id).toBe(kit.emulator.priceIds.PRO);
  });
});

describe('downgrades are subscription schedules', () => {
  it('schedules SCALE → PRO for the period end in Stripe (two phases, released at the end) and keeps SCALE until then', async () => {
    const { user, subscriptionId, clockId } = await clockedSubscriber('SCALE');
    const changed = await changePlan(user, 'PRO');
    expect(changed).toMatchObject({
      planTier: 'SCALE',
      cancelAtPeriodEnd: false,
      pendingChange: null,
      scheduledChange: { planTier: 'PRO', effectiveAt: changed.currentPeriodEnd },
    });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    expect((await subscriptionOf(user)).scheduledChange).toEqual({
      planTier: 'PRO',
      effectiveAt: changed.currentPeriodEnd,
    });

    const schedule = await scheduleOf(subscriptionId);
    expect(schedule).toMatchObject({ status: 'active', end_behavior: 'release' });
    expect(schedule?.phases).toHaveLength(2);
    const periodEnd = Date.parse(changed.currentPeriodEnd) / 1000;
    expect(priceOfPhase(schedule?.phases[0])).toBe(kit.emulator.priceIds.SCALE);
    expect(schedule?.phases[0]?.end_date).toBe(periodEnd);
    expect(priceOfPhase(schedule?.phases[1])).toBe(kit.emulator.priceIds.PRO);
    expect(schedule?.phases[1]?.start_date).toBe(periodEnd);
    // Stripe itself still bills SCALE for this period: the portal and invoices agree with the app.
    expect((await kit.stripe.subscriptions.retrieve(subscriptionId)).items.data[0]?.price.id).toBe(
      kit.emulator.priceIds.SCALE,
    );

    // At the period end Stripe enters the PRO phase: nothing is scheduled any more.
    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: periodEnd + 60 });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
    expect(await subscriptionOf(user)).toMatchObject({ planTier: 'PRO', scheduledChange: null });
    // The schedule releases the subscription when its PRO phase ends; it renews on PRO from then on.
    const secondPhaseEnd = (await scheduleOf(subscriptionId))?.phases[1]?.end_date ?? 0;
    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: secondPhaseEnd + 60 });
    await kit.settled();
    expect(await scheduleOf(subscriptionId)).toBeNull();
    expect((await kit.stripe.subscriptionSchedules.retrieve(schedule?.id ?? '')).status).toBe('released');
    expect(await subscriptionOf(user)).toMatchObject({ planTier: 'PRO', scheduledChange: null });
    const invoices = await kit.stripe.invoices.list({ subscription: subscriptionId, limit: 1 });
    expect(invoices.data[0]).toMatchObject({ billing_reason: 'subscription_cycle', amount_paid: 4900 });
  });

  it('undo releases the schedule and stays on SCALE past the period end', async () => {
    const { user, subscriptionId, clockId, frozenTime } = await clockedSubscriber('SCALE');
    await changePlan(user, 'PRO');
    const undone = await undo(user);
    expect(undone).toMatchObject({ planTier: 'SCALE', scheduledChange: null, pendingChange: null });
    expect(await scheduleOf(subscriptionId)).toBeNull();
    const released = await kit.stripe.subscriptionSchedules.list({
      customer: String((await kit.stripe.subscriptions.retrieve(subscriptionId)).customer),
    });
    expect(released.data.map((schedule) => schedule.status)).toEqual(['released']);

    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime + 32 * DAY_S });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    const invoices = await kit.stripe.invoices.list({ subscription: subscriptionId, limit: 1 });
    expect(invoices.data[0]).toMatchObject({ billing_reason: 'subscription_cycle', amount_paid: 19900 });
  });

  it('refuses undo when no change is scheduled, with a typed error', async () => {
    const { user } = await clockedSubscriber('SCALE');
    const result = await kit.t.graphql(UNDO, {}, { cookie: user.cookie });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_SCHEDULED_CHANGE' });
  });

  it('choosing SCALE again while PRO is scheduled takes the downgrade back', async () => {
    const { user, subscriptionId } = await clockedSubscriber('SCALE');
    await changePlan(user, 'PRO');
    const back = await changePlan(user, 'SCALE');
    expect(back).toMatchObject({ planTier: 'SCALE', scheduledChange: null, pendingChange: null });
    expect(await scheduleOf(subscriptionId)).toBeNull();
    const invoices = await kit.stripe.invoices.list({ subscription: subscriptionId });
    expect(invoices.data.map((invoice) => invoice.billing_reason)).toEqual(['subscription_create']);
  });

  it('an upgrade from the downgraded phase releases the schedule first, then charges the difference', async () => {
    const { user, subscriptionId, clockId, frozenTime } = await clockedSubscriber('SCALE');
    await changePlan(user, 'PRO');
    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime + 32 * DAY_S });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });

    const upgraded = await changePlan(user, 'SCALE');
    expect(upgraded).toMatchObject({ planTier: 'SCALE', scheduledChange: null, pendingChange: null });
    expect(await scheduleOf(subscriptionId)).toBeNull();
    const latest = await kit.stripe.invoices.list({ subscription: subscriptionId, limit: 1 });
    expect(latest.data[0]).toMatchObject({ billing_reason: 'subscription_update', status: 'paid' });
  });

  it('a plan change takes back a cancellation at the period end: the subscription renews on the new plan', async () => {
    const upgrading = await clockedSubscriber('PRO');
    expect(await changePlan(upgrading.user, 'FREE')).toMatchObject({ planTier: 'PRO', cancelAtPeriodEnd: true });
    expect(await changePlan(upgrading.user, 'SCALE')).toMatchObject({
      planTier: 'SCALE',
      cancelAtPeriodEnd: false,
      pendingChange: null,
    });
    expect((await kit.stripe.subscriptions.retrieve(upgrading.subscriptionId)).cancel_at).toBeNull();

    const downgrading = await clockedSubscriber('SCALE');
    await changePlan(downgrading.user, 'FREE');
    const scheduled = await changePlan(downgrading.user, 'PRO');
    expect(scheduled).toMatchObject({
      planTier: 'SCALE',
      cancelAtPeriodEnd: false,
      scheduledChange: { planTier: 'PRO' },
    });
    expect(await scheduleOf(downgrading.subscriptionId)).toMatchObject({ status: 'active', end_behavior: 'release' });
  });

  it('FREE on a scheduled subscription releases the schedule and cancels at the period end', async () => {
    const { user, subscriptionId } = await clockedSubscriber('SCALE');
    await changePlan(user, 'PRO');
    const toFree = await changePlan(user, 'FREE');
    expect(toFree).toMatchObject({ planTier: 'SCALE', cancelAtPeriodEnd: true, scheduledChange: null });
    expect(await scheduleOf(subscriptionId)).toBeNull();
    expect((await kit.stripe.subscriptions.retrieve(subscriptionId)).cancel_at_period_end).toBe(true);
  });
});
