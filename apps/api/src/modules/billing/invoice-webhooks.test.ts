import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUpUser } from '../../test/harness.js';
import { startBillingKit, type BillingKit } from './test/billing-test-kit.js';
import { graphql } from '../../test/gql/index.js';

const DAY_S = 86_400;
/** The SPA's billing page that opens a fresh portal session (the test app's PUBLIC_URL is http://app.test). */
const BILLING_PAGE_LINK = 'http://app.test/settings?billing=portal';
/** An API version from before 2025-03-31.basil, when an invoice named its subscription at `invoice.subscription`. */
const PRE_BASIL_VERSION = '2024-06-20';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

async function outbox(user: SignedUpUser) {
  const result = await kit.t.graphql(
    graphql(`
      query InvoiceWebhooksOutbox {
        outbox {
          subject
          body
        }
      }
    `),
    {},
    { cookie: user.cookie },
  );
  // The paid checkout invoice's receipt (plan-change-preview.test.ts) is not what these tests are about.
  return (result.data?.outbox ?? []).filter((mail) => !mail.subject.startsWith('Receipt'));
}

/** A subscriber on a test clock; renewing it is advancing the clock past the period's end. */
async function subscriberOnTestClock(options: { failingCard?: boolean } = {}) {
  const user = await kit.t.signUp();
  const clock = await kit.onTestClock(user);
  await kit.subscribe(user, 'PRO');
  if (options.failingCard) await kit.useFailingCard(user);
  const renew = () =>
    kit.stripe.testHelpers.testClocks.advance(clock.clockId, { frozen_time: clock.frozenTime + 32 * DAY_S });
  return { user, renew };
}

/** The deliveries of one event type about the organization's invoices. */
async function deliveriesFor(
  user: SignedUpUser,
  type: string,
): Promise<Array<{ status: number | null; invoiceId: string }>> {
  const [customer] = await kit.t.sql<{ stripe_customer_id: string }>(
    'select stripe_customer_id from billing_customer where organization_id = ?',
    [user.organizationId],
  );
  const found = [];
  for (const entry of kit.emulator.deliveries().filter((delivery) => delivery.eventType === type)) {
    const invoice = (await kit.stripe.events.retrieve(entry.eventId)).data.object as Stripe.Invoice;
    if (invoice.customer === customer?.stripe_customer_id)
      found.push({ status: entry.status, invoiceId: invoice.id ?? '' });
  }
  return found;
}

async function paymentFailedMailsCounted(): Promise<number> {
  const text = await (await fetch(`${kit.t.url}/metrics`)).text();
  return Number(/^aa_billing_dunning_mails_total\{kind="payment_failed"\} (\S+)$/m.exec(text)?.[1]);
}

async function rowOf(user: SignedUpUser): Promise<{ status: string; periodEnd: Date }> {
  const [row] = await kit.t.sql<{ status: string; current_period_end: string | Date }>(
    'select status, current_period_end from billing_subscription where organization_id = ?',
    [user.organizationId],
  );
  if (!row) throw new Error('no subscription row');
  return { status: row.status, periodEnd: new Date(row.current_period_end) };
}

describe('invoice.payment_failed', () => {
  it("mails the app's billing page and the invoice's hosted page, creating no Stripe session inside the webhook", async () => {
    const { user, renew } = await subscriberOnTestClock({ failingCard: true });
    const requestsBefore = kit.apiRequests().length;
    const countedBefore = await paymentFailedMailsCounted();

    await renew();
    await kit.settled();

    const [failure] = await deliveriesFor(user, 'invoice.payment_failed');
    if (!failure) throw new Error('no invoice.payment_failed was delivered');
    expect(failure.status).toBe(200);
    const invoice = await kit.stripe.invoices.retrieve(failure.invoiceId);
    expect(invoice.hosted_invoice_url).toMatch(/^http/);
    const mails = await outbox(user);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body).toContain(BILLING_PAGE_LINK);
    expect(mails[0]?.body).toContain(invoice.hosted_invoice_url);
    expect(mails[0]?.body).not.toMatch(/\/portal\/bps_/);
    expect(await paymentFailedMailsCounted()).toBe(countedBefore + 1);
    const requestsDuringRenewal = kit.apiRequests().slice(requestsBefore);
    expect(requestsDuringRenewal.filter((line) => line.includes('/v1/invoices/'))).not.toEqual([]);
    expect(requestsDuringRenewal.filter((line) => line.includes('/v1/billing_portal/'))).toEqual([]);
  });
});

describe('an endpoint on a pre-basil API version (the invoice names its subscription at invoice.subscription)', () => {
  beforeAll(async () => {
    // The app's endpoint now receives every event rendered in 2024-06-20 instead of the SDK's version.
    for (const endpoint of (await kit.stripe.webhookEndpoints.list()).data)
      await kit.stripe.webhookEndpoints.update(endpoint.id, { disabled: true });
    kit.emulator.addWebhookEndpoint(`${kit.t.url}/webhooks/stripe`, { apiVersion: PRE_BASIL_VERSION });
  });

  /** The stored deliveries of the subscription's events of this type, oldest first, each checked to be in the old shape. */
  async function deliveredPreBasil(
    user: SignedUpUser,
    type: string,
  ): Promise<Array<{ status: string; result: string }>> {
    const rows = await kit.t.sql<{
      status: string;
      result: string;
      payload: { api_version: string; data: { object: Record<string, unknown> } };
    }>(
      `select status, result, payload::json as payload from stripe_webhook_event
       where type = ? and payload::json->'data'->'object'->>'subscription' = ? order by received_at`,
      [type, await kit.subscriptionIdOf(user)],
    );
    for (const { payload } of rows) {
      expect(payload.api_version).toBe(PRE_BASIL_VERSION);
      expect(payload.data.object).not.toHaveProperty('parent');
    }
    return rows.map(({ status, result }) => ({ status, result }));
  }

  it('invoice.payment_failed still sends the dunning mail and turns the subscription past_due', async () => {
    const { user, renew } = await subscriberOnTestClock({ failingCard: true });

    await renew();
    await kit.settled();

    expect(await deliveredPreBasil(user, 'invoice.payment_failed')).toEqual([
      { status: 'processed', result: expect.stringContaining('dunning mail sent') },
    ]);
    const mails = await outbox(user);
    expect(mails.map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Payment of \$49\.00 failed/)]);
    expect(mails[0]?.body).toContain(BILLING_PAGE_LINK);
    expect((await rowOf(user)).status).toBe('past_due');
  });

  it('invoice.paid still syncs the subscription it bills', async () => {
    const { user, renew } = await subscriberOnTestClock();
    const periodEndBefore = (await rowOf(user)).periodEnd;

    await renew();
    await kit.settled();

    // The first invoice's and the renewal's.
    const subscriptionId = await kit.subscriptionIdOf(user);
    expect(await deliveredPreBasil(user, 'invoice.paid')).toEqual([
      { status: 'processed', result: expect.stringContaining(`subscription ${subscriptionId}`) },
      { status: 'processed', result: expect.stringContaining(`subscription ${subscriptionId}`) },
    ]);
    expect((await rowOf(user)).periodEnd.getTime()).toBeGreaterThan(periodEndBefore.getTime());
  });
});
