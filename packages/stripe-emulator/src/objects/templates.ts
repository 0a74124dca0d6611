import fixtures from './stripe-fixture-templates.json' with { type: 'json' };
import type { Wire } from './wire.js';

/**
 * Stripe's own example object of each resource (a copy of `resources.<name>` from Stripe's
 * `openapi/fixtures3.json`, vendored in stripe-contract/, see its README). Every object starts from its example so it
 * always carries Stripe's full set of keys; builders overlay our values, including `null` for every
 * nested example value that would otherwise claim something untrue (a discount, a pause, …).
 */
export type ResourceName = keyof typeof fixtures;

export function fromTemplate<T>(name: ResourceName, values: Partial<Wire<T>>): Wire<T> {
  return { ...structuredClone(fixtures[name]), ...values } as Wire<T>;
}
