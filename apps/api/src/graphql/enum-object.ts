/** `{ A: 'A', B: 'B' }` from a list of values, for registerEnumType: GraphQL enums built from the domain's own lists cannot drift from them. */
export function enumObject<const T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}
