import type { BillingContext } from './billing/context.js';
import { Clock } from './billing/clock.js';
import { saveDashboardPortalSettings } from './billing/portal-configurations.js';
import { seedCatalog, type SeededPrices } from './billing/seed.js';
import { handleControl } from './control/control-handler.js';
import type { EmulatorControls, EmulatorInfo, WebhookEndpointOptions } from './control/controls.js';
import { ApiHandler } from './http/api-handler.js';
import { closeServer, createEmulatorServer, listen } from './http/server.js';
import { ID_PREFIX, newId, newWebhookSecret } from './ids.js';
import { handlePage } from './pages/page-handler.js';
import { ALL_ROUTES } from './routes/all-routes.js';
import { Store } from './store/store.js';
import type { DeliveryLogEntry } from './webhooks/delivery-log.js';
import { WebhookDispatcher, type RetryPolicy } from './webhooks/dispatcher.js';
import { registerWebhookEndpoint } from './webhooks/endpoints.js';
import { API_VERSION, EventBus } from './webhooks/event-bus.js';
import { isApiVersion } from './webhooks/versioned-rendering.js';

export const DEFAULT_PORT = 12111;

export interface StripeEmulatorOptions {
  /** 0 picks a free port; default 12111. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Base URL of the hosted pages as browsers reach them; default the server's own URL. */
  publicUrl?: string;
  webhookEndpoints?: { url: string; secret?: string; enabledEvents?: string[]; apiVersion?: string }[];
  /**
   * The account's default API version: events are rendered in it for endpoints without their own
   * `api_version`, and `events.retrieve` returns them in it. Default: the SDK's (`API_VERSION`).
   */
  apiVersion?: string;
  /** The emulator's clock in milliseconds, for tests; default Date.now. */
  now?: () => number;
  /** Webhook retries; default 6 attempts starting 2 s apart and doubling. */
  retry?: RetryPolicy;
  /**
   * Signing secret for endpoints registered through the emulator (options, `addWebhookEndpoint`,
   * `stripe:listen`) without their own, like the Stripe CLI's one secret; generated when omitted.
   */
  webhookSecret?: string;
  /** How long a portal session's link opens, in seconds; default 300, as Stripe's short-lived sessions. */
  portalSessionLifetimeSeconds?: number;
  /** Receives one line per API request (method, path, status, request id), e.g. console.log. */
  log?: (line: string) => void;
}

export interface StripeEmulator extends EmulatorControls {
  baseUrl: string;
  host: string;
  port: number;
  protocol: 'http';
  /** A usable `sk_test_…` key (any `sk_test_` key is accepted). */
  secretKey: string;
  /** The seeded plan prices (lookup keys `pro_monthly`, `scale_monthly`). */
  priceIds: SeededPrices;
  /** The default signing secret (see `StripeEmulatorOptions.webhookSecret`). */
  webhookSecret: string;
  /** Called after every delivery attempt; returns an unsubscribe function. */
  onDelivery(listener: (entry: DeliveryLogEntry) => void): () => void;
  close(): Promise<void>;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 2000 };

export async function startStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulator> {
  const host = options.host ?? '127.0.0.1';
  const store = new Store();
  store.accountApiVersion = requireApiVersion(options.apiVersion ?? API_VERSION);
  const nowMs = options.now ?? Date.now;
  const clock = new Clock(store, nowMs);
  const dispatcher = new WebhookDispatcher(store, options.retry ?? DEFAULT_RETRY);
  const bus = new EventBus(store, dispatcher, () => clock.now());
  const billing: BillingContext = { store, clock, bus, publicUrl: options.publicUrl ?? '' };
  if (options.portalSessionLifetimeSeconds !== undefined)
    store.portalSessionLifetimeSeconds = options.portalSessionLifetimeSeconds;
  const priceIds = seedCatalog(store, clock.now());
  const api = new ApiHandler(ALL_ROUTES, (path) => ({ billing, path }), options.log ?? null);

  let controls: EmulatorControls | null = null;
  const server = createEmulatorServer({
    api: (request, response, url) => api.handle(request, response, url),
    pages: (request, response, url) => handlePage(billing, request, response, url),
    control: (request, response, url) => handleControl(requireControls(controls), request, response, url),
  });
  const port = await listen(server, options.port ?? DEFAULT_PORT, host);
  const baseUrl = `http://${host}:${port}`;
  billing.publicUrl = (options.publicUrl ?? baseUrl).replace(/\/$/, '');
  const secretKey = `${ID_PREFIX.secretKey}${newId('', 24)}`;
  const webhookSecret = options.webhookSecret ?? newWebhookSecret();

  const addWebhookEndpoint = (
    url: string,
    endpointOptions: WebhookEndpointOptions = {},
  ): { id: string; secret: string } => {
    const { endpoint, secret } = registerWebhookEndpoint(billing, {
      url,
      enabledEvents: endpointOptions.enabledEvents ?? ['*'],
      description: 'Registered through the emulator',
      secret: endpointOptions.secret ?? webhookSecret,
      apiVersion: endpointOptions.apiVersion === undefined ? null : requireApiVersion(endpointOptions.apiVersion),
    });
    return { id: endpoint.id, secret };
  };
  for (const endpoint of options.webhookEndpoints ?? []) {
    addWebhookEndpoint(endpoint.url, {
      ...(endpoint.secret ? { secret: endpoint.secret } : {}),
      ...(endpoint.enabledEvents ? { enabledEvents: endpoint.enabledEvents } : {}),
      ...(endpoint.apiVersion ? { apiVersion: endpoint.apiVersion } : {}),
    });
  }

  const info = (): EmulatorInfo => ({
    baseUrl,
    secretKey,
    priceIds,
    webhookSecret,
    webhookEndpoints: store.webhookEndpoints.all().map((endpoint) => ({
      id: endpoint.id,
      url: endpoint.url,
      secret: store.webhookSecrets.get(endpoint.id) ?? '',
    })),
  });

  const emulator: StripeEmulator = {
    baseUrl,
    host,
    port,
    protocol: 'http',
    secretKey,
    priceIds,
    webhookSecret,
    info,
    addWebhookEndpoint,
    deliveries: () => dispatcher.log.all(),
    replayEvent: (eventId) => dispatcher.replay(eventId),
    deliverTwice: (eventId) => dispatcher.deliverTwice(eventId),
    holdDeliveries: () => dispatcher.hold(),
    heldEventIds: () => dispatcher.heldEventIds(),
    releaseDeliveries: (order) => dispatcher.release(order),
    waitForDeliveries: () => dispatcher.idle(),
    onDelivery: (listener) => dispatcher.log.subscribe(listener),
    setPortalSessionLifetime: (seconds) => {
      store.portalSessionLifetimeSeconds = seconds;
    },
    savePortalSettings: () => ({ id: saveDashboardPortalSettings(billing).id }),
    close: async () => {
      await dispatcher.close();
      await closeServer(server);
    },
  };
  controls = emulator;
  return emulator;
}

function requireApiVersion(version: string): string {
  if (!isApiVersion(version)) throw new Error(`Invalid Stripe API version: ${version}`);
  return version;
}

function requireControls(controls: EmulatorControls | null): EmulatorControls {
  if (!controls) throw new Error('The emulator is still starting.');
  return controls;
}
