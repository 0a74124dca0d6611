import type { PriceObject } from '../objects/catalog-objects.js';
import type { InvoiceObject } from '../objects/invoice-objects.js';
import type { PortalSessionObject } from '../objects/platform-objects.js';
import type { SubscriptionObject } from '../objects/subscription-objects.js';
import { formatDate, formatMoney, html, page, type Html } from './layout.js';

export interface PlanOption {
  price: PriceObject;
  name: string;
  description: string | null;
}

export interface PortalView {
  session: PortalSessionObject;
  customerEmail: string | null;
  subscriptions: SubscriptionObject[];
  plans: PlanOption[];
  invoices: InvoiceObject[];
  card: { brand: string; last4: string } | null;
  notice: string | null;
  error: string | null;
  productName: (price: PriceObject) => string;
}

function statusBadge(subscription: SubscriptionObject): Html {
  if (subscription.cancel_at_period_end) return html`<span class="status warn">Cancels ${formatDate(subscription.cancel_at ?? 0)}</span>`;
  const tone = subscription.status === 'active' || subscription.status === 'trialing' ? '' : 'warn';
  return html`<span class="status ${tone}">${subscription.status.replace('_', ' ')}</span>`;
}

function actionForm(view: PortalView, subscription: SubscriptionObject, action: string, label: string, style: string, extra: Html | '' = ''): Html {
  return html`<form method="post" action="/portal/${view.session.id}">
    <input type="hidden" name="subscription" value="${subscription.id}"><input type="hidden" name="action" value="${action}">${extra}
    <button class="btn ${style}" type="submit" data-action="${action}">${label}</button></form>`;
}

function subscriptionPanel(view: PortalView, subscription: SubscriptionObject): Html {
  const item = subscription.items.data[0];
  if (!item) return html``;
  const price = item.price;
  const periodEnd = item.current_period_end;
  return html`<section class="panel" data-subscription="${subscription.id}">
  <div class="row-between"><h2>Current plan</h2>${statusBadge(subscription)}</div>
  <div class="row-between"><div><p class="amount" style="font-size:24px">${view.productName(price)}</p>
    <p class="muted">${formatMoney(price.unit_amount ?? 0, price.currency)} per ${price.recurring?.interval ?? 'month'}</p></div></div>
  <p class="muted">${subscription.cancel_at_period_end ? `Your plan will be canceled on ${formatDate(periodEnd)}.` : `Your plan renews on ${formatDate(periodEnd)}.`}</p>
  <div class="actions">
    ${subscription.cancel_at_period_end
      ? actionForm(view, subscription, 'renew', 'Renew plan', 'secondary')
      : actionForm(view, subscription, 'cancel_at_period_end', 'Cancel at period end', 'secondary')}
    ${actionForm(view, subscription, 'cancel_now', 'Cancel now', 'danger')}
  </div>
  <h2 style="margin-top:28px">Switch plan</h2>
  <div class="plans">${view.plans.map((plan) => {
    const current = plan.price.id === price.id;
    return html`<div class="plan ${current ? 'current' : ''}"><strong>${plan.name}</strong>
      <p>${formatMoney(plan.price.unit_amount ?? 0, plan.price.currency)} / ${plan.price.recurring?.interval ?? 'month'}<br>${plan.description ?? ''}</p>
      ${current
        ? html`<button class="btn secondary" disabled>Current plan</button>`
        : actionForm(view, subscription, 'switch', `Switch to ${plan.name}`, 'secondary', html`<input type="hidden" name="price" value="${plan.price.id}">`)}
    </div>`;
  })}</div>
</section>`;
}

export function renderPortalPage(view: PortalView): string {
  const returnUrl = view.session.return_url;
  return page(
    'Attribution Analytics · Billing',
    html`<main class="portal">
  <div class="merchant row-between"><span style="display:inline-flex;align-items:center;gap:10px"><span class="logo"></span>Attribution Analytics<span class="badge">Test mode</span></span>
    ${returnUrl ? html`<a class="back" href="${returnUrl}" data-testid="return-link">← Return to Attribution Analytics</a>` : ''}</div>
  <h1>Billing</h1>
  <p class="muted" style="margin-top:-12px;margin-bottom:24px">${view.customerEmail ?? ''}</p>
  ${view.notice ? html`<div class="notice" role="status">${view.notice}</div>` : ''}
  ${view.error ? html`<div class="error" role="alert">${view.error}</div>` : ''}
  ${view.subscriptions.length === 0 ? html`<section class="panel"><h2>No active subscription</h2><p class="muted">You are on the free plan.</p></section>` : ''}
  ${view.subscriptions.map((subscription) => subscriptionPanel(view, subscription))}
  <section class="panel"><h2>Payment method</h2>
    <p class="muted">${view.card ? `${view.card.brand.toUpperCase()} •••• ${view.card.last4}` : 'No card on file.'}</p></section>
  <section class="panel"><h2>Invoice history</h2>
    ${view.invoices.length === 0
      ? html`<p class="muted">No invoices yet.</p>`
      : html`<table><thead><tr><th>Date</th><th>Amount</th><th>Status</th></tr></thead><tbody>
      ${view.invoices.map((invoice) => html`<tr><td>${formatDate(invoice.created)}</td><td>${formatMoney(invoice.total, invoice.currency)}</td><td>${invoice.status ?? ''}</td></tr>`)}
      </tbody></table>`}
  </section>
</main>`,
  );
}
