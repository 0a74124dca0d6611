/** One attempt to deliver one event to one endpoint. */
export interface DeliveryLogEntry {
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  /** 1 for the first attempt; retries, replays and duplicates count on from the endpoint's last attempt. */
  attempt: number;
  /** The receiver's HTTP status, or null when the connection failed. */
  status: number | null;
  outcome: 'succeeded' | 'failed';
  error: string | null;
  /** Wall-clock milliseconds when the attempt finished. */
  at: number;
  durationMs: number;
}

type Listener = (entry: DeliveryLogEntry) => void;

export class DeliveryLog {
  private readonly entries: DeliveryLogEntry[] = [];
  private readonly listeners = new Set<Listener>();

  record(entry: DeliveryLogEntry): void {
    this.entries.push(entry);
    for (const listener of this.listeners) listener(entry);
  }

  all(): DeliveryLogEntry[] {
    return [...this.entries];
  }

  attemptsFor(eventId: string, endpointId: string): number {
    return this.entries.filter((entry) => entry.eventId === eventId && entry.endpointId === endpointId).length;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
