import { invalidParameter, missingParameter, unknownParameter } from './errors.js';
import type { FormObject, FormValue } from './form-decoding.js';

/**
 * A small declarative schema per endpoint, so unknown, missing and mistyped parameters get Stripe's
 * `invalid_request_error` with `param` — and handlers receive typed values.
 */
interface BaseSpec {
  readonly required?: boolean;
}
export interface StringSpec extends BaseSpec {
  readonly kind: 'string';
  readonly enum?: readonly string[];
}
export interface IntegerSpec extends BaseSpec {
  readonly kind: 'integer';
}
export interface BooleanSpec extends BaseSpec {
  readonly kind: 'boolean';
}
/** `metadata`-like free hash of strings; an empty value unsets a key. */
export interface HashSpec extends BaseSpec {
  readonly kind: 'hash';
}
export interface ObjectSpec<F extends Schema = Schema> extends BaseSpec {
  readonly kind: 'object';
  readonly fields: F;
}
export interface ArraySpec<I extends ParamSpec = ParamSpec> extends BaseSpec {
  readonly kind: 'array';
  readonly of: I;
}
/** Accepted as sent, for nested structures the emulator stores but never interprets. */
export interface AnySpec extends BaseSpec {
  readonly kind: 'any';
}
export type ParamSpec = StringSpec | IntegerSpec | BooleanSpec | HashSpec | ObjectSpec | ArraySpec | AnySpec;
export type Schema = { readonly [key: string]: ParamSpec };

type ValueOf<P> = P extends StringSpec
  ? P['enum'] extends readonly (infer E)[]
    ? E
    : string
  : P extends IntegerSpec
    ? number
    : P extends BooleanSpec
      ? boolean
      : P extends HashSpec
        ? Record<string, string | null>
        : P extends { kind: 'object'; fields: infer F extends Schema }
          ? Params<F>
          : P extends { kind: 'array'; of: infer I }
            ? ValueOf<I>[]
            : unknown;

type RequiredKeys<S extends Schema> = { [K in keyof S]: S[K] extends { required: true } ? K : never }[keyof S];
type OptionalKeys<S extends Schema> = Exclude<keyof S, RequiredKeys<S>>;

/** Optional parameters are `null` when sent empty (Stripe's way of unsetting a field). */
export type Params<S extends Schema> = { -readonly [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  -readonly [K in OptionalKeys<S>]?: ValueOf<S[K]> | null;
};

export const str = <const O extends Omit<StringSpec, 'kind'>>(options?: O): StringSpec & NoInfer<O> =>
  ({ kind: 'string', ...options }) as StringSpec & O;
export const int = <const O extends Omit<IntegerSpec, 'kind'>>(options?: O): IntegerSpec & NoInfer<O> =>
  ({ kind: 'integer', ...options }) as IntegerSpec & O;
export const bool = <const O extends Omit<BooleanSpec, 'kind'>>(options?: O): BooleanSpec & NoInfer<O> =>
  ({ kind: 'boolean', ...options }) as BooleanSpec & O;
export const hash = (): HashSpec => ({ kind: 'hash' });
export const any = (): AnySpec => ({ kind: 'any' });
// NoInfer: inside a schema literal the contextual type (any ParamSpec) must not widen the fields.
export const obj = <const F extends Schema, const O extends BaseSpec = object>(
  fields: F,
  options?: O,
): ObjectSpec<NoInfer<F>> & NoInfer<O> => ({ kind: 'object', fields, ...options }) as ObjectSpec<F> & O;
export const arr = <const I extends ParamSpec, const O extends BaseSpec = object>(
  of: I,
  options?: O,
): ArraySpec<NoInfer<I>> & NoInfer<O> => ({ kind: 'array', of, ...options }) as ArraySpec<I> & O;

function childName(parent: string, key: string): string {
  return parent === '' ? key : `${parent}[${key}]`;
}

function expectString(value: FormValue, param: string): string {
  if (typeof value !== 'string') {
    throw invalidParameter(param, `Invalid ${param}: must be a string, not a hash`, 'parameter_invalid_string');
  }
  return value;
}

function parseValue(spec: ParamSpec, value: FormValue, param: string): unknown {
  switch (spec.kind) {
    case 'string': {
      const text = expectString(value, param);
      if (spec.enum && !spec.enum.includes(text)) {
        throw invalidParameter(param, `Invalid ${param}: must be one of ${spec.enum.join(', ')}`);
      }
      return text;
    }
    case 'integer': {
      const text = expectString(value, param);
      if (!/^-?\d+$/.test(text)) throw invalidParameter(param, `Invalid integer: ${text}`, 'parameter_invalid_integer');
      return Number(text);
    }
    case 'boolean': {
      const text = expectString(value, param);
      if (text !== 'true' && text !== 'false') {
        throw invalidParameter(param, `Invalid boolean: ${text}`, 'parameter_invalid_boolean');
      }
      return text === 'true';
    }
    case 'hash': {
      if (typeof value === 'string') throw invalidParameter(param, `Invalid hash`, 'parameter_invalid_hash');
      const result: Record<string, string | null> = {};
      for (const [key, entry] of Object.entries(value)) {
        const text = expectString(entry, childName(param, key));
        result[key] = text === '' ? null : text;
      }
      return result;
    }
    case 'object': {
      if (typeof value === 'string') throw invalidParameter(param, `Invalid hash`, 'parameter_invalid_hash');
      return parseObject(spec.fields, value, param);
    }
    case 'array': {
      if (typeof value === 'string') throw invalidParameter(param, `Invalid array`, 'parameter_invalid_array');
      const keys = Object.keys(value);
      if (keys.some((key) => !/^\d+$/.test(key)))
        throw invalidParameter(param, `Invalid array`, 'parameter_invalid_array');
      return keys
        .sort((a, b) => Number(a) - Number(b))
        .map((key) => parseValue(spec.of, value[key] as FormValue, childName(param, key)));
    }
    case 'any':
      return value;
  }
}

function parseObject(schema: Schema, input: FormObject, prefix: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const spec = schema[key];
    const param = childName(prefix, key);
    if (!spec) throw unknownParameter(param);
    // An empty string unsets an optional field, as in Stripe's API.
    result[key] = value === '' ? null : parseValue(spec, value, param);
  }
  for (const [key, spec] of Object.entries(schema)) {
    if (spec.required && (result[key] === undefined || result[key] === null)) {
      throw missingParameter(childName(prefix, key));
    }
  }
  return result;
}

export function parseParams<S extends Schema>(schema: S, input: FormObject): Params<S> {
  return parseObject(schema, input, '') as Params<S>;
}
