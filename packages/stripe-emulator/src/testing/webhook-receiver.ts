import { createServer, type Server } from 'node:http';
import Stripe from 'stripe';
import { closeServer, listen } from '../http/server.js';

export interface ReceivedDelivery {
  event: Stripe.Event;
  /** Order of arrival, from 0. */
  index: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedDelivery[];
  /** Signature failures; a test expects none. */
  rejected: string[];
  secret: string;
  /** Decides each answer's status (default 200). */
  respond: (event: Stripe.Event) => number;
  waitFor(predicate: (received: ReceivedDelivery[]) => boolean, timeoutMs?: number): Promise<ReceivedDelivery[]>;
  close(): Promise<void>;
}

const verifier = new Stripe('sk_test_receiver');

/** A webhook endpoint like the API's: verifies every delivery with `stripe.webhooks.constructEvent`. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const waiters = new Set<() => void>();
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    rejected: [],
    secret,
    respond: () => 200,
    waitFor: (predicate, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (!predicate(receiver.received)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(receiver.received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `webhook receiver: condition not met after ${timeoutMs} ms (${receiver.received.length} received)`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => closeServer(server),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let event: Stripe.Event;
      try {
        event = verifier.webhooks.constructEvent(raw, String(request.headers['stripe-signature']), receiver.secret);
      } catch (error) {
        receiver.rejected.push((error as Error).message);
        response.writeHead(400).end();
        return;
      }
      receiver.received.push({ event, index: receiver.received.length });
      response.writeHead(receiver.respond(event)).end();
      for (const waiter of [...waiters]) waiter();
    });
  });
  const port = await listen(server, 0, '127.0.0.1');
  receiver.url = `http://127.0.0.1:${port}/webhooks/stripe`;
  return receiver;
}
