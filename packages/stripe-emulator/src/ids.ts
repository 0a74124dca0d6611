import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let token = '';
  for (const byte of bytes) token += ALPHABET[byte % ALPHABET.length];
  return token;
}

/** Stripe-style id: a resource prefix and a random tail (checkout session ids are long, like Stripe's). */
export function newId(prefix: string, length = 24): string {
  return `${prefix}${randomToken(length)}`;
}

export const ID_PREFIX = {
  product: 'prod_',
  price: 'price_',
  customer: 'cus_',
  subscription: 'sub_',
  subscriptionItem: 'si_',
  subscriptionSchedule: 'sub_sched_',
  checkoutSession: 'cs_test_',
  portalSession: 'bps_',
  portalConfiguration: 'bpc_',
  paymentMethod: 'pm_',
  paymentIntent: 'pi_',
  charge: 'ch_',
  refund: 're_',
  invoicePayment: 'inpay_',
  invoiceItem: 'ii_',
  invoice: 'in_',
  invoiceLine: 'il_',
  event: 'evt_',
  webhookEndpoint: 'we_',
  webhookSecret: 'whsec_',
  testClock: 'clock_',
  request: 'req_',
  secretKey: 'sk_test_',
} as const;

export function newCheckoutSessionId(): string {
  return newId(ID_PREFIX.checkoutSession, 58);
}

export function newWebhookSecret(): string {
  return newId(ID_PREFIX.webhookSecret, 32);
}
