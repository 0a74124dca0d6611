import { mergeMetadata } from '../billing/context.js';
import { advanceTestClock } from '../billing/renewals.js';
import { paginate } from '../http/pagination.js';
import { arr, bool, hash, int, str } from '../http/params.js';
import { listParams, pathParam, route, type ApiRoute } from '../http/route.js';
import { ID_PREFIX, newId } from '../ids.js';
import { buildTestClock } from '../objects/platform-objects.js';
import { EventBatch } from '../webhooks/event-bus.js';
import { registerWebhookEndpoint } from '../webhooks/endpoints.js';
import { renderEvent } from '../webhooks/versioned-rendering.js';

export const platformRoutes: ApiRoute[] = [
  route(
    'POST',
    '/v1/webhook_endpoints',
    {
      url: str({ required: true }),
      enabled_events: arr(str(), { required: true }),
      description: str(),
      metadata: hash(),
      api_version: str(),
      connect: bool(),
    },
    (params, { billing }) => {
      const { endpoint, secret } = registerWebhookEndpoint(billing, {
        url: params.url,
        enabledEvents: params.enabled_events,
        description: params.description ?? null,
        metadata: mergeMetadata({}, params.metadata),
        apiVersion: params.api_version ?? null,
      });
      // Stripe shows the signing secret once, in the creation response.
      return { ...endpoint, secret };
    },
  ),
  route('GET', '/v1/webhook_endpoints/:id', {}, (_params, ctx) =>
    ctx.billing.store.webhookEndpoints.get(pathParam(ctx, 'id')),
  ),
  route(
    'POST',
    '/v1/webhook_endpoints/:id',
    { url: str(), enabled_events: arr(str()), description: str(), metadata: hash(), disabled: bool() },
    (params, ctx) => {
      const endpoint = ctx.billing.store.webhookEndpoints.get(pathParam(ctx, 'id'));
      if (params.url) endpoint.url = params.url;
      if (params.enabled_events) endpoint.enabled_events = params.enabled_events;
      if (params.description !== undefined) endpoint.description = params.description;
      if (params.metadata !== undefined) endpoint.metadata = mergeMetadata(endpoint.metadata, params.metadata);
      if (params.disabled != null) endpoint.status = params.disabled ? 'disabled' : 'enabled';
      return endpoint;
    },
  ),
  route('DELETE', '/v1/webhook_endpoints/:id', {}, (_params, ctx) => {
    const endpoint = ctx.billing.store.webhookEndpoints.get(pathParam(ctx, 'id'));
    ctx.billing.store.webhookEndpoints.delete(endpoint.id);
    ctx.billing.store.webhookSecrets.delete(endpoint.id);
    return { id: endpoint.id, object: 'webhook_endpoint', deleted: true };
  }),
  route('GET', '/v1/webhook_endpoints', { ...listParams }, (params, { billing }) =>
    paginate(billing.store.webhookEndpoints.newestFirst(), params, '/v1/webhook_endpoints'),
  ),

  // Events read through the API render in the account's default version, as Stripe's do.
  route('GET', '/v1/events/:id', {}, (_params, ctx) =>
    renderEvent(ctx.billing.store.events.get(pathParam(ctx, 'id')), ctx.billing.store.accountApiVersion),
  ),
  route(
    'GET',
    '/v1/events',
    { ...listParams, type: str(), types: arr(str()), delivery_success: bool() },
    (params, { billing }) => {
      const matchesType = (type: string): boolean => {
        if (params.types) return params.types.includes(type);
        if (!params.type) return true;
        // Stripe allows one wildcard: `customer.subscription.*`.
        return params.type.endsWith('*') ? type.startsWith(params.type.slice(0, -1)) : type === params.type;
      };
      const page = paginate(
        billing.store.events.newestFirst((event) => matchesType(event.type)),
        params,
        '/v1/events',
      );
      return { ...page, data: page.data.map((event) => renderEvent(event, billing.store.accountApiVersion)) };
    },
  ),

  route(
    'POST',
    '/v1/test_helpers/test_clocks',
    { frozen_time: int({ required: true }), name: str() },
    (params, { billing }) => {
      const clock = buildTestClock({
        id: newId(ID_PREFIX.testClock),
        created: billing.clock.now(),
        frozenTime: params.frozen_time,
        name: params.name ?? null,
      });
      return billing.store.testClocks.insert(clock);
    },
  ),
  route('GET', '/v1/test_helpers/test_clocks/:id', {}, (_params, ctx) =>
    ctx.billing.store.testClocks.get(pathParam(ctx, 'id')),
  ),
  route('GET', '/v1/test_helpers/test_clocks', { ...listParams }, (params, { billing }) =>
    paginate(billing.store.testClocks.newestFirst(), params, '/v1/test_helpers/test_clocks'),
  ),
  route('POST', '/v1/test_helpers/test_clocks/:id/advance', { frozen_time: int({ required: true }) }, (params, ctx) => {
    const clock = ctx.billing.store.testClocks.get(pathParam(ctx, 'id'));
    const events = new EventBatch();
    advanceTestClock(ctx.billing, clock, params.frozen_time, events);
    ctx.billing.bus.publish(events);
    return clock;
  }),
  route('DELETE', '/v1/test_helpers/test_clocks/:id', {}, (_params, ctx) => {
    const clock = ctx.billing.store.testClocks.get(pathParam(ctx, 'id'));
    ctx.billing.store.testClocks.delete(clock.id);
    return { id: clock.id, object: 'test_helpers.test_clock', deleted: true };
  }),
];
