import { createServer, type Server, type Socket } from 'node:net';
import type { Credentials, TestApp } from './harness.js';

/** A metered call (one attribution run): a journey tracked through @planLimit. */
export const TRACK_JOURNEY = 'mutation ($input: JourneyInput!) { trackJourney(input: $input) { journeyId } }';

export function journeyInput(index: number): {
  touches: Array<{ channel: string; at: string }>;
  convertedAt: string;
  value: number;
} {
  const now = Date.now();
  return {
    touches: [
      { channel: 'email', at: new Date(now - 2 * 86_400_000).toISOString() },
      { channel: 'search', at: new Date(now - 86_400_000).toISOString() },
    ],
    convertedAt: new Date(now - 60_000).toISOString(),
    value: index + 1,
  };
}

/** Runs every call, `concurrency` at a time; each result is the call's own outcome. */
export async function inParallel<T>(
  count: number,
  concurrency: number,
  call: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) results[index] = await call(index);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** What the database says an organization was charged and what it stored. */
export async function chargedAndStored(
  t: TestApp,
  organizationId: string,
): Promise<{ charged: number; journeys: number }> {
  const [usage] = await t.sql<{ used: number | string | null }>(
    'select coalesce(sum(used), 0) as used from usage_counter where organization_id = ?',
    [organizationId],
  );
  const [stored] = await t.sql<{ count: number | string }>(
    'select count(*) as count from journey where organization_id = ?',
    [organizationId],
  );
  return { charged: Number(usage?.used ?? 0), journeys: Number(stored?.count ?? 0) };
}

export async function trackJourney(t: TestApp, credentials: Credentials, index: number) {
  return t.graphql<{ trackJourney: { journeyId: string } }>(TRACK_JOURNEY, { input: journeyInput(index) }, credentials);
}

/** A "Stripe" that accepts connections and never answers: the SDK waits until its timeout. */
export interface HangingServer {
  port: number;
  connections(): number;
  /** Resolves once `count` connections have been accepted. */
  accepted(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHangingServer(): Promise<HangingServer> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server: Server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    for (const waiter of waiters.filter((entry) => connections >= entry.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    connections: () => connections,
    accepted: (count) =>
      connections >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
