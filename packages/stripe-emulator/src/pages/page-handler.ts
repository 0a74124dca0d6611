import type { IncomingMessage, ServerResponse } from 'node:http';
import { completeCheckout, successUrlOf } from '../billing/checkout.js';
import { idOf, type BillingContext } from '../billing/context.js';
import { createCardPaymentMethod } from '../billing/payment-methods.js';
import { portalAccess } from '../billing/portal.js';
import { cardFromNumber } from '../billing/test-cards.js';
import { StripeApiError } from '../http/errors.js';
import { decodeForm } from '../http/form-decoding.js';
import { readBody, redirect, sendHtml } from '../http/io.js';
import { matchPath } from '../http/route.js';
import type { CheckoutSessionObject } from '../objects/checkout-objects.js';
import type { PortalSessionObject } from '../objects/platform-objects.js';
import {
  EMPTY_FORM,
  renderCheckoutPage,
  renderClosedCheckout,
  type CheckoutForm,
  type CheckoutView,
} from './checkout-page.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { handleInvoicePage } from './invoice-payment.js';
import { html, page } from './layout.js';
import { applyPortalAction, portalView } from './portal-actions.js';
import { renderPortalConfirmation, renderPortalExpired, renderPortalPage } from './portal-page.js';

function notFound(response: ServerResponse, what: string): void {
  sendHtml(
    response,
    404,
    page(
      'Not found',
      html`<main class="portal">
        <section class="panel">
          <h1>Not found</h1>
          <p class="muted">${what}</p>
        </section>
      </main>`,
    ),
  );
}

function checkoutView(billing: BillingContext, session: CheckoutSessionObject): CheckoutView {
  const details = billing.store.checkoutDetails.get(session.id);
  const items = details?.lineItems ?? [];
  const productId = idOf(items[0]?.price?.product ?? null);
  return {
    session,
    items,
    productDescription: productId ? (billing.store.products.find(productId)?.description ?? null) : null,
    trialDays: details?.trialPeriodDays ?? null,
  };
}

function formOf(fields: Record<string, unknown>): CheckoutForm {
  const text = (key: string): string => (typeof fields[key] === 'string' ? (fields[key] as string).trim() : '');
  return {
    email: text('email'),
    name: text('name'),
    cardNumber: text('card_number'),
    expiry: text('card_expiry'),
    cvc: text('card_cvc'),
  };
}

/** Pays exactly as the `test_helpers/…/complete` endpoint does; a refusal is shown on the page. */
function payCheckout(billing: BillingContext, session: CheckoutSessionObject, form: CheckoutForm): string | null {
  if (!form.email && !session.customer) return 'Enter your email address.';
  if (!/^\d{2}\s*\/\s*\d{2}$/.test(form.expiry)) return "Your card's expiration date is incomplete.";
  if (!/^\d{3,4}$/.test(form.cvc)) return "Your card's security code is incomplete.";
  try {
    const card = cardFromNumber(form.cardNumber);
    if (card.behavior === 'declined') return 'Your card was declined. Try a different card.';
    const buyer = { email: form.email || null, name: form.name || null };
    const paymentMethod = createCardPaymentMethod(billing, card, buyer);
    completeCheckout(billing, session, paymentMethod, buyer);
    return null;
  } catch (error) {
    if (error instanceof StripeApiError && error.status < 500) return error.message;
    throw error;
  }
}

async function handleCheckout(
  billing: BillingContext,
  request: IncomingMessage,
  response: ServerResponse,
  id: string,
): Promise<void> {
  const session = billing.store.checkoutSessions.find(id);
  if (!session) return notFound(response, 'This checkout link is not valid.');
  if (session.status !== 'open') return sendHtml(response, 200, renderClosedCheckout(session, successUrlOf(session)));
  if (request.method !== 'POST') {
    const form = {
      ...EMPTY_FORM,
      email: session.customer_email ?? billing.store.customers.find(idOf(session.customer) ?? '')?.email ?? '',
    };
    return sendHtml(response, 200, renderCheckoutPage(checkoutView(billing, session), form, null));
  }
  const form = formOf(decodeForm(await readBody(request)));
  const error = payCheckout(billing, session, form);
  if (error) return sendHtml(response, 402, renderCheckoutPage(checkoutView(billing, session), form, error));
  const successUrl = successUrlOf(session);
  if (successUrl) return redirect(response, successUrl);
  return sendHtml(response, 200, renderClosedCheckout(session, null));
}

const PORTAL_COOKIE = 'emulator_portal';

function cookieOf(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/**
 * A portal session opens while its link is fresh; the browser that opened it keeps it (a cookie), as
 * Stripe's portal keeps its visitor signed in. Later visits see Stripe's expiry page.
 */
async function handlePortal(
  billing: BillingContext,
  request: IncomingMessage,
  response: ServerResponse,
  id: string,
  url: URL,
): Promise<void> {
  const session = billing.store.portalSessions.find(id);
  if (!session) return notFound(response, 'This billing portal link is not valid.');
  const access = portalAccess(billing, session, cookieOf(request, PORTAL_COOKIE));
  if (!access.open) return sendHtml(response, 410, renderPortalExpired(session.return_url));
  response.setHeader(
    'set-cookie',
    `${PORTAL_COOKIE}=${access.visitorToken}; Path=/portal/${session.id}; HttpOnly; SameSite=Lax`,
  );
  const configuration = billing.store.portalConfigurations.get(idOf(session.configuration) ?? '');
  if (request.method === 'POST') {
    const outcome = applyPortalAction(billing, session, configuration, decodeForm(await readBody(request)));
    if (outcome.ok && outcome.flowDone) return finishFlow(response, session, outcome.message);
    const query = new URLSearchParams(outcome.ok ? { notice: outcome.message } : { error: outcome.message });
    return redirect(response, `/portal/${session.id}?${query.toString()}`);
  }
  const view = portalView(billing, session, configuration, {
    notice: url.searchParams.get('notice'),
    error: url.searchParams.get('error'),
  });
  sendHtml(response, 200, renderPortalPage(view));
}

/** A deep link's `after_completion`: back to the application, a confirmation, or the whole portal. */
function finishFlow(response: ServerResponse, session: PortalSessionObject, message: string): void {
  const after = session.flow?.after_completion;
  if (after?.type === 'redirect' && after.redirect) return redirect(response, after.redirect.return_url);
  if (after?.type === 'hosted_confirmation')
    return sendHtml(
      response,
      200,
      renderPortalConfirmation(session, after.hosted_confirmation?.custom_message ?? message),
    );
  // `portal_homepage`: the session goes on as a whole portal (Stripe has no API to read a session back).
  session.flow = null;
  redirect(response, `/portal/${session.id}?${new URLSearchParams({ notice: message }).toString()}`);
}

/** The hosted pages Stripe serves to browsers: checkout, customer portal, invoices. */
export async function handlePage(
  billing: BillingContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const checkout = matchPath('/checkout/:id', url.pathname);
  if (checkout) return handleCheckout(billing, request, response, checkout.id ?? '');
  const portal = matchPath('/portal/:id', url.pathname);
  if (portal) return handlePortal(billing, request, response, portal.id ?? '', url);
  const pdf = matchPath('/invoice/:id/pdf', url.pathname);
  if (pdf) {
    const found = billing.store.invoices.find(pdf.id ?? '');
    if (!found || found.status === 'draft') return notFound(response, 'No such invoice.');
    response.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
    return void response.end(renderInvoicePdf(found));
  }
  const invoice = matchPath('/invoice/:id', url.pathname);
  if (invoice) {
    const found = billing.store.invoices.find(invoice.id ?? '');
    return found ? handleInvoicePage(billing, request, response, found) : notFound(response, 'No such invoice.');
  }
  if (url.pathname === '/') {
    return sendHtml(
      response,
      200,
      page(
        'Stripe emulator',
        html`<main class="portal">
          <section class="panel">
            <h1>Stripe emulator</h1>
            <p class="muted">
              Point the Stripe SDK here (host, port, protocol http) with any <code>sk_test_</code> key. API under
              <code>/v1</code>, controls under <code>/_emulator</code>.
            </p>
          </section>
        </main>`,
      ),
    );
  }
  notFound(response, `No page at ${url.pathname}.`);
}
