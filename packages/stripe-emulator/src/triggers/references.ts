/**
 * Stripe CLI fixture references: `${name:path.to.field}` is a field of an earlier step's response,
 * `${.env:NAME}` an environment variable. A string that is exactly one reference keeps the value's type.
 */
const REFERENCE = /\$\{([^:}]+):([^}]+)\}/g;

export class FixtureReferenceError extends Error {
  readonly code = 'FIXTURE_REFERENCE';
}

function lookup(responses: Map<string, unknown>, name: string, path: string): unknown {
  if (name === '.env') return process.env[path] ?? '';
  if (!responses.has(name))
    throw new FixtureReferenceError(`Fixture reference \${${name}:${path}} names no earlier step.`);
  let node = responses.get(name);
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object')
      throw new FixtureReferenceError(`Fixture reference \${${name}:${path}} does not resolve.`);
    node = (node as Record<string, unknown>)[segment.replace(/^#/, '')];
  }
  if (node === undefined) throw new FixtureReferenceError(`Fixture reference \${${name}:${path}} does not resolve.`);
  return node;
}

export function resolveString(text: string, responses: Map<string, unknown>): unknown {
  const whole = /^\$\{([^:}]+):([^}]+)\}$/.exec(text);
  if (whole) return lookup(responses, whole[1] ?? '', whole[2] ?? '');
  return text.replace(REFERENCE, (_match, name: string, path: string) => String(lookup(responses, name, path)));
}

export function resolveReferences(value: unknown, responses: Map<string, unknown>): unknown {
  if (typeof value === 'string') return resolveString(value, responses);
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, responses));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveReferences(item, responses)]));
  }
  return value;
}
