import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';

/** Markers a request body swaps for what JSON.stringify cannot write: numbers that parse to ±Infinity. */
export const INFINITY = '__FUZZ_INFINITY__';
export const MINUS_INFINITY = '__FUZZ_MINUS_INFINITY__';

/** A JSON body where the markers become 1e400 / -1e400, which JSON.parse reads as ±Infinity. */
export function hostileJson(value: unknown): string {
  return JSON.stringify(value).replaceAll(`"${MINUS_INFINITY}"`, '-1e400').replaceAll(`"${INFINITY}"`, '1e400');
}

/** mulberry32: a small seeded generator, so a failing input can be produced again from its seed. */
export class Rng {
  #state: number;
  constructor(readonly seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(64),
  'x'.repeat(20_000),
  '\uD800',
  '\uFFFF\uFFFE',
  '😀'.repeat(200),
  "'; drop table users; --",
  '%00',
  '\r\n\r\n',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
];

export const HOSTILE_NUMBERS: readonly unknown[] = [
  -0,
  -1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  1e308,
  -1e308,
  5e-324,
  1.5,
  INFINITY,
  MINUS_INFINITY,
  'NaN',
  'Infinity',
  '1',
  true,
  {},
  [],
];

export const HOSTILE_DATES: readonly unknown[] = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '0001-01-01T00:30:00+01:00',
  '9999-12-31T23:59:59.999Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-03-01T00:00:00',
  '2026-03-01T00:00:00+25:00',
  '2026-03-01',
  'yesterday',
  '',
  1_700_000_000_000,
  -8.64e15,
];

const HOSTILE_IDS: readonly unknown[] = [
  '',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '-'.repeat(36),
  'a\u0000',
  'z'.repeat(10_000),
  42,
  -1,
];

/** A value a client could mean: it lets calls reach the resolvers behind the coercion. */
function plausible(typeName: string, rng: Rng): unknown {
  switch (typeName) {
    case 'String':
      return rng.pick(['email', 'search', 'Acme', `fuzz-${rng.int(1e6)}@example.com`, 'correct horse battery staple']);
    case 'Int':
      return rng.pick([1, 5, 20, 30]);
    case 'Float':
      return rng.pick([0, 10, 99.5]);
    case 'Boolean':
      return rng.chance(0.5);
    case 'ID':
      return rng.uuid();
    case 'DateTime':
      return rng.pick(['2026-03-01T00:00:00Z', '2026-03-05T12:00:00Z', '2026-02-01T00:00:00.000Z']);
    default:
      return null;
  }
}

function hostileScalar(typeName: string, rng: Rng): unknown {
  switch (typeName) {
    case 'String':
      return rng.chance(0.8) ? rng.pick(HOSTILE_STRINGS) : rng.pick(HOSTILE_NUMBERS);
    case 'Int':
    case 'Float':
      return rng.pick(HOSTILE_NUMBERS);
    case 'ID':
      return rng.pick(HOSTILE_IDS);
    case 'DateTime':
      return rng.pick(HOSTILE_DATES);
    default:
      return rng.pick([...HOSTILE_STRINGS.slice(0, 4), ...HOSTILE_NUMBERS.slice(0, 4)]);
  }
}

/** Nested a thousand levels deep: JSON parsers and coercion must refuse it without a stack overflow. */
function deeplyNested(rng: Rng): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < 1000; i++) value = rng.chance(0.5) ? [value] : { a: value };
  return value;
}

/**
 * A value for an argument of `type`: hostile with probability `hostility` at each level (NUL,
 * huge strings, 1e308, ±Infinity, -0, bad dates, bad enums, wrong shapes, deep nesting), else plausible.
 */
export function valueFor(type: GraphQLInputType, rng: Rng, hostility: number, depth = 0): unknown {
  if (depth > 6) return null;
  if (rng.chance(hostility / 6)) return rng.pick([null, deeplyNested(rng), 'x', 0, [], {}]);
  if (isNonNullType(type)) return valueFor(type.ofType, rng, hostility, depth + 1);
  if (isListType(type)) {
    if (rng.chance(hostility / 4)) {
      // More items than any list allows (touches: 1,000), or a bare value where a list is expected.
      return rng.chance(0.5)
        ? Array.from({ length: 1001 }, () => valueFor(type.ofType, rng, 0, depth + 1))
        : valueFor(type.ofType, rng, hostility, depth + 1);
    }
    return Array.from({ length: rng.int(4) }, () => valueFor(type.ofType, rng, hostility, depth + 1));
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((value) => value.name);
    if (!rng.chance(hostility)) return rng.pick(names);
    return rng.pick(['ENTERPRISE', rng.pick(names).toLowerCase(), 7, '', '\u0000']);
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const value: Record<string, unknown> = {};
    for (const field of fields) {
      if (rng.chance(hostility / 5)) continue;
      value[field.name] = valueFor(field.type, rng, hostility, depth + 1);
    }
    if (rng.chance(hostility / 5)) value.unknownField = rng.pick(HOSTILE_STRINGS);
    return value;
  }
  const name = getNamedType(type).name;
  return rng.chance(hostility) ? hostileScalar(name, rng) : plausible(name, rng);
}

/** `mutation ($a: T!) { field(a: $a) { __typename } }` for one field of the schema. */
export function documentFor(
  operation: 'query' | 'mutation',
  field: { name: string; args: readonly GraphQLArgument[]; type: Parameters<typeof getNamedType>[0] },
): string {
  const declared = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${operation}${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}
