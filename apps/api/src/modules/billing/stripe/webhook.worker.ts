import type { Logger } from '../../../observability/logger.js';
import { coalescingKey } from './handlers/handler-registry.js';
import type { ClaimedEvent, WebhookEventStore } from './webhook-event.store.js';
import type { WebhookProcessor } from './webhook.processor.js';

/** Applies one instance runs at once; a slot takes the next as soon as its own is done. */
const SLOTS = 8;
/**
 * Events claimed per statement. They wait in the worker's queue, grouped by coalescing key, so a burst
 * of events about one object is applied by one handler run (handler-registry.ts); a few milliseconds
 * in the queue is far below the age at which a claim counts as abandoned.
 */
const CLAIM_BATCH = 256;
/** How often an idle instance looks for work another instance recorded, or a retry that fell due. */
const POLL_MS = 1_000;
/**
 * A nudge claims after this pause rather than at once: the events recorded (and the applies finished)
 * in the meantime share one claim statement, so a burst of deliveries costs the request path nothing
 * but a flag and the worker one claim per batch instead of one per event. While claims keep finding
 * events the pause doubles, up to MAX_WAKE_MS, so a long burst is claimed in large batches whose
 * events about one object are applied together; a claim that finds none brings it back to WAKE_MS.
 */
const WAKE_MS = 5;
const MAX_WAKE_MS = 200;

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
  /** Work is at hand (queued groups, or the last claim was full): the next round starts without the pause. */
  #atHand = false;
  #stopped = false;
  #wakeMs = WAKE_MS;
  readonly #applying = new Set<Promise<void>>();
  /** Claimed events not started yet, each group applied by one handler run. */
  readonly #queued: ClaimedEvent[][] = [];
  /** Coalescing keys being applied now, and the events claimed for them meanwhile (applied together next). */
  readonly #held = new Map<string, ClaimedEvent[]>();

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
    }, this.#wakeMs);
  }

  #run(): void {
    if (this.#stopped || this.#running) return;
    this.#running = this.#drain()
      .catch((error: unknown) => this.log.error({ err: error }, 'stripe webhook worker: claiming events failed'))
      .finally(() => {
        this.#running = null;
        if (this.#atHand) this.#continue();
        else if (this.#again) {
          this.#again = false;
          this.nudge();
        }
      });
  }

  /** After an apply or a round: queued groups, or more due events than the last claim took, go on at once. */
  #continue(): void {
    if (this.#stopped || !this.#timer) return;
    this.#atHand = this.#atHand || this.#queued.length > 0;
    if (!this.#atHand) {
      this.nudge();
      return;
    }
    if (this.#running) return;
    this.#atHand = false;
    if (this.#wake) clearTimeout(this.#wake);
    this.#wake = null;
    this.#run();
  }

  /** Stops claiming; the events claimed (being applied or queued) are applied first. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#wake) clearTimeout(this.#wake);
    this.#timer = null;
    this.#wake = null;
    await this.#running;
    while (this.#queued.length > 0 || this.#applying.size > 0) {
      if (this.#queued.length > 0 && this.#applying.size < SLOTS) this.#startNext();
      else await Promise.race(this.#applying);
    }
  }

  /** Fills the free slots; an event waiting on a slow Stripe call holds its own slot only. */
  async #drain(): Promise<void> {
    while (!this.#stopped && this.#applying.size < SLOTS) {
      this.#again = false;
      if (this.#queued.length === 0) {
        const claimed = await this.events.claimDue(CLAIM_BATCH, this.maxAttempts);
        this.#wakeMs = claimed.length > 1 ? Math.min(this.#wakeMs * 2, MAX_WAKE_MS) : WAKE_MS;
        // A full claim leaves more due: the next one comes as soon as a slot frees, not after the pause.
        if (claimed.length === CLAIM_BATCH) this.#atHand = true;
        if (claimed.length === 0) return;
        this.#queued.push(...groupedByKey(claimed));
      }
      this.#startNext();
    }
  }

  /**
   * Starts the next queued group, unless its key is being applied: then its events wait for that run
   * to end and go together in the next one, so one object's burst is one run at a time, not one per slot.
   */
  #startNext(): void {
    const group = this.#queued.shift()!;
    const key = coalescingKey(group[0]!);
    if (key !== null && this.#held.has(key)) {
      this.#held.get(key)!.push(...group);
      return;
    }
    if (key !== null) this.#held.set(key, []);
    const applying: Promise<void> = this.processor
      .applyTogether(group)
      .then(
        () => undefined,
        // The outcome could not be written (the database is gone): the claims go stale and are retried.
        (error: unknown) =>
          this.log.error(
            { err: error, eventIds: group.map(({ id }) => id) },
            'stripe webhook worker: apply not recorded',
          ),
      )
      .finally(() => {
        this.#applying.delete(applying);
        if (key !== null) {
          const waiting = this.#held.get(key)!;
          this.#held.delete(key);
          if (waiting.length > 0) this.#queued.unshift(waiting);
        }
        this.#continue();
      });
    this.#applying.add(applying);
  }
}

/** Events in claim order, those sharing a coalescing key together (at the first one's place). */
function groupedByKey(claimed: ClaimedEvent[]): ClaimedEvent[][] {
  const groups: ClaimedEvent[][] = [];
  const byKey = new Map<string, ClaimedEvent[]>();
  for (const one of claimed) {
    const key = coalescingKey(one);
    const group = key === null ? undefined : byKey.get(key);
    if (group) {
      group.push(one);
      continue;
    }
    const own = [one];
    groups.push(own);
    if (key !== null) byKey.set(key, own);
  }
  return groups;
}
