import type { CheckoutLineItemObject, CheckoutSessionObject } from '../objects/checkout-objects.js';
import { cardFields } from './card-fields.js';
import { formatMoney, html, page, type Html } from './layout.js';

export interface CheckoutForm {
  email: string;
  name: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
}

export const EMPTY_FORM: CheckoutForm = { email: '', name: '', cardNumber: '', expiry: '', cvc: '' };

const MERCHANT = 'Attribution Analytics';

function intervalOf(item: CheckoutLineItemObject): string | null {
  const recurring = item.price?.recurring;
  if (!recurring) return null;
  return recurring.interval_count === 1 ? recurring.interval : `${recurring.interval_count} ${recurring.interval}s`;
}

export interface CheckoutView {
  session: CheckoutSessionObject;
  items: CheckoutLineItemObject[];
  productDescription: string | null;
  /** A subscription trial: nothing is due today. */
  trialDays: number | null;
}

function summary({ session, items, productDescription, trialDays }: CheckoutView): Html {
  const first = items[0];
  const currency = session.currency ?? 'usd';
  const interval = first ? intervalOf(first) : null;
  const heading = session.mode === 'subscription' && first ? `Subscribe to ${first.description}` : 'Pay ' + MERCHANT;
  return html` <div class="summary-inner">
    <div class="merchant">
      ${session.cancel_url ? html`<a href="${session.cancel_url}" aria-label="Back">←</a>` : ''}
      <span class="logo"></span><span>${MERCHANT}</span><span class="badge">Test mode</span>
    </div>
    <p class="product-label">${heading}</p>
    ${trialDays ? html`<p class="product-label">${trialDays} days free, then</p>` : ''}
    <p class="amount" data-testid="amount">
      ${formatMoney(session.amount_total ?? 0, currency)}${interval ? html`<small>per ${interval}</small>` : ''}
    </p>
    <p class="desc">${productDescription}</p>
    <div class="lines">
      ${items.map(
        (item) =>
          html`<div class="line">
            <span
              >${item.description}<span class="muted"
                >Qty ${item.quantity ?? 1}${intervalOf(item) ? `, billed ${intervalOf(item)}ly` : ''}</span
              ></span
            ><span>${formatMoney(item.amount_total, currency)}</span>
          </div>`,
      )}
      <div class="line"><span>Subtotal</span><span>${formatMoney(session.amount_subtotal ?? 0, currency)}</span></div>
      <div class="line total">
        <span>Total due today</span><span>${formatMoney(trialDays ? 0 : (session.amount_total ?? 0), currency)}</span>
      </div>
    </div>
  </div>`;
}

export function renderCheckoutPage(view: CheckoutView, form: CheckoutForm, error: string | null): string {
  const { session } = view;
  const buttonLabel = session.mode === 'subscription' ? 'Subscribe' : 'Pay';
  return page(
    `${MERCHANT} · Checkout`,
    html`<main class="split">
      <section class="summary">${summary(view)}</section>
      <section class="pay">
        <div class="form-inner">
          <h1>Pay with card</h1>
          ${error ? html`<div class="error" role="alert" data-testid="checkout-error">${error}</div>` : ''}
          <form method="post" action="/checkout/${session.id}" autocomplete="off">
            <div class="field">
              <label for="email">Email</label>
              <input
                id="email"
                name="email"
                type="email"
                required
                value="${form.email}"
                placeholder="you@example.com"
              />
            </div>
            ${cardFields(form)}
            <div class="field">
              <label for="name">Cardholder name</label>
              <input id="name" name="name" value="${form.name}" placeholder="Full name on card" />
            </div>
            <button class="btn" type="submit" id="submit">${buttonLabel}</button>
          </form>
          <p class="hint">
            Stripe emulator — no real payment is made.<br />
            <code>4242 4242 4242 4242</code> pays · <code>4000 0000 0000 0002</code> is declined ·
            <code>4000 0000 0000 0341</code> saves, then every charge fails
          </p>
        </div>
      </section>
    </main>`,
  );
}

export function renderClosedCheckout(session: CheckoutSessionObject, successUrl: string | null): string {
  const complete = session.status === 'complete';
  return page(
    `${MERCHANT} · Checkout`,
    html`<main class="portal">
      <div class="panel">
        <h1>${complete ? 'Payment complete' : 'This checkout session has expired'}</h1>
        <p class="muted">
          ${complete ? 'Thanks! Your payment has been received.' : 'Start again from the application to get a new checkout link.'}
        </p>
        ${complete && successUrl ? html`<p><a class="btn" href="${successUrl}">Continue</a></p>` : ''}
      </div>
    </main>`,
  );
}
