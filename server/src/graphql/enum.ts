/** A GraphQL enum object from a domain union's values: { MET: 'MET', … }, for registerEnumType. */
export function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}
