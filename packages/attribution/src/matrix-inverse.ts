/**
 * A⁻¹ by Gauss–Jordan elimination with partial pivoting; A (n×n, row-major) is overwritten.
 * Dense is right here: the rows are the channels, a few hundred at most.
 */
export function invertMatrix(a: Float64Array, n: number): Float64Array {
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inverse[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = row;
    }
    if (Math.abs(a[pivot * n + col]!) < 1e-300) throw new RangeError('Singular matrix');
    if (pivot !== col) {
      swapMatrixRows(a, n, pivot, col);
      swapMatrixRows(inverse, n, pivot, col);
    }
    const scale = 1 / a[col * n + col]!;
    for (let k = 0; k < n; k++) {
      a[col * n + k]! *= scale;
      inverse[col * n + k]! *= scale;
    }
    for (let row = 0; row < n; row++) {
      const factor = a[row * n + col]!;
      if (row === col || factor === 0) continue;
      for (let k = 0; k < n; k++) {
        a[row * n + k]! -= factor * a[col * n + k]!;
        inverse[row * n + k]! -= factor * inverse[col * n + k]!;
      }
    }
  }
  return inverse;
}

function swapMatrixRows(a: Float64Array, n: number, i: number, j: number): void {
  for (let k = 0; k < n; k++) {
    const t = a[i * n + k]!;
    a[i * n + k] = a[j * n + k]!;
    a[j * n + k] = t;
  }
}
