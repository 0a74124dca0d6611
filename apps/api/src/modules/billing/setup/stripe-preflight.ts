import { paidPlans, type Plan, type StripeProduct } from '@aa/plans';
import Stripe from 'stripe';
import type { BillingConfig } from '../../../config/billing.js';
import type { Logger } from '../../../observability/logger.js';
import { createStripeClient } from '../stripe/stripe-client.js';
import type { StripeConnection } from '../stripe/stripe-connection.js';

/** A Stripe setting that cannot work: the start stops with this one line, which names the variable. */
export class StripeSetupError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'StripeSetupError';
  }
}

export type PreflightOutcome =
  | { status: 'passed' }
  | { status: 'refused'; error: StripeSetupError }
  /** Stripe could not be asked (network, outage, rate limit): nothing is known yet. */
  | { status: 'unreachable'; reason: string };

type Mode = 'test' | 'live';

/** sk_/rk_ test or live: the key's mode decides which prices it can see. */
function modeOfKey(secretKey: string): Mode {
  return /^(sk|rk)_live_/.test(secretKey) ? 'live' : 'test';
}

function dollars(cents: number | null): string {
  return cents === null ? 'no fixed amount' : `$${(cents / 100).toFixed(2)}`;
}

function otherModeOf(error: Stripe.errors.StripeError): Mode | null {
  const mode = /a similar object exists in (live|test) mode/.exec(error.message)?.[1];
  return mode === 'live' || mode === 'test' ? mode : null;
}

/** What is wrong with one plan's configured price, or null when it is the plan's monthly USD price. */
async function problemOfPrice(
  stripe: Stripe,
  plan: Plan & { stripe: StripeProduct },
  priceId: string,
  keyMode: Mode,
): Promise<string | null> {
  const variable = plan.stripe.priceIdEnv;
  const wrongMode = (priceMode: Mode) =>
    `${variable}: ${priceId} is a ${priceMode}-mode price but STRIPE_SECRET_KEY is a ${keyMode} key`;
  let price: Stripe.Price;
  try {
    price = await stripe.prices.retrieve(priceId);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    if (error.code !== 'resource_missing') return `${variable}: Stripe refused ${priceId}: ${error.message}`;
    const otherMode = otherModeOf(error);
    if (otherMode) return wrongMode(otherMode);
    return `${variable}: no price ${priceId} in this Stripe account (${keyMode} mode); \`pnpm stripe:setup\` prints the ids to use`;
  }
  if (price.livemode !== (keyMode === 'live')) return wrongMode(price.livemode ? 'live' : 'test');
  if (!price.active)
    return `${variable}: ${priceId} is archived (inactive); \`pnpm stripe:setup\` prints the active price`;
  const recurring = price.recurring;
  if (price.type !== 'recurring' || recurring?.interval !== 'month' || recurring.interval_count !== 1) {
    const every = recurring ? `every ${recurring.interval_count} ${recurring.interval}(s)` : 'one-time';
    return `${variable}: ${priceId} is not a monthly recurring price (${every})`;
  }
  if (price.currency !== 'usd')
    return `${variable}: ${priceId} is in ${price.currency.toUpperCase()}, the plans are priced in USD`;
  if (price.unit_amount !== plan.priceMonthlyCents) {
    return `${variable}: ${priceId} costs ${dollars(price.unit_amount)} a month but the ${plan.name} plan costs ${dollars(plan.priceMonthlyCents)}`;
  }
  return null;
}

/**
 * Asks Stripe whether the key and the configured prices belong together: same mode, each price
 * existing, active, monthly, in USD and of the catalog's amount. The webhook secret cannot be checked
 * this way (a `whsec_` tells neither its mode nor its endpoint); a wrong one shows as refused deliveries.
 */
export async function checkStripeSetup(stripe: Stripe, connection: StripeConnection): Promise<PreflightOutcome> {
  const keyMode = modeOfKey(connection.secretKey);
  let problems: string[];
  try {
    // Side by side: an unresponsive Stripe costs the start one timeout, not one per price.
    const checks = paidPlans().map((plan) => {
      if (!plan.stripe) return null;
      const priceId =
        plan.stripe.priceIdEnv === 'STRIPE_PRICE_ID_PRO' ? connection.priceIds.PRO : connection.priceIds.SCALE;
      return problemOfPrice(stripe, { ...plan, stripe: plan.stripe }, priceId, keyMode);
    });
    problems = (await Promise.all(checks)).filter((problem): problem is string => typeof problem === 'string');
  } catch (error) {
    // The key's message would echo part of it: say what is wrong without it.
    if (error instanceof Stripe.errors.StripeAuthenticationError) {
      return refused(['STRIPE_SECRET_KEY: Stripe refused the key (invalid, expired or revoked)']);
    }
    if (error instanceof Stripe.errors.StripePermissionError) {
      return refused([
        'STRIPE_SECRET_KEY: this restricted key may not read prices; give it the permissions listed in docs/stripe.md',
      ]);
    }
    return { status: 'unreachable', reason: error instanceof Error ? error.message : String(error) };
  }
  return problems.length > 0 ? refused(problems) : { status: 'passed' };
}

function refused(problems: string[]): PreflightOutcome {
  return { status: 'refused', error: new StripeSetupError(problems) };
}

/**
 * The start-up check of the Stripe settings. At start a wrong setting throws (the start stops); an
 * unreachable Stripe only warns, and the check runs again before the next Stripe request until it has
 * run once. A wrong setting found then fails every Stripe request (BILLING_PROVIDER_UNAVAILABLE) rather
 * than charge a wrong price.
 */
export class StripeStartupCheck {
  #state: 'pending' | 'passed' | StripeSetupError = 'pending';
  #running: Promise<void> | null = null;

  constructor(
    private readonly check: () => Promise<PreflightOutcome>,
    private readonly log: Logger,
  ) {}

  static forConnection(connection: StripeConnection, config: BillingConfig, log: Logger): StripeStartupCheck {
    // Its own client, without retries: the start must not wait on backoffs, nor on its own gate.
    const stripe = createStripeClient(connection, { ...config, maxNetworkRetries: 0 });
    return new StripeStartupCheck(() => checkStripeSetup(stripe, connection), log);
  }

  async atStart(): Promise<void> {
    const outcome = await this.check();
    if (outcome.status === 'refused') throw outcome.error;
    if (outcome.status === 'passed') {
      this.#state = 'passed';
      return;
    }
    this.log.warn(
      { reason: outcome.reason },
      'Stripe could not be reached at start: the key and price ids are checked again before the first billing call',
    );
  }

  /** Waits for the check before a Stripe request; throws while the settings are known to be wrong. */
  async beforeRequest(): Promise<void> {
    if (this.#state === 'pending') {
      this.#running ??= this.#recheck().finally(() => {
        this.#running = null;
      });
      await this.#running;
    }
    if (this.#state instanceof StripeSetupError) throw this.#state;
  }

  async #recheck(): Promise<void> {
    const outcome = await this.check();
    if (outcome.status === 'passed') {
      this.#state = 'passed';
      this.log.info('Stripe settings checked: key and price ids agree');
    } else if (outcome.status === 'refused') {
      this.#state = outcome.error;
      this.log.error(
        { problem: outcome.error.message },
        `Stripe settings are wrong, billing is disabled until a restart: ${outcome.error.message}`,
      );
    }
  }

  /** The connection whose every request waits for the check (see StripeConnection.beforeRequest). */
  gate(connection: StripeConnection): StripeConnection {
    return { ...connection, beforeRequest: () => this.beforeRequest() };
  }
}
