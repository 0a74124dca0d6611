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

async function stored(id: string): Promise<unknown> {
  const [row] = await kit.t.sql<{ payload: unknown }>('select payload from stripe_webhook_event where id = ?', [id]);
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
    expect(await stored(id)).toEqual(JSON.parse(body));
    expect(await eventApplied(kit.t, id)).toBe('ignored');
    const again = await postSignedWebhook(kit.t.url, body);
    expect(await again.json()).toEqual({ received: true, status: 'duplicate' });
  });

  it.each([
    ['U+0000', '"a \\u0000 b"'],
    ['a lone high surrogate', '"a \\ud83d b"'],
    ['a lone low surrogate', '"a \\ude00 b"'],
  ])('refuses a signed body holding %s (jsonb cannot store it) with 400, recording nothing', async (_, literal) => {
    const id = `evt_unstorable_${Date.now()}_${literal.length}`;
    const answer = await postSignedWebhook(kit.t.url, eventWithText(id, literal));
    expect(answer.status).toBe(400);
    expect(await stored(id)).toBeUndefined();
  });
});

describe('the webhook worker', () => {
  it('applies a burst of updates to one subscription with one Stripe fetch per batch, each event once', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const subscriptionId = await kit.subscriptionIdOf(user);
    const subscription = JSON.stringify(await kit.stripe.subscriptions.retrieve(subscriptionId));
    const fetches = () =>
      kit.apiRequests().filter((line) => line.startsWith(`GET /v1/subscriptions/${subscriptionId}`)).length;
    const before = fetches();
    const ids = Array.from({ length: 40 }, (_, index) => `evt_burst_${Date.now()}_${index}`);
    const answers = await Promise.all(
      ids.map((id) =>
        postSignedWebhook(
          kit.t.url,
          `{"id":"${id}","object":"event","api_version":"${API_VERSION}","created":${Math.floor(Date.now() / 1000)},` +
            `"type":"customer.subscription.updated","livemode":false,"data":{"object":${subscription}}}`,
        ),
      ),
    );
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
});
