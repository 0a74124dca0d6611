import type { PriceObject } from '../objects/catalog-objects.js';
import type { InvoiceObject } from '../objects/invoice-objects.js';
import type { PortalSessionObject } from '../objects/platform-objects.js';
import type { SubscriptionObject } from '../objects/subscription-objects.js';
import { formatDate, formatMoney, html, page, type Html } from './layout.js';

const MERCHANT = 'Attribution Analytics';

export interface PlanOption {
  price: PriceObject;
  name: string;
  description: string | null;
}

export interface SubscriptionPanel {
  subscription: SubscriptionObject;
  /** The prices the configuration lets it switch to (empty: no plan change offered). */
  plans: PlanOption[];
  /** How it can be canceled here, or null when canceling is not offered. */
  cancelMode: 'at_period_end' | 'immediately' | null;
  cancelReasons: string[];
  scheduledChange: { plan: PlanOption; at: number } | null;
  /** The hosted page of its open invoice when a payment is due (past_due, unpaid, incomplete). */
  payInvoiceUrl: string | null;
}

export interface PortalView {
  session: PortalSessionObject;
  headline: string | null;
  customerEmail: string | null;
  /** Null when the page (a deep link) does not show subscriptions. */
  subscriptions: SubscriptionPanel[] | null;
  card: { brand: string; last4: string } | null;
  canUpdateCard: boolean;
  /** Null when invoice history is not enabled. */
  invoices: InvoiceObject[] | null;
  notice: string | null;
  error: string | null;
  productName: (price: PriceObject) => string;
}

function statusBadge(subscription: SubscriptionObject): Html {
  if (subscription.cancel_at_period_end)
    return html`<span class="status warn">Cancels ${formatDate(subscription.cancel_at ?? 0)}</span>`;
  const tone = subscription.status === 'active' || subscription.status === 'trialing' ? '' : 'warn';
  return html`<span class="status ${tone}">${subscription.status.replace('_', ' ')}</span>`;
}

function actionForm(
  view: PortalView,
  subscription: SubscriptionObject,
  action: string,
  label: string,
  style: string,
  extra: Html | '' = '',
): Html {
  return html`<form method="post" action="/portal/${view.session.id}">
    <input type="hidden" name="subscription" value="${subscription.id}" /><input
      type="hidden"
      name="action"
      value="${action}"
    />${extra} <button class="btn ${style}" type="submit" data-action="${action}">${label}</button>
  </form>`;
}

function reasonSelect(reasons: string[]): Html | '' {
  if (reasons.length === 0) return '';
  return html`<select name="reason" aria-label="Why are you canceling?">
    <option value="">Why are you canceling?</option>
    ${reasons.map((reason) => html`<option value="${reason}">${reason.replaceAll('_', ' ')}</option>`)}
  </select>`;
}

function cancelActions(view: PortalView, panel: SubscriptionPanel): Html | '' {
  const { subscription } = panel;
  if (subscription.cancel_at_period_end) return actionForm(view, subscription, 'renew', 'Renew plan', 'secondary');
  if (panel.cancelMode === 'at_period_end') return actionForm(view, subscription, 'cancel', 'Cancel plan', 'danger');
  if (panel.cancelMode === 'immediately')
    return actionForm(view, subscription, 'cancel', 'Cancel plan now', 'danger', reasonSelect(panel.cancelReasons));
  return '';
}

function planSwitch(view: PortalView, panel: SubscriptionPanel): Html | '' {
  if (panel.plans.length === 0) return '';
  return html`<h2 style="margin-top:28px">Update plan</h2>
    <div class="plans">
      ${panel.plans.map(
        (plan) =>
          html`<div class="plan">
            <strong>${plan.name}</strong>
            <p>
              ${formatMoney(plan.price.unit_amount ?? 0, plan.price.currency)} /
              ${plan.price.recurring?.interval ?? 'month'}<br />${plan.description ?? ''}
            </p>
            ${actionForm(view, panel.subscription, 'switch', `Switch to ${plan.name}`, 'secondary', html`<input type="hidden" name="price" value="${plan.price.id}" />`)}
          </div>`,
      )}
    </div>`;
}

function subscriptionSection(view: PortalView, panel: SubscriptionPanel): Html {
  const { subscription } = panel;
  const item = subscription.items.data[0];
  if (!item) return html``;
  const price = item.price;
  const periodEnd = item.current_period_end;
  const scheduled = panel.scheduledChange;
  return html`<section class="panel" data-subscription="${subscription.id}">
    <div class="row-between">
      <h2>Current plan</h2>
      ${statusBadge(subscription)}
    </div>
    <div class="row-between">
      <div>
        <p class="amount" style="font-size:24px">${view.productName(price)}</p>
        <p class="muted">
          ${formatMoney(price.unit_amount ?? 0, price.currency)} per ${price.recurring?.interval ?? 'month'}
        </p>
      </div>
    </div>
    <p class="muted">
      ${subscription.cancel_at_period_end ? `Your plan will be canceled on ${formatDate(periodEnd)}.` : `Your plan renews on ${formatDate(periodEnd)}.`}
    </p>
    ${scheduled ? html`<p class="muted" data-testid="scheduled-change">Changes to ${scheduled.plan.name} on ${formatDate(scheduled.at)}.</p>` : ''}
    ${panel.payInvoiceUrl ? html`<div class="error" role="alert">Your last payment failed. <a href="${panel.payInvoiceUrl}" data-testid="pay-invoice">Pay the open invoice</a> or update your payment method.</div>` : ''}
    <div class="actions">${cancelActions(view, panel)}</div>
    ${planSwitch(view, panel)}
  </section>`;
}

function paymentMethodSection(view: PortalView): Html | '' {
  if (!view.canUpdateCard) return '';
  return html`<section class="panel">
    <h2>Payment method</h2>
    <p class="muted" data-testid="card">
      ${view.card ? `${view.card.brand.toUpperCase()} •••• ${view.card.last4}` : 'No card on file.'}
    </p>
    <form method="post" action="/portal/${view.session.id}" autocomplete="off">
      <input type="hidden" name="action" value="update_card" />
      <div class="field">
        <label for="card_number">New card</label
        ><input id="card_number" name="card_number" inputmode="numeric" required placeholder="1234 1234 1234 1234" />
      </div>
      <button class="btn secondary" type="submit" data-action="update_card">Update payment method</button>
    </form>
  </section>`;
}

function invoiceSection(view: PortalView): Html | '' {
  if (!view.invoices) return '';
  return html`<section class="panel">
    <h2>Invoice history</h2>
    ${
      view.invoices.length === 0
        ? html`<p class="muted">No invoices yet.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Date</th>
                <th>Amount</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              ${view.invoices.map(
                (invoice) =>
                  html`<tr>
                    <td>
                      ${invoice.hosted_invoice_url ? html`<a href="${invoice.hosted_invoice_url}">${formatDate(invoice.created)}</a>` : formatDate(invoice.created)}
                    </td>
                    <td>${formatMoney(invoice.total, invoice.currency)}</td>
                    <td>${invoice.status ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

function header(returnUrl: string | null): Html {
  return html`<div class="merchant row-between">
    <span style="display:inline-flex;align-items:center;gap:10px"
      ><span class="logo"></span>${MERCHANT}<span class="badge">Test mode</span></span
    >
    ${returnUrl ? html`<a class="back" href="${returnUrl}" data-testid="return-link">← Return to ${MERCHANT}</a>` : ''}
  </div>`;
}

export function renderPortalPage(view: PortalView): string {
  const subscriptions = view.subscriptions;
  return page(
    `${MERCHANT} · Billing`,
    html`<main class="portal">
      ${header(view.session.return_url)}
      <h1>Billing</h1>
      <p class="muted" style="margin-top:-12px;margin-bottom:24px">
        ${view.headline ?? ''} ${view.customerEmail ?? ''}
      </p>
      ${view.notice ? html`<div class="notice" role="status">${view.notice}</div>` : ''}
      ${view.error ? html`<div class="error" role="alert">${view.error}</div>` : ''}
      ${
        subscriptions && subscriptions.length === 0
          ? html`<section class="panel">
              <h2>No active subscription</h2>
              <p class="muted">You are on the free plan.</p>
            </section>`
          : ''
      }
      ${(subscriptions ?? []).map((panel) => subscriptionSection(view, panel))} ${paymentMethodSection(view)}
      ${invoiceSection(view)}
    </main>`,
  );
}

/** A flow's `after_completion: hosted_confirmation` page. */
export function renderPortalConfirmation(session: PortalSessionObject, message: string): string {
  return page(
    `${MERCHANT} · Billing`,
    html`<main class="portal">
      ${header(session.return_url)}
      <section class="panel">
        <h1>Done</h1>
        <p class="muted" role="status">${message}</p>
      </section>
    </main>`,
  );
}

/** What Stripe shows for a portal link opened after it expired: a way back to the application. */
export function renderPortalExpired(returnUrl: string | null): string {
  return page(
    `${MERCHANT} · Billing`,
    html`<main class="portal">
      <section class="panel" data-testid="portal-expired">
        <h1>This session has expired</h1>
        <p class="muted">
          For your security, links to the billing portal expire after a few minutes. Return to ${MERCHANT} to open
          billing again.
        </p>
        ${returnUrl ? html`<p><a class="btn" href="${returnUrl}" data-testid="expired-return-link">Return to ${MERCHANT}</a></p>` : ''}
      </section>
    </main>`,
  );
}
