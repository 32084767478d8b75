/** { MET: 'MET', … } from ['MET', …]: the enum-object form servers and GraphQL libraries expect. */
export function valuesObject<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as { readonly [K in T]: K };
}
