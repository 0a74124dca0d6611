import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BillingContext } from '../billing/context.js';
import { sendHtml } from '../http/io.js';

export async function handlePage(_billing: BillingContext, _request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  sendHtml(response, 404, `<!doctype html><title>Not found</title><p>No page at ${url.pathname}</p>`);
}
