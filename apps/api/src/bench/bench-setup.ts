/** What the bench's rows need set up through the API, the emulator and the webhook log. */
import type pg from 'pg';
import { pendingWebhookEvents } from '../modules/billing/bench/webhook-log-reads.js';
import { graphql } from './load.js';

let signUps = 0;
/** A new organization (its own owner) with an API key; the owner's session cookie for what keys cannot do. */
export async function organizationWithKey(url: string): Promise<{ apiKey: string; cookie: string }> {
  const signUp = await graphql(url, 'mutation ($input: SignUpInput!) { signUp(input: $input) { role } }', {
    input: {
      email: `bench-${Date.now()}-${signUps++}@example.com`,
      password: 'bench password 123',
      organizationName: 'Bench',
    },
  });
  const cookie = signUp.response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const created = await graphql(url, 'mutation { createApiKey(name: "bench") { secret } }', {}, { cookie });
  return { apiKey: (created.data.createApiKey as { secret: string }).secret, cookie };
}

export interface EmulatorInfo {
  secretKey: string;
  priceIds: { PRO: string; SCALE: string };
}

/** Subscribes the organization to PRO through Checkout, paid as the hosted page does. */
export async function subscribe(apiUrl: string, stripeUrl: string, info: EmulatorInfo, cookie: string): Promise<void> {
  const session = await graphql(apiUrl, 'mutation { createCheckoutSession(planTier: PRO) { id } }', {}, { cookie });
  const id = (session.data.createCheckoutSession as { id: string }).id;
  const paid = await fetch(`${stripeUrl}/v1/test_helpers/checkout/sessions/${id}/complete`, {
    method: 'POST',
    headers: { authorization: `Bearer ${info.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ card_number: '4242424242424242' }),
  });
  if (!paid.ok) throw new Error(`completing checkout failed: ${paid.status} ${await paid.text()}`);
}

/** Waits until the webhook log has nothing left to apply; the seconds it took. */
export async function webhookLogSettled(pool: pg.Pool, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if ((await pendingWebhookEvents(pool, 10)) === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs) throw new Error(`webhook log not applied after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The counter's value in the API's /metrics for the sample whose labels match. */
export async function metric(url: string, name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((sample) => sample.startsWith(`${name}{${labels}}`));
  return Number(line?.split(' ').at(-1) ?? 0);
}
