import Stripe from 'stripe';
import { callStripe, type StripeClient } from './stripe/stripe-client.js';

/** A session handed out again must leave the buyer time to pay: Stripe expires it 24 hours after creation. */
const MIN_REMAINING_SECONDS = 3600;

export interface SessionRequest {
  customer: string;
  /** The plan's configured price: a session for another price (an old configuration) is not reused. */
  priceId: string;
  now: Date;
  create: () => Promise<Stripe.Checkout.Session>;
}

/**
 * One open Checkout Session per organization, so two tabs or two admins cannot both pay. The open
 * session for the same price is handed out again; every other open session of the customer (another
 * plan, or one about to expire) is expired, and Stripe refuses to complete it from then on.
 *
 * Only Stripe calls, no lock: concurrent calls converge, because after creating a session each lists
 * again and keeps the oldest reusable one, so they all return the same session and expire the rest.
 * A second subscription can still appear (both paid before either list ran, or the Dashboard); the
 * sync cancels it (subscription-sync.ts).
 */
export async function openCheckoutSession(
  stripe: StripeClient,
  request: SessionRequest,
): Promise<Stripe.Checkout.Session> {
  let open = await openSessionsOf(stripe, request.customer);
  let chosen = reusableOf(open, request);
  if (!chosen) {
    const created = await request.create();
    open = [
      ...(await openSessionsOf(stripe, request.customer)).filter((session) => session.id !== created.id),
      created,
    ];
    chosen = reusableOf(open, request) ?? created;
  }
  const keep = chosen.id;
  for (const session of open) if (session.id !== keep) await expire(stripe, session.id);
  return chosen;
}

async function openSessionsOf(stripe: StripeClient, customer: string): Promise<Stripe.Checkout.Session[]> {
  const sessions = await callStripe(() =>
    stripe.checkout.sessions.list({ customer, status: 'open', limit: 100, expand: ['data.line_items'] }),
  );
  return sessions.data;
}

/** The oldest open session for the price with time left to pay (oldest: what concurrent callers agree on). */
function reusableOf(sessions: Stripe.Checkout.Session[], request: SessionRequest): Stripe.Checkout.Session | null {
  const now = Math.floor(request.now.getTime() / 1000);
  const reusable = sessions.filter(
    (session) =>
      session.status === 'open' &&
      session.mode === 'subscription' &&
      session.url !== null &&
      session.expires_at - now >= MIN_REMAINING_SECONDS &&
      session.line_items?.data.length === 1 &&
      session.line_items.data[0]?.price?.id === request.priceId,
  );
  reusable.sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
  return reusable[0] ?? null;
}

async function expire(stripe: StripeClient, sessionId: string): Promise<void> {
  try {
    await callStripe(() => stripe.checkout.sessions.expire(sessionId));
  } catch (error) {
    // Completed or expired since it was listed: nothing left to expire (a payment in that moment is
    // a second subscription, which the sync cancels).
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
  }
}
