export { DEFAULT_PORT, startStripeEmulator } from './emulator.js';
export type { StripeEmulator, StripeEmulatorOptions } from './emulator.js';
export type { EmulatorControls, EmulatorInfo, WebhookEndpointOptions } from './control/controls.js';
export type { DeliveryLogEntry } from './webhooks/delivery-log.js';
export type { RetryPolicy } from './webhooks/dispatcher.js';
export { API_VERSION } from './webhooks/event-bus.js';
export { signatureHeader } from './webhooks/signing.js';
export { runTrigger, TriggerError } from './triggers/fixture-runner.js';
export type { TriggerOptions, TriggerResult } from './triggers/fixture-runner.js';
