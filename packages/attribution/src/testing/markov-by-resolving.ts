import type { PathRow } from '../types.js';

/**
 * MARKOV removal effects computed the long way, as a test oracle: build the chain from the rows,
 * then re-solve the absorbing system once per removed channel (x_k = 0).
 */
export function markovByResolving(rows: readonly PathRow[]): {
  conversionProbability: number;
  effects: Record<string, number>;
} {
  const channels = [...new Set(rows.flatMap((r) => r.path))];
  const n = channels.length + 1;
  const stateOf = (channel: string): number => channels.indexOf(channel) + 1;
  const weights = new Float64Array(n * n);
  const toConversion = new Float64Array(n);
  const out = new Float64Array(n);
  for (const row of rows) {
    const weight = row.conversions + row.nulls;
    let from = 0;
    for (const channel of row.path) {
      const to = stateOf(channel);
      if (to === from) continue;
      weights[from * n + to]! += weight;
      out[from]! += weight;
      from = to;
    }
    toConversion[from]! += row.conversions;
    out[from]! += weight;
  }
  const solveWithout = (removed: number): number => {
    const a = new Float64Array(n * n);
    const b = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      a[s * n + s] = 1;
      if (s === removed || out[s] === 0) continue;
      for (let t = 0; t < n; t++) a[s * n + t]! -= weights[s * n + t]! / out[s]!;
      b[s] = toConversion[s]! / out[s]!;
    }
    return solveLinearSystem(a, b, n)[0]!;
  };
  const conversionProbability = solveWithout(-1);
  const effects = Object.fromEntries(channels.map((c) => [c, 1 - solveWithout(stateOf(c)) / conversionProbability]));
  return { conversionProbability, effects };
}

/** Solves A·x = b by Gaussian elimination with partial pivoting. A is n×n row-major; both inputs are overwritten. */
function solveLinearSystem(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = row;
    }
    const pivotValue = a[pivot * n + col]!;
    if (Math.abs(pivotValue) < 1e-300) throw new RangeError('Singular linear system');
    if (pivot !== col) swapRows(a, b, n, pivot, col);
    for (let row = col + 1; row < n; row++) {
      const factor = a[row * n + col]! / pivotValue;
      if (factor === 0) continue;
      for (let k = col; k < n; k++) a[row * n + k]! -= factor * a[col * n + k]!;
      b[row]! -= factor * b[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let k = row + 1; k < n; k++) sum -= a[row * n + k]! * x[k]!;
    x[row] = sum / a[row * n + row]!;
  }
  return x;
}

function swapRows(a: Float64Array, b: Float64Array, n: number, i: number, j: number): void {
  for (let k = 0; k < n; k++) {
    const t = a[i * n + k]!;
    a[i * n + k] = a[j * n + k]!;
    a[j * n + k] = t;
  }
  const t = b[i]!;
  b[i] = b[j]!;
  b[j] = t;
}
