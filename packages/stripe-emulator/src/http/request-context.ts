import { AsyncLocalStorage } from 'node:async_hooks';

/** The API request being served, so events can name the request that caused them, as Stripe's do. */
export interface RequestInfo {
  id: string;
  idempotencyKey: string | null;
  /** Made with a `sk_live_` key: it creates and sees live-mode objects only. */
  livemode: boolean;
}

const storage = new AsyncLocalStorage<RequestInfo>();

export function runInRequest<T>(info: RequestInfo, work: () => T): T {
  return storage.run(info, work);
}

export function currentRequest(): RequestInfo | undefined {
  return storage.getStore();
}
