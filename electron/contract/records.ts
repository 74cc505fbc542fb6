// Typed views of the contract's tables and lists. TypeScript types Object.keys / Object.entries /
// Object.fromEntries as string-keyed (an object may hold more keys than its type says), which put a cast
// on every caller that walks a table keyed by a union. These helpers hold that cast once, for tables the
// desk declares itself (`Record<K, …>` literals, checked by `satisfies` or their annotation), and say why.

/** The keys of a table keyed by a union (or some of them: a partial change): K for the desk's own tables. */
export function keysOf<K extends string>(table: { readonly [k in K]?: unknown }): K[] {
  // Must stay: Object.keys answers string[]; the table's type (a literal of exactly K) is the guarantee.
  return Object.keys(table) as K[];
}

/** The [key, value] pairs of a table keyed by a union. */
export function entriesOf<K extends string, V>(table: { readonly [k in K]: V }): Array<[K, V]> {
  // Must stay: Object.entries answers [string, V][]; as keysOf.
  return Object.entries(table) as Array<[K, V]>;
}

/** A table with one value for each key of the list (counts starting at 0, figures per type …). */
export function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  // Must stay: Object.fromEntries answers { [k: string]: V }; every key of the list is set just here.
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}

/** Whether a value (a stored string, a form's string) is one of the list's members. */
export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.some((member) => member === value);
