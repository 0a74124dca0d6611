import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUpUser } from '../../test/harness.js';
import { startBillingKit, type BillingKit } from './test/billing-test-kit.js';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

interface Preview {
  kind: string;
  planTier: string;
  amountDueToday: number;
  currency: string;
  effectiveAt: string;
  lines: { description: string; amount: number; proration: boolean }[];
  nextInvoiceAmount: number | null;
  nextInvoiceAt: string | null;
}

interface Invoice {
  id: string;
  amountDue: number;
  amountPaid: number;
  status: string;
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
}

const PREVIEW = `query PreviewPlanChange($tier: PlanTier!) {
  planChangePreview(planTier: $tier) {
    kind planTier amountDueToday currency effectiveAt nextInvoiceAmount nextInvoiceAt
    lines { description amount proration }
  }
}`;
const INVOICES = `query PreviewInvoices($first: Int, $after: ID) {
  invoices(first: $first, after: $after) { nodes { id amountDue amountPaid status hostedInvoiceUrl invoicePdf } endCursor }
}`;

async function preview(user: SignedUpUser, tier: string): Promise<Preview> {
  const result = await kit.t.graphql<{ planChangePreview: Preview }>(PREVIEW, { tier }, { cookie: user.cookie });
  if (!result.data) throw new Error(`planChangePreview failed: ${JSON.stringify(result.errors)}`);
  return result.data.planChangePreview;
}

async function invoices(user: SignedUpUser, variables: Record<string, unknown> = {}) {
  return kit.t.graphql<{ invoices: { nodes: Invoice[]; endCursor: string | null } }>(INVOICES, variables, {
    cookie: user.cookie,
  });
}

async function changePlan(user: SignedUpUser, tier: string): Promise<void> {
  const changed = await kit.t.graphql(
    `mutation PreviewChangePlan($tier: PlanTier!) { changePlan(planTier: $tier) { id } }`,
    { tier },
    { cookie: user.cookie },
  );
  if (changed.errors) throw new Error(`changePlan failed: ${JSON.stringify(changed.errors)}`);
}

async function outboxSubjects(user: SignedUpUser): Promise<string[]> {
  const result = await kit.t.graphql<{ outbox: { subject: string }[] }>(
    `query PreviewOutbox { outbox { subject } }`,
    {},
    { cookie: user.cookie },
  );
  return (result.data?.outbox ?? []).map((mail) => mail.subject);
}

/** A PRO subscriber on a Stripe test clock: its frozen time makes the preview's proration the change's. */
async function proSubscriber() {
  const user = await kit.t.signUp();
  await kit.onTestClock(user);
  await kit.subscribe(user, 'PRO');
  await kit.settled();
  return user;
}

describe('planChangePreview', () => {
  it("previews an upgrade's prorated charge, which is what the invoice Stripe then issues asks for", async () => {
    const user = await proSubscriber();
    const upgrade = await preview(user, 'SCALE');
    expect(upgrade).toMatchObject({ kind: 'UPGRADE', planTier: 'SCALE', currency: 'usd', nextInvoiceAmount: 19900 });
    expect(upgrade.amountDueToday).toBeGreaterThan(0);
    expect(upgrade.lines.every((line) => line.proration)).toBe(true);
    expect(upgrade.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(upgrade.amountDueToday);

    await changePlan(user, 'SCALE');
    await kit.settled();
    const newest = (await invoices(user, { first: 1 })).data?.invoices.nodes[0];
    expect(newest).toMatchObject({ amountDue: upgrade.amountDueToday, amountPaid: upgrade.amountDueToday });
    expect(newest?.status).toBe('paid');
    expect(newest?.hostedInvoiceUrl).toMatch(/^https?:\/\//);
    expect(newest?.invoicePdf).toMatch(/^https?:\/\//);
  });

  it('previews a downgrade and a cancellation as nothing charged now, taking effect at the period end', async () => {
    const user = await proSubscriber();
    const { data } = await kit.t.graphql<{ subscription: { currentPeriodEnd: string } }>(
      `query PreviewPeriod { subscription { currentPeriodEnd } }`,
      {},
      { cookie: user.cookie },
    );
    const periodEnd = data?.subscription.currentPeriodEnd;
    expect(periodEnd).toBeDefined();
    expect(await preview(user, 'FREE')).toMatchObject({
      kind: 'CANCEL',
      amountDueToday: 0,
      effectiveAt: periodEnd,
      nextInvoiceAmount: null,
    });
    await changePlan(user, 'SCALE');
    await kit.settled();
    expect(await preview(user, 'PRO')).toMatchObject({
      kind: 'DOWNGRADE',
      amountDueToday: 0,
      nextInvoiceAmount: 4900,
      effectiveAt: periodEnd,
      nextInvoiceAt: periodEnd,
    });
  });

  it('answers ALREADY_ON_PLAN for the current plan with nothing to take back, and KEEP once a change is scheduled', async () => {
    const user = await proSubscriber();
    const same = await kit.t.graphql(PREVIEW, { tier: 'PRO' }, { cookie: user.cookie });
    expect(same.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ON_PLAN' });
    await changePlan(user, 'FREE');
    expect(await preview(user, 'PRO')).toMatchObject({ kind: 'KEEP', amountDueToday: 0, nextInvoiceAmount: 4900 });
  });
});

describe('invoices and receipts', () => {
  it('lists the invoices newest first a page at a time, and mails one receipt per paid invoice', async () => {
    const user = await proSubscriber();
    await changePlan(user, 'SCALE');
    await kit.settled();
    const first = await invoices(user, { first: 1 });
    const cursor = first.data?.invoices.endCursor;
    expect(cursor).toBe(first.data?.invoices.nodes[0]?.id);
    const second = await invoices(user, { first: 1, after: cursor });
    expect(second.data?.invoices.nodes).toHaveLength(1);
    expect(second.data?.invoices).toMatchObject({ endCursor: null, nodes: [{ status: 'paid', amountDue: 4900 }] });

    const receipts = (await outboxSubjects(user)).filter((subject) => subject.startsWith('Receipt'));
    expect(receipts).toHaveLength(2);
    expect(receipts).toContain('Receipt: $49.00 paid for Attribution Analytics');
  });

  it('refuses a cursor that is not one of the organization’s invoices with BAD_USER_INPUT', async () => {
    const user = await proSubscriber();
    const result = await invoices(user, { after: 'in_notours' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });

  it('lists nothing for an organization that never had a Stripe customer', async () => {
    const user = await kit.t.signUp();
    expect((await invoices(user)).data?.invoices).toEqual({ nodes: [], endCursor: null });
  });
});
