import type { Logger } from '../../../observability/logger.js';
import type { WebhookEventStore } from './webhook-event.store.js';
import type { WebhookProcessor } from './webhook.processor.js';

/** Events applied at once by one instance; each is its own handler run, so a slow one holds no other. */
const BATCH = 8;
/** How often an idle instance looks for work another instance recorded, or a retry that fell due. */
const POLL_MS = 1_000;

/**
 * Applies webhook events from the durable log. Every instance runs one: the instance that recorded an
 * event is nudged at once; the others find due events (retries, a dead instance's claims) when they
 * poll. A claim takes the rows it applies (SKIP LOCKED), so each event is applied by one instance.
 */
export class WebhookWorker {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

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

  /** Looks for due events now (or right after the current round, when one is running). */
  nudge(): void {
    if (this.#stopped || !this.#timer) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
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
    this.#timer = null;
    await this.#running;
  }

  async #drain(): Promise<void> {
    while (!this.#stopped) {
      this.#again = false;
      const claimed = await this.events.claimDue(BATCH, this.maxAttempts);
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((event) => this.processor.apply(event)));
    }
  }
}
