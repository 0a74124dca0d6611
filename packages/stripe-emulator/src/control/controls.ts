import type { DeliveryLogEntry } from '../webhooks/delivery-log.js';

export interface WebhookEndpointOptions {
  secret?: string;
  /** Event types to receive; every type (`*`) when omitted. */
  enabledEvents?: string[];
  /** The version its events are rendered in (e.g. `2024-06-20` for pre-basil invoices); the account's default when omitted. */
  apiVersion?: string;
}

export interface EmulatorInfo {
  baseUrl: string;
  secretKey: string;
  priceIds: { PRO: string; SCALE: string };
  webhookSecret: string;
  webhookEndpoints: { id: string; url: string; secret: string }[];
}

/** The emulator's test controls, shared by the programmatic API and `/_emulator/…`. */
export interface EmulatorControls {
  info(): EmulatorInfo;
  addWebhookEndpoint(url: string, options?: WebhookEndpointOptions): { id: string; secret: string };
  deliveries(): DeliveryLogEntry[];
  replayEvent(eventId: string): Promise<void>;
  deliverTwice(eventId: string): Promise<void>;
  holdDeliveries(): void;
  heldEventIds(): string[];
  releaseDeliveries(order?: string[]): Promise<void>;
  waitForDeliveries(): Promise<void>;
  /** How long the links of portal sessions created from now on open (Stripe's are short-lived); default 300 s. */
  setPortalSessionLifetime(seconds: number): void;
  /** Saves the customer portal settings as the Dashboard does: the account then has a default configuration. */
  savePortalSettings(): { id: string };
}
