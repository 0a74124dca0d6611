import type { BillingContext } from '../billing/context.js';
import { ID_PREFIX, newId, newWebhookSecret } from '../ids.js';
import { buildWebhookEndpoint, type WebhookEndpointObject } from '../objects/platform-objects.js';

export interface WebhookEndpointInput {
  url: string;
  enabledEvents: string[];
  description?: string | null;
  metadata?: Record<string, string>;
  apiVersion?: string | null;
  /** Use this signing secret instead of generating one (the API shares its secret with the emulator). */
  secret?: string;
}

export function registerWebhookEndpoint(
  ctx: BillingContext,
  input: WebhookEndpointInput,
): { endpoint: WebhookEndpointObject; secret: string } {
  const endpoint = buildWebhookEndpoint({
    id: newId(ID_PREFIX.webhookEndpoint),
    created: ctx.clock.now(),
    url: input.url,
    enabledEvents: input.enabledEvents,
    description: input.description ?? null,
    metadata: input.metadata ?? {},
    apiVersion: input.apiVersion ?? null,
  });
  const secret = input.secret ?? newWebhookSecret();
  ctx.store.webhookEndpoints.insert(endpoint);
  ctx.store.webhookSecrets.set(endpoint.id, secret);
  return { endpoint, secret };
}
