import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedWebhook, startBillingKit, type BillingKit } from '../test/billing-test-kit.js';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

function ping(id: string): string {
  const created = Math.floor(Date.now() / 1000);
  return JSON.stringify({ id, object: 'event', type: 'ping', created, livemode: false, data: { object: {} } });
}

describe('POST /webhooks/stripe timestamps', () => {
  it('refuses a signature dated more than five minutes in the future with 400, storing nothing', async () => {
    const id = `evt_future_${Date.now()}`;
    // Well past the five minutes: a signature a second beyond them would be on the line by the time it
    // arrives (the header holds whole seconds, the server compares with the millisecond clock).
    const future = await postSignedWebhook(kit.t.url, ping(id), { timestamp: Math.floor(Date.now() / 1000) + 330 });
    expect(future.status).toBe(400);
    expect(await kit.t.sql('select id from stripe_webhook_event where id = ?', [id])).toEqual([]);
  });

  it('accepts one dated a little ahead, as a sender clock running fast makes it', async () => {
    const id = `evt_ahead_${Date.now()}`;
    const ahead = await postSignedWebhook(kit.t.url, ping(id), { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(ahead.status).toBe(200);
  });
});
