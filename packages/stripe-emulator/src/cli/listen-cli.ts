import type { DeliveryLogEntry } from '../webhooks/delivery-log.js';
import { apiBaseOf, fail, parseArgs } from './args.js';

const POLL_INTERVAL_MS = 300;
const args = parseArgs(process.argv.slice(2));
const forwardTo = args.options.get('forward-to');
if (!forwardTo) fail('usage: pnpm stripe:listen --forward-to <url> [--events a,b] [--api-base http://127.0.0.1:12111]');
const apiBase = apiBaseOf(args);
const events = args.options.get('events');

async function control(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(new URL(path, apiBase), init);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

let endpoint: { id: string; secret: string };
try {
  endpoint = (await control('/_emulator/webhook_endpoints', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: forwardTo, ...(events ? { enabled_events: events.split(',') } : {}) }),
  })) as { id: string; secret: string };
} catch {
  fail(`cannot reach the emulator at ${apiBase} (start it with pnpm stripe:emulator).`);
}
console.log(`> Ready! Your webhook signing secret is ${endpoint.secret} (^C to quit)`);
console.log(`> Forwarding ${events ?? 'all events'} to ${forwardTo}`);

function print(entry: DeliveryLogEntry): void {
  const time = new Date(entry.at).toISOString().replace('T', ' ').slice(0, 19);
  const result = entry.status === null ? `failed: ${entry.error}` : `[${entry.status}]`;
  const retry = entry.attempt > 1 ? ` (attempt ${entry.attempt})` : '';
  console.log(`${time}   --> ${entry.eventType} [${entry.eventId}]${retry}`);
  console.log(`${time}  <--  ${result} POST ${entry.url} [${entry.eventId}]`);
}

let after = ((await control('/_emulator/deliveries')) as { next: number }).next;
const timer = setInterval(() => {
  control(`/_emulator/deliveries?after=${after}`)
    .then((page) => {
      const { data, next } = page as { data: DeliveryLogEntry[]; next: number };
      after = next;
      for (const entry of data) if (entry.endpointId === endpoint.id) print(entry);
    })
    .catch(() => console.error('! lost contact with the emulator, retrying'));
}, POLL_INTERVAL_MS);

process.once('SIGINT', () => {
  clearInterval(timer);
  // Stop deliveries to this listener, as the Stripe CLI does when it exits.
  fetch(new URL(`/v1/webhook_endpoints/${endpoint.id}`, apiBase), {
    method: 'DELETE',
    headers: { authorization: 'Bearer sk_test_stripe_listen' },
  })
    .catch(() => undefined)
    .finally(() => process.exit(0));
});
