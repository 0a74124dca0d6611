import Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StripeEmulator } from '../index.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';

let emulator: StripeEmulator;
let stripe: Stripe;
beforeAll(async () => {
  ({ emulator, stripe } = await startEmulatorWithClient());
});
afterAll(() => emulator.close());

it('gives a finalized invoice an invoice_pdf that serves the invoice as a PDF, and a draft none', async () => {
  const customer = await stripe.customers.create({ email: 'pdf@example.com' });
  await stripe.invoiceItems.create({ customer: customer.id, amount: 1234, currency: 'usd', description: 'Setup' });
  const draft = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'include' });
  expect(draft.invoice_pdf).toBeNull();
  expect((await fetch(`${emulator.baseUrl}/invoice/${draft.id}/pdf`)).status).toBe(404);

  const invoice = await stripe.invoices.finalizeInvoice(draft.id ?? '');
  expect(invoice.invoice_pdf).toBe(`${emulator.baseUrl}/invoice/${invoice.id}/pdf`);
  const response = await fetch(invoice.invoice_pdf ?? '');
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
  expect(body.startsWith('%PDF-1.4')).toBe(true);
  expect(body).toContain(`(Invoice ${invoice.number})`);
  expect(body).toContain('(Total: $12.34)');
  // The cross-reference table points at each object, as a PDF reader needs.
  const xref = Number(/startxref\n(\d+)/.exec(body)?.[1]);
  expect(body.slice(xref, xref + 4)).toBe('xref');
});
