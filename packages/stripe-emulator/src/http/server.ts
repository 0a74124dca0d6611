import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sendJson } from './io.js';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

export interface Mounts {
  api: RequestHandler;
  pages: RequestHandler;
  control: RequestHandler;
}

/** One HTTP server: Stripe's API under /v1, hosted pages, and the emulator's own controls. */
export function createEmulatorServer(mounts: Mounts): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://emulator.local');
    const handler = url.pathname.startsWith('/v1/')
      ? mounts.api
      : url.pathname.startsWith('/_emulator/')
        ? mounts.control
        : mounts.pages;
    handler(request, response, url).catch((error: unknown) => {
      console.error('[stripe-emulator] request failed:', error);
      if (!response.headersSent) {
        sendJson(
          response,
          500,
          JSON.stringify({
            error: { type: 'api_error', message: 'An unexpected error occurred in the Stripe emulator.' },
          }),
        );
      } else {
        response.end();
      }
    });
  });
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
