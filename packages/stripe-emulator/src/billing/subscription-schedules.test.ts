import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../index.js';
import { missingKeys, stripeExample } from '../testing/fixture-keys.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';

let emulator: StripeEmulator;
let stripe: Stripe;
let receiver: WebhookReceiver;

const START = Date.UTC(2026, 0, 15, 12) / 1000;
const FEB_15 = Date.UTC(2026, 1, 15, 12) / 1000;
const MAR_15 = Date.UTC(2026, 2, 15, 12) / 1000;
const DAY = 86_400;

beforeAll(async () => {
  receiver = await startWebhookReceiver('whsec_schedule_tests');
  ({ emulator, stripe } = await startEmulatorWithClient({
    retry: { attempts: 2, baseDelayMs: 10 },
    webhookEndpoints: [{ url: receiver.url, secret: receiver.secret }],
  }));
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

/** A customer on a test clock at START with a paying card, subscribed to one price. */
async function subscribedOnClock(
  email: string,
  price: string,
): Promise<{ clock: Stripe.TestHelpers.TestClock; subscription: Stripe.Subscription }> {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: START, name: email });
  const customer = await stripe.customers.create({ email, test_clock: clock.id });
  const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } });
  const subscription = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price }],
    metadata: { organization_id: email },
  });
  return { clock, subscription };
}

async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as Stripe.errors.StripeError,
  );
  if (!outcome) throw new Error('the request should have failed');
  return outcome;
}

/** Delivered events about these objects (schedules, subscriptions and the invoices of those), in delivery order. */
function deliveredAbout(...ids: string[]): Stripe.Event[] {
  return receiver.received
    .map((delivery) => delivery.event)
    .filter((event) => {
      const object = event.data.object as {
        id: string;
        parent?: { subscription_details?: { subscription?: string } | null } | null;
      };
      return ids.includes(object.id) || ids.includes(object.parent?.subscription_details?.subscription ?? '');
    });
}

function currentPhaseUpdate(schedule: Stripe.SubscriptionSchedule): Stripe.SubscriptionScheduleUpdateParams.Phase {
  const phase = schedule.phases[0];
  return {
    items: (phase?.items ?? []).map((item) => ({ price: String(item.price), quantity: item.quantity ?? 1 })),
    start_date: phase?.start_date ?? 0,
    end_date: phase?.end_date ?? 0,
  };
}

describe('subscription schedules', () => {
  it('creates a schedule from a subscription: one phase over its current period, released at its end, named on the subscription', async () => {
    const { subscription } = await subscribedOnClock('from-subscription@example.com', emulator.priceIds.SCALE);
    const schedule = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });

    expect(schedule).toMatchObject({
      object: 'subscription_schedule',
      status: 'active',
      end_behavior: 'release',
      subscription: subscription.id,
      customer: subscription.customer,
      current_phase: { start_date: START, end_date: FEB_15 },
      released_at: null,
      released_subscription: null,
    });
    expect(schedule.id).toMatch(/^sub_sched_/);
    expect(schedule.phases).toHaveLength(1);
    expect(schedule.phases[0]).toMatchObject({
      start_date: START,
      end_date: FEB_15,
      proration_behavior: 'create_prorations',
      currency: 'usd',
    });
    expect(schedule.phases[0]?.items).toEqual([
      expect.objectContaining({ price: emulator.priceIds.SCALE, quantity: 1 }),
    ]);
    expect(missingKeys(schedule, stripeExample('subscription_schedule'))).toEqual([]);

    expect((await stripe.subscriptions.retrieve(subscription.id)).schedule).toBe(schedule.id);
    const expanded = await stripe.subscriptions.retrieve(subscription.id, { expand: ['schedule'] });
    expect((expanded.schedule as Stripe.SubscriptionSchedule).phases[0]?.end_date).toBe(FEB_15);
    expect((await stripe.subscriptionSchedules.retrieve(schedule.id)).id).toBe(schedule.id);
    const listed = await stripe.subscriptionSchedules.list({ customer: String(subscription.customer) });
    expect(listed.data.map((s) => s.id)).toEqual([schedule.id]);

    await receiver.waitFor(() => deliveredAbout(schedule.id).some((e) => e.type === 'subscription_schedule.created'));
    const attached = await receiver.waitFor(() =>
      deliveredAbout(subscription.id).some(
        (e) =>
          e.type === 'customer.subscription.updated' && (e.data.object as Stripe.Subscription).schedule === schedule.id,
      ),
    );
    const update = attached.find(
      (r) =>
        r.event.type === 'customer.subscription.updated' &&
        (r.event.data.object as Stripe.Subscription).id === subscription.id,
    );
    expect(update?.event.data.previous_attributes).toEqual({ schedule: null });

    const again = await stripeError(stripe.subscriptionSchedules.create({ from_subscription: subscription.id }));
    expect(again.rawType).toBe('invalid_request_error');
    expect(again.message).toBe(
      `You cannot migrate a subscription that is already attached to a schedule: \`${schedule.id}\`.`,
    );
    const withPhases = await stripeError(
      stripe.subscriptionSchedules.create({
        from_subscription: subscription.id,
        phases: [{ items: [{ price: emulator.priceIds.PRO }] }],
      }),
    );
    expect(withPhases.message).toBe('You cannot set `phases` if `from_subscription` is set.');
    const missing = await stripeError(stripe.subscriptionSchedules.retrieve('sub_sched_missing'));
    expect([missing.statusCode, missing.code, missing.message]).toEqual([
      404,
      'resource_missing',
      "No such subscription schedule: 'sub_sched_missing'",
    ]);
  });

  it('refuses direct cancellation and item changes on a subscription managed by a schedule', async () => {
    const { subscription } = await subscribedOnClock('managed@example.com', emulator.priceIds.SCALE);
    const schedule = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });

    const cancel = await stripeError(stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true }));
    expect([cancel.statusCode, cancel.rawType]).toEqual([400, 'invalid_request_error']);
    expect(cancel.message).toBe(
      `The subscription is managed by the subscription schedule \`${schedule.id}\`, and updating any cancelation behavior directly is not allowed. Please update the schedule instead.`,
    );
    const switchPrice = await stripeError(
      stripe.subscriptions.update(subscription.id, {
        items: [{ id: subscription.items.data[0]?.id ?? '', price: emulator.priceIds.PRO }],
      }),
    );
    expect(switchPrice.message).toMatch(
      new RegExp(`^The subscription is managed by the subscription schedule \`${schedule.id}\``),
    );
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]?.price.id).toBe(
      emulator.priceIds.SCALE,
    );

    // What the schedule does not manage can still change.
    const renamed = await stripe.subscriptions.update(subscription.id, { metadata: { note: 'kept' } });
    expect(renamed.metadata.note).toBe('kept');
  });

  it('validates phases as Stripe does', async () => {
    const { subscription } = await subscribedOnClock('phase-rules@example.com', emulator.priceIds.SCALE);
    const schedule = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });
    const current = currentPhaseUpdate(schedule);

    const moved = await stripeError(
      stripe.subscriptionSchedules.update(schedule.id, { phases: [{ ...current, start_date: START + DAY }] }),
    );
    expect([moved.message, moved.param]).toEqual([
      'You can not modify the start date of the current phase.',
      'phases[0][start_date]',
    ]);
    const unanchored = await stripeError(
      stripe.subscriptionSchedules.update(schedule.id, { phases: [{ items: current.items, end_date: FEB_15 }] }),
    );
    expect(unanchored.message).toBe('Missing at least one phase with `start_date` to anchor end dates.');
    const both = await stripeError(
      stripe.subscriptionSchedules.update(schedule.id, { phases: [{ ...current, duration: { interval: 'month' } }] }),
    );
    expect(both.message).toBe('You may only specify one of these parameters: duration, end_date.');
    const noPrice = await stripeError(
      stripe.subscriptionSchedules.update(schedule.id, { phases: [current, { items: [{ quantity: 1 }] }] }),
    );
    expect([noPrice.code, noPrice.param]).toEqual(['parameter_missing', 'phases[1][items][0][price]']);
    const unknownPrice = await stripeError(
      stripe.subscriptionSchedules.update(schedule.id, { phases: [current, { items: [{ price: 'price_missing' }] }] }),
    );
    expect([unknownPrice.code, unknownPrice.param]).toEqual(['resource_missing', 'phases[1][items][0][price]']);

    // A later phase lasts its duration; the last one, given neither, one interval of its price.
    const updated = await stripe.subscriptionSchedules.update(schedule.id, {
      phases: [
        current,
        { items: [{ price: emulator.priceIds.PRO }], duration: { interval: 'month', interval_count: 2 } },
        { items: [{ price: emulator.priceIds.SCALE }] },
      ],
    });
    expect(updated.phases.map((phase) => [phase.start_date, phase.end_date])).toEqual([
      [START, FEB_15],
      [FEB_15, Date.UTC(2026, 3, 15, 12) / 1000],
      [Date.UTC(2026, 3, 15, 12) / 1000, Date.UTC(2026, 4, 15, 12) / 1000],
    ]);
    expect(updated.status).toBe('active');
  });

  it('downgrades at the period end: the renewal bills the new price without proration, then the schedule is released', async () => {
    const { clock, subscription } = await subscribedOnClock('downgrade@example.com', emulator.priceIds.SCALE);
    const created = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });
    const schedule = await stripe.subscriptionSchedules.update(created.id, {
      end_behavior: 'release',
      proration_behavior: 'none',
      phases: [currentPhaseUpdate(created), { items: [{ price: emulator.priceIds.PRO, quantity: 1 }] }],
    });
    expect(schedule.phases[1]).toMatchObject({ start_date: FEB_15, end_date: MAR_15 });
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]?.price.id).toBe(
      emulator.priceIds.SCALE,
    );

    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: FEB_15 + DAY });
    const switched = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(switched.items.data[0]?.price.id).toBe(emulator.priceIds.PRO);
    expect(switched.items.data[0]).toMatchObject({ current_period_start: FEB_15, current_period_end: MAR_15 });
    const renewal = switched.latest_invoice as Stripe.Invoice;
    expect(renewal).toMatchObject({
      billing_reason: 'subscription_cycle',
      status: 'paid',
      total: 4900,
      amount_paid: 4900,
    });
    expect(renewal.lines.data.map((line) => line.parent?.subscription_item_details?.proration)).toEqual([false]);
    expect((await stripe.invoiceItems.list({ customer: String(subscription.customer), pending: true })).data).toEqual(
      [],
    );
    expect(await stripe.subscriptionSchedules.retrieve(schedule.id)).toMatchObject({
      status: 'active',
      current_phase: { start_date: FEB_15, end_date: MAR_15 },
      subscription: subscription.id,
    });

    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: MAR_15 + DAY });
    expect(await stripe.subscriptionSchedules.retrieve(schedule.id)).toMatchObject({
      status: 'released',
      released_at: MAR_15,
      released_subscription: subscription.id,
      subscription: null,
      current_phase: null,
    });
    const released = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(released).toMatchObject({ status: 'active', schedule: null });
    expect(released.items.data[0]?.price.id).toBe(emulator.priceIds.PRO);
    expect(released.latest_invoice).toMatchObject({ billing_reason: 'subscription_cycle', total: 4900 });

    // The events arrive in the order things happened: the phase change, the switch, its invoice; then the release.
    await receiver.waitFor(() => deliveredAbout(schedule.id).some((e) => e.type === 'subscription_schedule.released'));
    await emulator.waitForDeliveries();
    const types = deliveredAbout(subscription.id, schedule.id)
      .map((event) => event.type)
      .filter(
        (type) =>
          type.startsWith('subscription_schedule.') ||
          type === 'customer.subscription.updated' ||
          type === 'invoice.paid',
      );
    const sequence = types.slice(types.indexOf('subscription_schedule.created'));
    expect(sequence).toEqual([
      'subscription_schedule.created',
      'customer.subscription.updated', // schedule attached
      'subscription_schedule.updated', // phases set
      'subscription_schedule.updated', // the PRO phase starts
      'customer.subscription.updated', // price switched
      'customer.subscription.updated', // renewed
      'invoice.paid',
      'subscription_schedule.released',
      'customer.subscription.updated', // schedule detached
      'customer.subscription.updated', // renewed
      'invoice.paid',
    ]);
    const switchEvent = deliveredAbout(subscription.id).filter((e) => e.type === 'customer.subscription.updated')[1];
    expect(
      (switchEvent?.data.previous_attributes as { items?: Stripe.ApiList<Stripe.SubscriptionItem> }).items?.data[0]
        ?.price.id,
    ).toBe(emulator.priceIds.SCALE);
  });

  it('prorates a phase change that falls inside a period, per the phase proration_behavior', async () => {
    const { clock, subscription } = await subscribedOnClock('mid-period@example.com', emulator.priceIds.PRO);
    const created = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });
    await stripe.subscriptionSchedules.update(created.id, {
      phases: [
        { ...currentPhaseUpdate(created), end_date: START + 10 * DAY },
        { items: [{ price: emulator.priceIds.SCALE }], proration_behavior: 'create_prorations', end_date: FEB_15 },
      ],
    });
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 11 * DAY });
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]?.price.id).toBe(
      emulator.priceIds.SCALE,
    );
    const pending = await stripe.invoiceItems.list({ customer: String(subscription.customer), pending: true });
    expect(pending.data.map((item) => item.proration)).toEqual([true, true]);
    expect(pending.data.every((item) => item.period.start === START + 10 * DAY)).toBe(true);
  });

  it('releases and cancels through the API, and refuses to act on a schedule that has ended', async () => {
    const { subscription } = await subscribedOnClock('release@example.com', emulator.priceIds.SCALE);
    const schedule = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });
    const released = await stripe.subscriptionSchedules.release(schedule.id);
    expect(released).toMatchObject({
      status: 'released',
      released_subscription: subscription.id,
      subscription: null,
      current_phase: null,
    });
    expect(released.released_at).toBe(START);
    expect((await stripe.subscriptions.retrieve(subscription.id)).schedule).toBeNull();
    const twice = await stripeError(stripe.subscriptionSchedules.release(schedule.id));
    expect(twice.message).toMatch(
      /^You cannot release a subscription schedule that is currently in the `released` status\./,
    );
    const update = await stripeError(stripe.subscriptionSchedules.update(schedule.id, { end_behavior: 'cancel' }));
    expect(update.message).toMatch(
      /^You cannot update a subscription schedule that is currently in the `released` status\./,
    );
    // Released, the subscription takes cancellation directly again.
    expect(
      (await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true })).cancel_at_period_end,
    ).toBe(true);

    const other = await subscribedOnClock('cancel-schedule@example.com', emulator.priceIds.PRO);
    const doomed = await stripe.subscriptionSchedules.create({ from_subscription: other.subscription.id });
    const canceled = await stripe.subscriptionSchedules.cancel(doomed.id);
    expect(canceled).toMatchObject({ status: 'canceled', canceled_at: START, current_phase: null });
    expect((await stripe.subscriptions.retrieve(other.subscription.id)).status).toBe('canceled');
    await receiver.waitFor(() => deliveredAbout(doomed.id).some((e) => e.type === 'subscription_schedule.canceled'));
    await receiver.waitFor(() =>
      deliveredAbout(other.subscription.id).some((e) => e.type === 'customer.subscription.deleted'),
    );
    const cancelTwice = await stripeError(stripe.subscriptionSchedules.cancel(doomed.id));
    expect(cancelTwice.message).toMatch(
      /^You cannot cancel a subscription schedule that is currently in the `canceled` status\./,
    );

    // Canceling the subscription itself cancels its schedule.
    const third = await subscribedOnClock('cancel-subscription@example.com', emulator.priceIds.PRO);
    const orphaned = await stripe.subscriptionSchedules.create({ from_subscription: third.subscription.id });
    await stripe.subscriptions.cancel(third.subscription.id);
    expect(await stripe.subscriptionSchedules.retrieve(orphaned.id)).toMatchObject({
      status: 'canceled',
      canceled_at: START,
      current_phase: null,
    });
  });

  it('keeps the cancellation of a subscription set to cancel at period end: end_behavior cancel, dropped on release', async () => {
    const { subscription } = await subscribedOnClock('canceling@example.com', emulator.priceIds.PRO);
    await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    const schedule = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });
    expect(schedule.end_behavior).toBe('cancel');
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      cancel_at: FEB_15,
      cancel_at_period_end: false,
      schedule: schedule.id,
    });
    const released = await stripe.subscriptionSchedules.update(schedule.id, { end_behavior: 'release' });
    expect(released.end_behavior).toBe('release');
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      cancel_at: null,
      cancel_at_period_end: false,
    });

    await stripe.subscriptionSchedules.update(schedule.id, { end_behavior: 'cancel' });
    await stripe.subscriptionSchedules.release(schedule.id, { preserve_cancel_date: true });
    expect((await stripe.subscriptions.retrieve(subscription.id)).cancel_at).toBe(FEB_15);
  });

  it('with end_behavior cancel, shows cancel_at and ends the subscription with the schedule (completed)', async () => {
    const { clock, subscription } = await subscribedOnClock('ends@example.com', emulator.priceIds.PRO);
    const created = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });
    await stripe.subscriptionSchedules.update(created.id, {
      end_behavior: 'cancel',
      phases: [currentPhaseUpdate(created)],
    });
    expect((await stripe.subscriptions.retrieve(subscription.id)).cancel_at).toBe(FEB_15);

    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: FEB_15 + DAY });
    expect(await stripe.subscriptionSchedules.retrieve(created.id)).toMatchObject({
      status: 'completed',
      completed_at: FEB_15,
      current_phase: null,
    });
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      status: 'canceled',
      ended_at: FEB_15,
    });
    await receiver.waitFor(() => deliveredAbout(created.id).some((e) => e.type === 'subscription_schedule.completed'));
    const invoices = await stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((invoice) => invoice.billing_reason)).toEqual(['subscription_create']);
  });
});
