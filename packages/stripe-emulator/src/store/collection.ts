import { resourceMissing } from '../http/errors.js';

/** One resource type's objects, in creation order (Stripe lists newest first). */
export class Collection<T extends { id: string }> {
  private readonly byId = new Map<string, T>();

  constructor(readonly resourceName: string) {}

  insert(object: T): T {
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
    return object;
  }

  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  /** Newest first, as Stripe's list endpoints return them. */
  newestFirst(filter: (object: T) => boolean = () => true): T[] {
    return [...this.byId.values()].filter(filter).reverse();
  }

  all(): T[] {
    return [...this.byId.values()];
  }
}
