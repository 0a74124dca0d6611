import type { InvoiceObject } from '../objects/invoice-objects.js';
import { cardFields } from './card-fields.js';
import { formatDate, formatMoney, html, page, type Html } from './layout.js';

/** The `hosted_invoice_url` Stripe gives every finalized invoice: the invoice, and a card form while it is open. */
export function renderInvoicePage(invoice: InvoiceObject, error: string | null = null): string {
  return page(
    `Invoice ${invoice.number ?? invoice.id}`,
    html`<main class="portal">
      <div class="merchant"><span class="logo"></span>Attribution Analytics<span class="badge">Test mode</span></div>
      <section class="panel">
        <div class="row-between">
          <h1>Invoice ${invoice.number ?? ''}</h1>
          <span class="status ${invoice.status === 'paid' ? '' : 'warn'}" data-testid="invoice-status"
            >${invoice.status ?? ''}</span
          >
        </div>
        <p class="muted">
          Issued ${formatDate(invoice.created)}${invoice.customer_email ? ` to ${invoice.customer_email}` : ''}
        </p>
        <table>
          <thead>
            <tr>
              <th>Description</th>
              <th>Amount</th>
            </tr>
          </thead>
          <tbody>
            ${invoice.lines.data.map(
              (line) =>
                html`<tr>
                  <td>${line.description ?? ''}</td>
                  <td>${formatMoney(line.amount, line.currency)}</td>
                </tr>`,
            )}
            <tr>
              <td><strong>Total</strong></td>
              <td><strong>${formatMoney(invoice.total, invoice.currency)}</strong></td>
            </tr>
            <tr>
              <td><strong>Amount due</strong></td>
              <td><strong>${formatMoney(invoice.amount_remaining, invoice.currency)}</strong></td>
            </tr>
          </tbody>
        </table>
      </section>
      ${invoice.status === 'open' ? payForm(invoice, error) : invoice.status === 'void' ? html`<section class="panel"><p class="muted">This invoice has been voided and can no longer be paid.</p></section>` : ''}
    </main>`,
  );
}

function payForm(invoice: InvoiceObject, error: string | null): Html {
  return html`<section class="panel">
    <h2>Pay with card</h2>
    ${error ? html`<div class="error" role="alert" data-testid="invoice-error">${error}</div>` : ''}
    <form method="post" action="/invoice/${invoice.id}" autocomplete="off">
      ${cardFields()}
      <button class="btn" type="submit" id="submit">
        Pay ${formatMoney(invoice.amount_remaining, invoice.currency)}
      </button>
    </form>
  </section>`;
}
