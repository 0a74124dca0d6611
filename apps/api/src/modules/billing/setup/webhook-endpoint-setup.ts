import Stripe from 'stripe';
import { WEBHOOK_HANDLERS } from '../stripe/handlers/handler-registry.js';
import { step, type SetupStep } from './setup-step.js';

/** Marks the endpoint this command manages, so a new --webhook-url moves it instead of adding a second. */
const MANAGED_BY = { managed_by: 'pnpm stripe:setup' };

/** Exactly the event types the API acts on: the handler registry is the one list. */
export function handledEventTypes(): string[] {
  return Object.keys(WEBHOOK_HANDLERS).sort();
}

export interface WebhookEndpointResult {
  steps: SetupStep[];
  endpointId: string;
  /** Only when the endpoint was created now: Stripe reveals the signing secret once. */
  secret: string | null;
}

async function findEndpoint(stripe: Stripe, url: string): Promise<Stripe.WebhookEndpoint | null> {
  let sameUrl: Stripe.WebhookEndpoint | null = null;
  for await (const endpoint of stripe.webhookEndpoints.list({ limit: 100 })) {
    if (endpoint.metadata.managed_by === MANAGED_BY.managed_by) return endpoint;
    if (endpoint.url === url) sameUrl ??= endpoint;
  }
  return sameUrl;
}

function sameEvents(endpoint: Stripe.WebhookEndpoint, events: string[]): boolean {
  const current = [...endpoint.enabled_events].sort();
  return current.length === events.length && current.every((type, index) => type === events[index]);
}

/**
 * The endpoint Stripe delivers to, subscribed to exactly the handled events and rendered in the SDK's
 * API version (the handlers read payloads of that shape).
 */
export async function ensureWebhookEndpoint(stripe: Stripe, url: string): Promise<WebhookEndpointResult> {
  const events = handledEventTypes();
  const subject = 'webhook endpoint';
  const found = await findEndpoint(stripe, url);
  if (!found) {
    const created = await stripe.webhookEndpoints.create({
      url,
      enabled_events: events as Stripe.WebhookEndpointCreateParams.EnabledEvent[],
      api_version: Stripe.API_VERSION,
      description: 'Attribution Analytics billing',
      metadata: MANAGED_BY,
    });
    return {
      steps: [
        step(subject, 'created', `${created.id} → ${url}, ${events.length} events, API version ${Stripe.API_VERSION}`),
      ],
      endpointId: created.id,
      secret: created.secret ?? null,
    };
  }
  const changes = [
    found.url !== url && `url (was ${found.url})`,
    !sameEvents(found, events) && 'enabled events',
    found.status === 'disabled' && 'enabled (was disabled)',
    found.metadata.managed_by !== MANAGED_BY.managed_by && 'metadata.managed_by',
  ].filter((change): change is string => typeof change === 'string');
  const steps: SetupStep[] = [];
  if (changes.length > 0) {
    await stripe.webhookEndpoints.update(found.id, {
      url,
      enabled_events: events as Stripe.WebhookEndpointUpdateParams.EnabledEvent[],
      disabled: false,
      metadata: MANAGED_BY,
    });
    steps.push(step(subject, 'updated', `${found.id}: ${changes.join(', ')}`));
  } else {
    steps.push(step(subject, 'unchanged', `${found.id} → ${url}`));
  }
  if (found.api_version !== Stripe.API_VERSION) {
    // Stripe cannot change an endpoint's version; replacing it would change the signing secret.
    steps.push(
      step(
        subject,
        'attention',
        `${found.id} renders events in API version ${found.api_version ?? "the account's default"}, the SDK uses ${Stripe.API_VERSION}: create a new endpoint with that version in the Dashboard, switch STRIPE_WEBHOOK_SECRET to its secret, then delete this one`,
      ),
    );
  }
  return { steps, endpointId: found.id, secret: null };
}
