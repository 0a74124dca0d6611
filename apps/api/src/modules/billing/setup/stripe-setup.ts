import Stripe from 'stripe';
import { ensurePortalConfiguration, portalReturnUrl } from '../portal/portal-configuration.js';
import { ensureCatalog } from './catalog-setup.js';
import { step, type SetupStep } from './setup-step.js';
import { ensureWebhookEndpoint } from './webhook-endpoint-setup.js';

export interface StripeSetupOptions {
  /** Where Stripe delivers webhooks, e.g. https://app.example.com/webhooks/stripe; null: no endpoint. */
  webhookUrl: string | null;
  /** The app's public URL (PUBLIC_URL): the portal's link back to the app. */
  publicUrl: string;
}

export interface EnvironmentVariable {
  name: string;
  /** Null when it cannot be printed (a signing secret Stripe no longer reveals). */
  value: string | null;
  note: string;
}

export interface StripeSetupReport {
  livemode: boolean;
  steps: SetupStep[];
  variables: EnvironmentVariable[];
}

/**
 * Brings a Stripe account (test or live, or the emulator) to what the API expects; safe to run again:
 * what is already right is left alone and reported `unchanged`.
 */
export async function runStripeSetup(stripe: Stripe, options: StripeSetupOptions): Promise<StripeSetupReport> {
  const catalog = await ensureCatalog(stripe);
  const steps = [...catalog.steps];
  const returnUrl = portalReturnUrl(options.publicUrl);
  const portal = await ensurePortalConfiguration(stripe, { priceIds: catalog.priceIds, returnUrl });
  steps.push(
    step(
      'portal configuration',
      portal.action,
      `${portal.id} (PRO ⇄ SCALE, cards, invoices, cancel at period end; returns to ${returnUrl})`,
    ),
  );
  if (options.webhookUrl && new URL(options.webhookUrl).origin !== new URL(options.publicUrl).origin) {
    steps.push(
      step(
        'portal configuration',
        'attention',
        `returns customers to ${options.publicUrl} but webhooks go to ${new URL(options.webhookUrl).origin}: set PUBLIC_URL to the app's address and run again`,
      ),
    );
  }
  const variables: EnvironmentVariable[] = [
    { name: 'STRIPE_PRICE_ID_PRO', value: catalog.priceIds.PRO, note: 'lookup key pro_monthly' },
    { name: 'STRIPE_PRICE_ID_SCALE', value: catalog.priceIds.SCALE, note: 'lookup key scale_monthly' },
  ];
  if (options.webhookUrl) {
    const endpoint = await ensureWebhookEndpoint(stripe, options.webhookUrl);
    steps.push(...endpoint.steps);
    variables.push(
      endpoint.secret
        ? {
            name: 'STRIPE_WEBHOOK_SECRET',
            value: endpoint.secret,
            note: `signing secret of ${endpoint.endpointId}: Stripe shows it only now`,
          }
        : {
            name: 'STRIPE_WEBHOOK_SECRET',
            value: null,
            note: `${endpoint.endpointId} existed already and Stripe reveals its signing secret only at creation: keep the one you have, or copy it from Dashboard → Developers → Webhooks → the endpoint → Signing secret`,
          },
    );
  } else {
    variables.push({
      name: 'STRIPE_WEBHOOK_SECRET',
      value: null,
      note: 'no --webhook-url given, no endpoint set up: in development `stripe listen` prints the secret of its forwarding',
    });
  }
  const price = await stripe.prices.retrieve(catalog.priceIds.PRO);
  return { livemode: price.livemode, steps, variables };
}

/** The report as the command prints it: one line per step, then the variables to set. */
export function formatSetupReport(report: StripeSetupReport): string {
  const width = Math.max(...report.steps.map((entry) => entry.subject.length));
  const lines = [
    `Stripe set-up (${report.livemode ? 'LIVE' : 'test'} mode, API version ${Stripe.API_VERSION})`,
    ...report.steps.map((entry) =>
      `  ${entry.action.padEnd(9)}  ${entry.subject.padEnd(width)}  ${entry.detail}`.trimEnd(),
    ),
    '',
    'Set these environment variables (e.g. in .env):',
    ...report.variables.flatMap((variable) =>
      variable.value === null
        ? [`# ${variable.name}: ${variable.note}`]
        : [`# ${variable.note}`, `${variable.name}=${variable.value}`],
    ),
  ];
  return `${lines.join('\n')}\n`;
}
