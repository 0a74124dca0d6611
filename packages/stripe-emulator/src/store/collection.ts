import { resourceMissing } from '../http/errors.js';
import { currentRequest } from '../http/request-context.js';

/**
 * The mode of the object when it differs from the requesting key's, else null. Stripe keeps test and
 * live data apart; objects without `livemode` and work outside a request (seeding, renewals) are not
 * filtered.
 */
function otherModeOf(object: object): 'live' | 'test' | null {
  const request = currentRequest();
  const livemode = (object as { livemode?: unknown }).livemode;
  if (!request || typeof livemode !== 'boolean' || livemode === request.livemode) return null;
  return livemode ? 'live' : 'test';
}

/** One resource type's objects, in creation order (Stripe lists newest first). */
export class Collection<T extends { id: string }> {
  private readonly byId = new Map<string, T>();

  constructor(readonly resourceName: string) {}

  insert(object: T): T {
    // What a live key creates is a live-mode object, as on Stripe.
    const modal = object as { livemode?: unknown };
    if (currentRequest()?.livemode && typeof modal.livemode === 'boolean') modal.livemode = true;
    this.byId.set(object.id, object);
    return object;
  }

  find(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** The object, or Stripe's `resource_missing` error naming the parameter that carried the id. */
  get(id: string, param = 'id'): T {
    const object = this.byId.get(id);
    if (!object) throw resourceMissing(this.resourceName, id, param);
    const otherMode = otherModeOf(object);
    if (otherMode) throw resourceMissing(this.resourceName, id, param, otherMode);
    return object;
  }

  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  /** Newest first, as Stripe's list endpoints return them. */
  newestFirst(filter: (object: T) => boolean = () => true): T[] {
    return [...this.byId.values()].filter((object) => otherModeOf(object) === null && filter(object)).reverse();
  }

  all(): T[] {
    return [...this.byId.values()];
  }
}
