import type { InvoiceObject } from '../objects/invoice-objects.js';
import { formatDate, formatMoney, html, page } from './layout.js';

/** The `hosted_invoice_url` Stripe gives every finalized invoice. */
export function renderInvoicePage(invoice: InvoiceObject): string {
  return page(
    `Invoice ${invoice.number ?? invoice.id}`,
    html`<main class="portal"><div class="merchant"><span class="logo"></span>Attribution Analytics<span class="badge">Test mode</span></div>
  <section class="panel">
    <div class="row-between"><h1>Invoice ${invoice.number ?? ''}</h1><span class="status ${invoice.status === 'paid' ? '' : 'warn'}">${invoice.status ?? ''}</span></div>
    <p class="muted">Issued ${formatDate(invoice.created)}${invoice.customer_email ? ` to ${invoice.customer_email}` : ''}</p>
    <table><thead><tr><th>Description</th><th>Amount</th></tr></thead><tbody>
      ${invoice.lines.data.map((line) => html`<tr><td>${line.description ?? ''}</td><td>${formatMoney(line.amount, line.currency)}</td></tr>`)}
      <tr><td><strong>Total</strong></td><td><strong>${formatMoney(invoice.total, invoice.currency)}</strong></td></tr>
    </tbody></table>
  </section></main>`,
  );
}
