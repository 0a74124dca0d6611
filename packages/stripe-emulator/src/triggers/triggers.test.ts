import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeEmulator, type StripeEmulator } from '../index.js';
import { missingKeys, stripeExample } from '../testing/fixture-keys.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';
import { runTrigger, TriggerError } from './fixture-runner.js';

const TRIGGERS = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.deleted',
  'customer.subscription.trial_will_end',
  'customer.subscription.updated',
  'invoice.paid',
  'invoice.payment_failed',
] as const;

const RESOURCE_OF: Record<(typeof TRIGGERS)[number], string> = {
  'checkout.session.completed': 'checkout.session',
  'customer.subscription.created': 'subscription',
  'customer.subscription.deleted': 'subscription',
  'customer.subscription.trial_will_end': 'subscription',
  'customer.subscription.updated': 'subscription',
  'invoice.paid': 'invoice',
  'invoice.payment_failed': 'invoice',
};

let emulator: StripeEmulator;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver('whsec_trigger_tests');
  emulator = await startStripeEmulator({ port: 0, retry: { attempts: 2, baseDelayMs: 10 } });
  emulator.addWebhookEndpoint(receiver.url, { secret: receiver.secret });
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

describe('pnpm stripe:trigger runs Stripe CLI fixtures unchanged', () => {
  it.each(TRIGGERS)('%s', async (event) => {
    const result = await runTrigger(event, { apiBase: emulator.baseUrl });
    const emitted = result.events.find((candidate) => candidate.type === event);
    expect(emitted, `${event} among ${result.events.map((e) => e.type).join(', ')}`).toBeDefined();
    const [delivered] = (await receiver.waitFor((received) => received.some((r) => r.event.id === emitted?.id))).filter(
      (r) => r.event.id === emitted?.id,
    );
    expect(delivered?.event.type).toBe(event);
    expect(missingKeys(delivered?.event.data.object, stripeExample(RESOURCE_OF[event]))).toEqual([]);
    expect(receiver.rejected).toEqual([]);
  });

  it('reports the step that expects a card error', async () => {
    const result = await runTrigger('invoice.payment_failed', { apiBase: emulator.baseUrl });
    expect(result.steps.at(-1)).toMatchObject({ name: 'invoice_pay', status: 402, errorType: 'card_error' });
  });

  it('names an event without a fixture', async () => {
    await expect(runTrigger('charge.refunded', { apiBase: emulator.baseUrl })).rejects.toBeInstanceOf(TriggerError);
  });
});
