/**
 * Solves A·x = b by Gaussian elimination with partial pivoting. A is n×n row-major; both inputs
 * are overwritten. Dense is right here: the unknowns are the channels, a few dozen at most.
 */
export function solveLinearSystem(a: Float64Array, b: Float64Array, n: number): Float64Array {
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
