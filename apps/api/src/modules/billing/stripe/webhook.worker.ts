import type { Logger } from '../../../observability/logger.js';
import type { BillingMetrics } from '../billing.metrics.js';
import { coalescingKey } from './handlers/handler-registry.js';
import type { ClaimedEvent, WebhookEventStore } from './webhook-event.store.js';
import type { WebhookProcessor } from './webhook.processor.js';

/** Applies one instance runs at once; a slot takes the next as soon as its own is done. */
export const SLOTS = 8;
/**
 * Events claimed per statement. They wait in the worker's queue, grouped by coalescing key, so a burst
 * of events about one object is applied by one handler run (handler-registry.ts): the larger the claim,
 * the fewer Stripe reads and statements per event. A group that waited in the queue too long (Stripe
 * slow, many objects) is given back to the log rather than started (WebhookEventStore.claimOutlived).
 */
const CLAIM_BATCH = 2048;
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
const MAX_WAKE_MS = 2000;

/**
 * Applies webhook events from the durable log. Every instance runs one: the instance that recorded an
 * event is nudged at once; the others find due events (retries, a dead instance's claims) when they
 * poll. A claim takes the rows it applies (SKIP LOCKED), so each event is applied by one instance.
 *
 * One rule decides when to claim (#pump): when a slot is free, nothing claimed waits for one, and no
 * claim is in flight. A full last claim means more are due: claim at once. Otherwise, if events were
 * recorded since the last claim began, claim after the pause.
 */
export class WebhookWorker {
  #timer: NodeJS.Timeout | null = null;
  #wake: NodeJS.Timeout | null = null;
  #claiming: Promise<void> | null = null;
  #stopped = false;
  #wakeMs = WAKE_MS;
  /** Nudged since the last claim began: events recorded meanwhile may be due. */
  #nudged = false;
  /** The last claim was full, so more events are due than it took. */
  #backlog = false;
  readonly #applying = new Set<Promise<void>>();
  /** Claimed events not started yet, each group applied by one handler run. */
  readonly #queued: ClaimedEvent[][] = [];
  /** Coalescing keys being applied now, and the events claimed for them meanwhile (applied together next). */
  readonly #held = new Map<string, ClaimedEvent[]>();

  constructor(
    private readonly events: WebhookEventStore,
    private readonly processor: WebhookProcessor,
    private readonly maxAttempts: number,
    private readonly metrics: BillingMetrics,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.#timer || this.#stopped) return;
    this.#timer = setInterval(() => this.nudge(), POLL_MS);
    this.#timer.unref();
    this.nudge();
  }

  /** Events may be due (one was recorded, or the poll): claimed after the pause, many nudges by one claim. */
  nudge(): void {
    if (this.#stopped || !this.#timer) return;
    this.#nudged = true;
    this.#pump();
  }

  /**
   * Stops claiming and waits for the applies in the slots. Claimed events not started yet go back to
   * the log as they were, for another instance (or the next start) to apply: waiting for them could
   * take one Stripe deadline per slot's worth of events, far past a shutdown's grace.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#wake) clearTimeout(this.#wake);
    this.#timer = null;
    this.#wake = null;
    await this.#claiming;
    const unstarted = [...this.#queued.flat(), ...[...this.#held.values()].flat()];
    this.#queued.length = 0;
    for (const waiting of this.#held.values()) waiting.length = 0;
    await Promise.all([...this.#applying, this.#release(unstarted, 'stopping')]);
  }

  /** Gives claimed events back to the log unapplied; if that fails (database gone), their claims go stale. */
  async #release(claimed: readonly ClaimedEvent[], reason: 'stopping' | 'waited'): Promise<void> {
    if (claimed.length === 0) return;
    try {
      await this.events.release(claimed.map(({ id }) => id));
      this.metrics.webhookClaimsReleased.inc({ reason }, claimed.length);
    } catch (error) {
      this.log.error({ err: error, events: claimed.length, reason }, 'stripe webhook worker: claims not given back');
    }
  }

  /** Fills the free slots from the queue, then claims when the rule above says so. */
  #pump(): void {
    if (this.#stopped) return;
    while (this.#queued.length > 0 && this.#applying.size < SLOTS) this.#startNext();
    if (!this.#canClaim()) return;
    if (this.#backlog) this.#claim();
    else if (this.#nudged)
      this.#wake ??= setTimeout(() => {
        this.#wake = null;
        if (this.#canClaim()) this.#claim();
      }, this.#wakeMs);
  }

  #canClaim(): boolean {
    return !this.#stopped && !this.#claiming && this.#queued.length === 0 && this.#applying.size < SLOTS;
  }

  #claim(): void {
    if (this.#wake) clearTimeout(this.#wake);
    this.#wake = null;
    this.#nudged = false;
    this.#claiming = this.events
      .claimDue(CLAIM_BATCH, this.maxAttempts)
      .then(
        (claimed) => {
          this.#backlog = claimed.length === CLAIM_BATCH;
          this.#wakeMs = claimed.length > 1 ? Math.min(this.#wakeMs * 2, MAX_WAKE_MS) : WAKE_MS;
          this.#queued.push(...groupedByKey(claimed));
        },
        // Tried again at the next nudge or poll, not in a loop while the database is away.
        (error: unknown) => {
          this.#backlog = false;
          this.log.error({ err: error }, 'stripe webhook worker: claiming events failed');
        },
      )
      .finally(() => {
        this.#claiming = null;
        this.#pump();
      });
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
    if (this.events.claimOutlived(group)) {
      // Claimed again (by whichever instance comes first) instead: see claimOutlived.
      this.#occupy(this.#release(group, 'waited'));
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
        if (key === null) return;
        const waiting = this.#held.get(key)!;
        this.#held.delete(key);
        if (waiting.length > 0) this.#queued.unshift(waiting);
      });
    this.#occupy(applying);
  }

  /** Work that takes a slot until it settles (it never rejects); then the slots are filled again. */
  #occupy(work: Promise<void>): void {
    const slot: Promise<void> = work.finally(() => {
      this.#applying.delete(slot);
      this.#pump();
    });
    this.#applying.add(slot);
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
