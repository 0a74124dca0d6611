/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracket nesting
 * (`items[0][price]=…`, `metadata[k]=…`, `expand[]=…`). Decoding keeps every level as an object;
 * numeric keys (and `[]`) become array indices only where an endpoint's schema asks for an array.
 */
export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

function splitKey(key: string): string[] | null {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const segments = [key.slice(0, open)];
  const rest = key.slice(open);
  const pattern = /\[([^\]]*)\]/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(rest)) !== null) {
    segments.push(match[1] ?? '');
    consumed = pattern.lastIndex;
  }
  return consumed === rest.length ? segments : null;
}

function assign(target: FormObject, segments: string[], value: string): void {
  let node = target;
  for (let i = 0; i < segments.length; i += 1) {
    let segment = segments[i] ?? '';
    const last = i === segments.length - 1;
    if (segment === '') segment = String(Object.keys(node).length);
    if (last) {
      node[segment] = value;
      return;
    }
    const existing = node[segment];
    if (typeof existing === 'object') {
      node = existing;
    } else {
      const child: FormObject = {};
      node[segment] = child;
      node = child;
    }
  }
}

export function decodeForm(encoded: string): FormObject {
  const result: FormObject = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    const segments = splitKey(key) ?? [key];
    assign(result, segments, value);
  }
  return result;
}

/** The inverse, for the trigger runner: JSON params (possibly with pre-bracketed keys) to a form body. */
export function encodeForm(params: Record<string, unknown>): string {
  const pairs: string[] = [];
  const visit = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (value === null) {
      pairs.push(`${encodeURIComponent(key)}=`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(`${key}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [child, childValue] of Object.entries(value)) visit(`${key}[${child}]`, childValue);
    } else {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [key, value] of Object.entries(params)) visit(key, value);
  return pairs.join('&');
}
