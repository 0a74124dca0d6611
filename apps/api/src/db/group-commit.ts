/**
 * Group commit per lane (an organization's tracked journeys, the webhook log): while one of its
 * statements is in flight, its later calls wait, and when that statement settles the waiting ones go
 * together as the next one. A lane's statements serialise anyway (on its counter rows, or on the
 * commit's WAL flush), so batching costs no latency an idle lane would see: a lone call is sent at
 * once (issue 12), and a busy lane pays one round trip and one commit per batch instead of per call.
 */

/** One call waiting for its batch; `send` settles each (resolve or reject). */
export interface Waiting<Item, Result> {
  readonly item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions<Item, Result> {
  /** Items share a batch only when their keys are equal (the same counter parameters). */
  keyOf(item: Item): string;
  /** What an item adds to a batch's budget (its touches); one item over the budget still goes alone. */
  weightOf(item: Item): number;
  maxItems: number;
  maxWeight: number;
  /** Stores one batch (in arrival order) and settles every call of it; a throw rejects the unsettled ones. */
  send(batch: ReadonlyArray<Waiting<Item, Result>>): Promise<void>;
}

export class GroupCommit<Item, Result> {
  /** A lane's waiting calls; the lane is present exactly while one of its statements is in flight. */
  readonly #lanes = new Map<string, Array<Waiting<Item, Result>>>();

  constructor(private readonly options: GroupCommitOptions<Item, Result>) {}

  submit(lane: string, item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const waiting = { item, resolve, reject };
      const queue = this.#lanes.get(lane);
      if (queue) {
        queue.push(waiting);
        return;
      }
      this.#lanes.set(lane, []);
      void this.#drain(lane, [waiting]);
    });
  }

  async #drain(lane: string, first: Array<Waiting<Item, Result>>): Promise<void> {
    let batch = first;
    for (;;) {
      try {
        await this.options.send(batch);
      } catch (error) {
        // A settled promise ignores a second settlement, so this reaches only the calls left unsettled.
        for (const waiting of batch) waiting.reject(error);
      }
      const queue = this.#lanes.get(lane) ?? [];
      if (queue.length === 0) {
        this.#lanes.delete(lane);
        return;
      }
      batch = this.#next(queue);
    }
  }

  /** The oldest waiting call and, in arrival order, those of its key that fit the caps; the rest keep waiting. */
  #next(queue: Array<Waiting<Item, Result>>): Array<Waiting<Item, Result>> {
    const { keyOf, weightOf, maxItems, maxWeight } = this.options;
    const key = keyOf(queue[0]!.item);
    const batch: Array<Waiting<Item, Result>> = [];
    const rest: Array<Waiting<Item, Result>> = [];
    let weight = 0;
    let full = false;
    for (const waiting of queue) {
      const adds = weightOf(waiting.item);
      if (!full && keyOf(waiting.item) === key) {
        full = batch.length > 0 && (batch.length >= maxItems || weight + adds > maxWeight);
        if (!full) {
          batch.push(waiting);
          weight += adds;
          continue;
        }
      }
      rest.push(waiting);
    }
    queue.splice(0, queue.length, ...rest);
    return batch;
  }
}
