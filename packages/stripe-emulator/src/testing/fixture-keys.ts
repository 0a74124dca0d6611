import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRIPE_CONTRACT_DIR } from '../triggers/fixture-runner.js';

/** Stripe's example objects (Stripe's published fixtures3.json, not our templates built from it). */
export function stripeExample(resource: string): unknown {
  const file = join(STRIPE_CONTRACT_DIR, 'fixtures3.json');
  const fixtures = JSON.parse(readFileSync(file, 'utf8')) as { resources: Record<string, unknown> };
  const example = fixtures.resources[resource];
  if (example === undefined) throw new Error(`fixtures3.json has no resource ${resource}`);
  return example;
}

/**
 * Keys of Stripe's example that `actual` lacks, recursively. A `null` where the example shows an
 * object is a present, nullable field (Stripe sends null for absent sub-objects); an id string where the
 * example shows an object is an unexpanded reference. Arrays are checked item by item against the
 * example's first item. `metadata` holds the account's own keys, not Stripe's, so it is not recursed into.
 */
export function missingKeys(actual: unknown, example: unknown, path = '$'): string[] {
  if (example === null || typeof example !== 'object') return [];
  if (actual === null || typeof actual === 'string') return [];
  if (Array.isArray(example)) {
    if (!Array.isArray(actual)) return [`${path} (expected an array)`];
    const prototype = example[0];
    return prototype === undefined
      ? []
      : actual.flatMap((item, index) => missingKeys(item, prototype, `${path}[${index}]`));
  }
  if (typeof actual !== 'object' || Array.isArray(actual)) return [`${path} (expected an object)`];
  const record = actual as Record<string, unknown>;
  return Object.entries(example as Record<string, unknown>).flatMap(([key, value]) =>
    !(key in record) ? [`${path}.${key}`] : key === 'metadata' ? [] : missingKeys(record[key], value, `${path}.${key}`),
  );
}
