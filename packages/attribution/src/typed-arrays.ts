type GrowableArray = Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>;

/** A copy of `array` with room for `size` elements (the new ones zero). */
export function grown<T extends GrowableArray>(array: T, size: number): T {
  const result = new (array.constructor as new (length: number) => T)(size);
  result.set(array);
  return result;
}
