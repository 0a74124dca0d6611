import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookReceiverOf } from '../modules/billing/stripe/stripe-connection.js';
import { WebhookEventStore } from '../modules/billing/stripe/webhook-event.store.js';
import { SLOTS } from '../modules/billing/stripe/webhook.worker.js';
import { startHangingServer, type HangingServer } from '../test/fault-kit.js';
import { startTestApp, type TestApp } from '../test/harness.js';

/*
 * A worker whose claimed events wait while Stripe hangs. Stopping (SIGTERM, a deploy) waits only for
 * the applies in its slots and gives the rest back to the log for the next instance; events that
 * waited in its queue so long that their claims could soon pass for abandoned are given back too,
 * not started, so no two instances ever apply one event.
 */
const DEADLINE_MS = 1500;
const EVENTS = 5 * SLOTS;

let hanging: HangingServer;
/** Records events and reads the log; no Stripe, so no worker of its own. */
let recorder: TestApp;

beforeAll(async () => {
  hanging = await startHangingServer();
  recorder = await startTestApp({ env: { RECONCILE_SCHEDULE: 'off' } });
});

afterAll(async () => {
  await recorder?.stop();
  await hanging?.close();
});

/**
 * EVENTS subscription updates in the log of a Stripe account of their own, then an instance for that
 * account whose Stripe hangs: its first claim takes them all, SLOTS of them wait on Stripe, the rest in
 * its queue.
 */
async function instanceWithQueuedEvents(account: string): Promise<{ instance: TestApp; eventIds: string[] }> {
  const stripe = {
    secretKey: `sk_test_${account}`,
    webhookSecret: 'whsec_worker_stop',
    priceIds: { PRO: 'price_pro', SCALE: 'price_scale' },
    api: { host: '127.0.0.1', port: hanging.port, protocol: 'http' as const },
  };
  const log = new WebhookEventStore(recorder.app.orm, recorder.clock, webhookReceiverOf(stripe));
  const eventIds: string[] = [];
  for (let index = 0; index < EVENTS; index++) {
    const subscriptionId = `sub_${account}_${index}_${Date.now()}`;
    const event = {
      id: `evt_${subscriptionId}`,
      object: 'event',
      type: 'customer.subscription.updated',
      data: { object: { id: subscriptionId, object: 'subscription' } },
    };
    await log.record(event, JSON.stringify(event));
    eventIds.push(event.id);
  }
  const connectionsBefore = hanging.connections();
  const instance = await startTestApp({
    env: {
      RECONCILE_SCHEDULE: 'off',
      // A Stripe connection for every slot, so each slot's apply waits on Stripe itself.
      STRIPE_CONCURRENCY: String(SLOTS),
      STRIPE_TIMEOUT_MS: String(DEADLINE_MS),
      STRIPE_MAX_NETWORK_RETRIES: '1',
    },
    stripe,
  });
  await hanging.accepted(connectionsBefore + SLOTS);
  return { instance, eventIds };
}

async function statusesOf(eventIds: string[]): Promise<Array<{ status: string; attempts: number }>> {
  return recorder.sql('select status, attempts from stripe_webhook_event where id in (?)', [eventIds]);
}

async function releasedClaims(instance: TestApp, reason: string): Promise<number> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((one) => one.startsWith(`aa_stripe_webhook_claims_released_total{reason="${reason}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('the webhook worker while Stripe hangs', () => {
  it('stops without applying the events it claimed but had not started: they go back to the log as they were', async () => {
    const { instance, eventIds } = await instanceWithQueuedEvents(`stopping_${Date.now()}`);
    expect((await statusesOf(eventIds)).filter(({ status }) => status === 'processing')).toHaveLength(EVENTS);

    // Before, it applied every claimed event first: one Stripe deadline per slot's worth of them.
    await instance.stop();

    const events = await statusesOf(eventIds);
    // Those in a slot ran out of time on Stripe and wait for their retry; the rest are as they arrived.
    expect(events.filter(({ status, attempts }) => status === 'failed' && attempts === 1)).toHaveLength(SLOTS);
    expect(events.filter(({ status, attempts }) => status === 'received' && attempts === 0)).toHaveLength(
      EVENTS - SLOTS,
    );
  });

  it('gives back, instead of starting, events that waited in its queue for half the age of an abandoned claim', async () => {
    const { instance, eventIds } = await instanceWithQueuedEvents(`waited_${Date.now()}`);
    try {
      // Three minutes on: when the slots' applies run out of time, the queued events' claims are too old to start.
      instance.clock.set(new Date(instance.clock.now().getTime() + 3 * 60_000));
      await expect.poll(() => releasedClaims(instance, 'waited'), { timeout: 20_000 }).toBe(EVENTS - SLOTS);
      // Claimed afresh at once: nothing of them was applied on the old claims.
      const events = await statusesOf(eventIds);
      expect(events.filter(({ attempts }) => attempts > 1)).toHaveLength(0);
    } finally {
      await instance.stop();
    }
  });
});
