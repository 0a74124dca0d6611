/**
 * The bench's reference for webhook ingestion: an Express 5 endpoint that only verifies the signature
 * (`stripe.webhooks.constructEvent` on the raw body) and answers 200 — what any receiver must do at least.
 * Signs with BENCH_WEBHOOK_SECRET. Prints `listening <url>` once it serves.
 */
import { createServer } from 'node:http';
import express from 'express';
import Stripe from 'stripe';

const secret = process.env.BENCH_WEBHOOK_SECRET ?? '';
const app = express();
app.post('/webhooks/stripe', express.raw({ type: () => true, limit: 1024 * 1024 }), (req, res) => {
  try {
    const event = Stripe.webhooks.constructEvent(req.body as Buffer, req.header('stripe-signature') ?? '', secret);
    res.json({ received: true, status: 'received', id: event.id });
  } catch {
    res.status(400).json({ error: 'Webhook signature verification failed' });
  }
});
const http = createServer(app);
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object') console.log(`listening http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => http.close(() => process.exit(0)));
