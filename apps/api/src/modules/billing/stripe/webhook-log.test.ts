import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import {
  eventApplied,
  postSignedWebhook,
  startBillingKit,
  WEBHOOK_SECRET,
  type BillingKit,
} from '../test/billing-test-kit.js';

let kit: BillingKit;
let second: TestApp;
beforeAll(async () => {
  kit = await startBillingKit();
  // A second instance on the same database and Stripe account; the emulator delivers every event to both.
  second = await startTestApp({
    env: { RECONCILE_SCHEDULE: 'off', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '3' },
    stripe: {
      secretKey: kit.emulator.secretKey,
      webhookSecret: WEBHOOK_SECRET,
      priceIds: kit.emulator.priceIds,
      api: { host: kit.emulator.host, port: kit.emulator.port, protocol: 'http' },
    },
  });
  kit.emulator.addWebhookEndpoint(`${second.url}/webhooks/stripe`);
});
afterAll(async () => {
  await second.stop();
  await kit.stop();
});

/** The sum over both instances of a counter's samples whose labels match. */
async function counted(name: string, labels: RegExp): Promise<number> {
  let total = 0;
  for (const app of [kit.t, second]) {
    const text = await (await fetch(`${app.url}/metrics`)).text();
    for (const line of text.split('\n')) {
      if (line.startsWith(`${name}{`) && labels.test(line)) total += Number(line.split(' ').at(-1));
    }
  }
  return total;
}

function taxIdEvent(id: string): string {
  return JSON.stringify({
    id,
    object: 'event',
    type: 'customer.tax_id.created',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: { id: `txi_${id}`, object: 'tax_id' } },
  });
}

describe('the webhook log on two instances', () => {
  it('applies every event exactly once, however often and to whichever instance it is delivered', async () => {
    const ids = Array.from({ length: 30 }, (_, index) => `evt_log_${Date.now()}_${index}`);
    // Each event three times, to both instances, all at once.
    const answers = await Promise.all(
      ids.flatMap((id) => [kit.t.url, second.url, kit.t.url].map((url) => postSignedWebhook(url, taxIdEvent(id)))),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const statuses = await Promise.all(
      answers.map(async (answer) => ((await answer.json()) as { status: string }).status),
    );
    expect(statuses.filter((status) => status === 'received')).toHaveLength(ids.length);
    for (const id of ids) expect(await eventApplied(kit.t, id)).toBe('ignored');
    const rows = await kit.t.sql<{ attempts: number }>('select attempts from stripe_webhook_event where id in (?)', [
      ids,
    ]);
    expect(rows.map((row) => row.attempts)).toEqual(ids.map(() => 1));
    expect(await counted('aa_stripe_webhook_events_total', /type="customer.tax_id.created",status="ignored"/)).toBe(
      ids.length,
    );
  });

  it('converges on Stripe when a subscription changes out of order and twice over, applying each event once', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const subscriptionId = await kit.subscriptionIdOf(user);
    kit.emulator.holdDeliveries();
    const subscription = await kit.stripe.subscriptions.retrieve(subscriptionId);
    const item = subscription.items.data[0]?.id ?? '';
    await kit.stripe.subscriptions.update(subscriptionId, {
      items: [{ id: item, price: kit.emulator.priceIds.SCALE }],
    });
    await kit.stripe.subscriptions.update(subscriptionId, { metadata: { note: 'later' } });
    const held = kit.emulator.heldEventIds();
    expect(held.length).toBeGreaterThanOrEqual(2);
    await kit.emulator.releaseDeliveries([...held].reverse());
    for (const id of held) await kit.emulator.deliverTwice(id);
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    const rows = await kit.t.sql<{ attempts: number; status: string }>(
      'select attempts, status from stripe_webhook_event where id in (?)',
      [held],
    );
    expect(rows).toHaveLength(new Set(held).size);
    expect(rows.every((row) => row.attempts === 1 && row.status === 'processed')).toBe(true);
  });
});
