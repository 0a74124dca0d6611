import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../config/repo-paths.js';
import { startTestApp, type TestApp } from '../test/harness.js';

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; description: string; runbook: string };
}

const rulesFile = parse(readFileSync(join(REPO_ROOT, 'ops/prometheus/billing.rules.yml'), 'utf8')) as {
  groups: Array<{ name: string; rules: AlertRule[] }>;
};
const rules = rulesFile.groups.flatMap((group) => group.rules);

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

async function scrape(): Promise<string> {
  const response = await fetch(`${t.url}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('ops/prometheus/billing.rules.yml', () => {
  it('alerts on webhook failures and silence, reconciliation repairs and failures, and dunning mails', () => {
    const metricsUsed = new Set(rules.flatMap((rule) => rule.expr.match(/\baa_[a-z0-9_]+/g) ?? []));
    for (const name of [
      'aa_stripe_webhook_failures_total',
      'aa_stripe_webhook_last_received_timestamp_seconds',
      'aa_billing_subscriptions',
      'aa_billing_reconcile_repairs_total',
      'aa_billing_reconcile_failures_total',
      'aa_billing_dunning_mails_total',
    ]) {
      expect(metricsUsed, name).toContain(name);
    }
  });

  it('uses only metrics that the app serves on /metrics', async () => {
    const exposition = await scrape();
    for (const rule of rules) {
      for (const name of rule.expr.match(/\baa_[a-z0-9_]+/g) ?? []) {
        expect(exposition, `${rule.alert} uses ${name}`).toContain(`# TYPE ${name} `);
      }
    }
  });

  it('gives every alert a severity, a summary, a description and a section of docs/stripe.md', () => {
    const docs = readFileSync(join(REPO_ROOT, 'docs/stripe.md'), 'utf8');
    expect(rules.length).toBeGreaterThanOrEqual(6);
    for (const rule of rules) {
      expect(['info', 'warning', 'critical'], rule.alert).toContain(rule.labels.severity);
      expect(rule.annotations.summary, rule.alert).not.toBe('');
      expect(rule.annotations.description, rule.alert).not.toBe('');
      expect(rule.annotations.runbook).toBe(`docs/stripe.md#${rule.alert.toLowerCase()}`);
      expect(docs, `docs/stripe.md explains ${rule.alert}`).toMatch(new RegExp(`^#### ${rule.alert}$`, 'm'));
    }
  });

  it('the database-backed gauges report subscriptions, overdue renewals and the last webhook received', async () => {
    await t.resetDatabase();
    const user = await t.signUp();
    const now = t.clock.now();
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);
    const subscription = (status: string, periodEnd: Date) =>
      t.sql(
        `insert into billing_subscription (id, organization_id, stripe_customer_id, stripe_subscription_id, stripe_price_id, plan_tier,
           status, current_period_start, current_period_end, cancel_at_period_end, created_at, updated_at)
         values (?, ?, 'cus_metrics', ?, 'price_pro', 'PRO', ?, ?, ?, false, ?, ?)`,
        [randomUUID(), user.organizationId, `sub_${randomUUID()}`, status, hoursAgo(24 * 30), periodEnd, now, now],
      );
    await subscription('active', hoursAgo(3)); // renewed by Stripe 3 hours ago, no webhook since
    await subscription('canceled', hoursAgo(24)); // ended: neither counted nor overdue
    const before = await scrape();
    expect(before).toContain('aa_billing_subscriptions{plan_tier="PRO",status="active"} 1');
    expect(before).not.toContain('status="canceled"');
    expect(before).toMatch(/^aa_billing_subscriptions_renewal_overdue 1$/m);
    expect(before).toMatch(/^aa_stripe_webhook_last_received_timestamp_seconds 0$/m);

    const received = hoursAgo(1);
    await t.sql(
      `insert into stripe_webhook_event (id, type, status, attempts, payload, received_at, updated_at) values (?, 'invoice.paid', 'processed', 1, '{}', ?, ?)`,
      [`evt_${randomUUID()}`, received, received],
    );
    const after = await scrape();
    expect(after).toMatch(
      new RegExp(`^aa_stripe_webhook_last_received_timestamp_seconds ${received.getTime() / 1000}$`, 'm'),
    );
    expect(after).toMatch(/^aa_billing_dunning_mails_total\{kind="payment_failed"\} 0$/m);
  });
});
