import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '@aa/stripe-emulator';
import { eventApplied, postSignedWebhook, startBillingKit, type BillingKit } from '../test/billing-test-kit.js';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

/** An event whose description is the given JSON string literal, spelled as it goes on the wire. */
function eventWithText(id: string, jsonStringLiteral: string): string {
  const created = Math.floor(Date.now() / 1000);
  return (
    `{"id":"${id}","object":"event","type":"customer.tax_id.created","created":${created},"livemode":false,` +
    `"data":{"object":{"id":"txi_${id}","object":"tax_id","description":${jsonStringLiteral}}}}`
  );
}

async function stored(id: string): Promise<string | undefined> {
  const [row] = await kit.t.sql<{ payload: string }>('select payload from stripe_webhook_event where id = ?', [id]);
  return row?.payload;
}

describe('POST /webhooks/stripe records the body as sent', () => {
  it('stores the verified body itself, which the worker then applies', async () => {
    const id = `evt_ingest_${Date.now()}`;
    // An escaped backslash before "u0000" is the text \u0000, not U+0000: storable, and stored as such.
    const body = eventWithText(id, '"a \\\\u0000 b, \\ud83d\\ude00 and \\"quotes\\""');
    const answer = await postSignedWebhook(kit.t.url, body);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ received: true, status: 'received' });
    expect(await stored(id)).toBe(body);
    expect(await eventApplied(kit.t, id)).toBe('ignored');
    const again = await postSignedWebhook(kit.t.url, body);
    expect(await again.json()).toEqual({ received: true, status: 'duplicate' });
  });

  it.each([
    ['U+0000', '"a \\u0000 b"'],
    ['a lone high surrogate', '"a \\ud83d b"'],
    ['a lone low surrogate', '"a \\ude00 b"'],
  ])(
    'refuses a signed body holding %s (PostgreSQL cannot read it back as text) with 400, recording nothing',
    async (_, literal) => {
      const id = `evt_unstorable_${Date.now()}_${literal.length}`;
      const answer = await postSignedWebhook(kit.t.url, eventWithText(id, literal));
      expect(answer.status).toBe(400);
      expect(await stored(id)).toBeUndefined();
    },
  );
});

/** A subscribed organization's subscription: its id, Stripe's state of it, and how often the API has fetched it. */
async function subscribedSubscription() {
  const user = await kit.t.signUp();
  await kit.subscribe(user, 'PRO');
  const id = await kit.subscriptionIdOf(user);
  const json = JSON.stringify(await kit.stripe.subscriptions.retrieve(id));
  const fetches = () => kit.apiRequests().filter((line) => line.startsWith(`GET /v1/subscriptions/${id}`)).length;
  return { id, json, fetches };
}

/** A signed `customer.subscription.updated` delivery carrying the subscription as Stripe sends it. */
function postSubscriptionUpdated(eventId: string, subscriptionJson: string): Promise<Response> {
  return postSignedWebhook(
    kit.t.url,
    `{"id":"${eventId}","object":"event","api_version":"${API_VERSION}","created":${Math.floor(Date.now() / 1000)},` +
      `"type":"customer.subscription.updated","livemode":false,"data":{"object":${subscriptionJson}}}`,
  );
}

describe('the webhook worker', () => {
  it('applies a burst of updates to one subscription with one Stripe fetch per batch, each event once', async () => {
    const { json, fetches } = await subscribedSubscription();
    const before = fetches();
    const ids = Array.from({ length: 40 }, (_, index) => `evt_burst_${Date.now()}_${index}`);
    const answers = await Promise.all(ids.map((id) => postSubscriptionUpdated(id, json)));
    expect(answers.map((answer) => answer.status)).toEqual(ids.map(() => 200));
    for (const id of ids) expect(await eventApplied(kit.t, id)).toBe('processed');
    const rows = await kit.t.sql<{ status: string; attempts: number }>(
      'select status, attempts from stripe_webhook_event where id in (?)',
      [ids],
    );
    expect(rows).toHaveLength(40);
    expect(rows.every((row) => row.status === 'processed' && row.attempts === 1)).toBe(true);
    // One event at a time, this was 40 fetches; batched, a handful (one per claim that found some).
    expect(fetches() - before).toBeLessThanOrEqual(10);
  });

  it('applies an update our row already holds with one Stripe fetch and no write; a lagging row is written', async () => {
    const { id: subscriptionId, json, fetches } = await subscribedSubscription();
    const stateOf = async () =>
      (
        await kit.t.sql<{ updated_at: Date; cancel_at_period_end: boolean }>(
          'select updated_at, cancel_at_period_end from billing_subscription where stripe_subscription_id = ?',
          [subscriptionId],
        )
      )[0]!;
    const deliver = async (id: string) => {
      const answer = await postSubscriptionUpdated(id, json);
      expect(answer.status).toBe(200);
      expect(await eventApplied(kit.t, id)).toBe('processed');
      const [row] = await kit.t.sql<{ result: string }>('select result from stripe_webhook_event where id = ?', [id]);
      return row?.result;
    };

    const current = await stateOf();
    let before = fetches();
    expect(await deliver(`evt_current_${Date.now()}`)).toBe(`subscription ${subscriptionId} already current`);
    expect(fetches() - before).toBe(1);
    expect(await stateOf()).toEqual(current);

    await kit.t.sql(
      'update billing_subscription set cancel_at_period_end = not cancel_at_period_end where stripe_subscription_id = ?',
      [subscriptionId],
    );
    before = fetches();
    expect(await deliver(`evt_lagging_${Date.now()}`)).toBe(`subscription ${subscriptionId} updated cancelAtPeriodEnd`);
    // Written under the lock, then read back from Stripe to converge.
    expect(fetches() - before).toBe(2);
    expect((await stateOf()).cancel_at_period_end).toBe(current.cancel_at_period_end);
  });
});
