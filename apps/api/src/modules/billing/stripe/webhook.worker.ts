import type { Logger } from '../../../observability/logger.js';
import type { WebhookEventStore } from './webhook-event.store.js';
import type { WebhookProcessor } from './webhook.processor.js';

/** Events one instance applies at once; a slot is claimed again as soon as its event is done. */
const SLOTS = 8;
/** How often an idle instance looks for work another instance recorded, or a retry that fell due. */
const POLL_MS = 1_000;
/**
 * A nudge claims after this pause rather than at once: the events recorded (and the applies finished)
 * in the meantime share one claim statement, so a burst of deliveries costs the request path nothing
 * but a flag and the worker one claim per batch instead of one per event.
 */
const WAKE_MS = 5;

/**
 * Applies webhook events from the durable log. Every instance runs one: the instance that recorded an
 * event is nudged at once; the others find due events (retries, a dead instance's claims) when they
 * poll. A claim takes the rows it applies (SKIP LOCKED), so each event is applied by one instance.
 */
export class WebhookWorker {
  #timer: NodeJS.Timeout | null = null;
  #wake: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  readonly #applying = new Set<Promise<void>>();

  constructor(
    private readonly events: WebhookEventStore,
    private readonly processor: WebhookProcessor,
    private readonly maxAttempts: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.#timer || this.#stopped) return;
    this.#timer = setInterval(() => this.nudge(), POLL_MS);
    this.#timer.unref();
    this.nudge();
  }

  /** Looks for due events shortly (or right after the current round, when one is running); calls coalesce. */
  nudge(): void {
    if (this.#stopped || !this.#timer) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#wake ??= setTimeout(() => {
      this.#wake = null;
      this.#run();
    }, WAKE_MS);
  }

  #run(): void {
    if (this.#stopped || this.#running) return;
    this.#running = this.#drain()
      .catch((error: unknown) => this.log.error({ err: error }, 'stripe webhook worker: claiming events failed'))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.nudge();
        }
      });
  }

  /** Stops claiming; the events being applied finish first. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#wake) clearTimeout(this.#wake);
    this.#timer = null;
    this.#wake = null;
    await this.#running;
    await Promise.all(this.#applying);
  }

  /** Fills the free slots; an event waiting on a slow Stripe call holds its own slot only. */
  async #drain(): Promise<void> {
    while (!this.#stopped && this.#applying.size < SLOTS) {
      this.#again = false;
      const claimed = await this.events.claimDue(SLOTS - this.#applying.size, this.maxAttempts);
      if (claimed.length === 0) return;
      for (const event of claimed) {
        const applying: Promise<void> = this.processor
          .apply(event)
          .then(
            () => undefined,
            // The outcome could not be written (the database is gone): the claim goes stale and is retried.
            (error: unknown) =>
              this.log.error({ err: error, eventId: event.event.id }, 'stripe webhook worker: apply not recorded'),
          )
          .finally(() => {
            this.#applying.delete(applying);
            this.nudge();
          });
        this.#applying.add(applying);
      }
    }
  }
}
