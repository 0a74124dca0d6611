import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface Drain {
  /**
   * Stops taking connections, answers what has arrived (each answer closing its connection), and
   * resolves once nothing is in flight, or after `graceMs`, when the remaining connections are cut.
   * True when every request was answered in time.
   */
  drain(graceMs: number): Promise<boolean>;
}

/**
 * Shutdown without lost answers. A request the process has started is served to its end, because
 * once it has charged a unit only its answer tells the client so. A connection with no request on it
 * is closed at once, and every answer from then on carries `Connection: close`, so no client sends a
 * request on a connection the process is about to close.
 */
export function drainable(server: Server): Drain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let settle: (() => void) | null = null;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (draining && inFlight.size === 0) settle?.();
    });
  });
  return {
    async drain(graceMs) {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const done =
        inFlight.size === 0
          ? Promise.resolve(true)
          : new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(false), graceMs);
              settle = () => {
                clearTimeout(timer);
                resolve(true);
              };
            });
      const answered = await done;
      server.closeAllConnections();
      await closed;
      return answered;
    },
  };
}
