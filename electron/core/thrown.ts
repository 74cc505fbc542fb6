// What a caught value says about itself, without casting it: a catch clause's value is `unknown` (a Node
// system error, a SQLite or driver error with a `code`, a DeskError, or anything a library threw). Log lines
// name only the class and the code — never the message, which may quote personal data.

/** The string `code` a thrown value carries (a Node errno code 'ENOSPC', 'SQLITE_FULL', a driver's), if any. */
export const codeOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

/** The name of a thrown value's class ('TypeError'), or `fallback` for a value that has none. */
export const nameOf = (e: unknown, fallback = 'error'): string =>
  typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string' ? e.name : fallback;

/** A thrown value's message, for the CLI and errors that wrap it (not for log lines: see above). */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Another property a library puts on what it throws (imapflow's responseText, serverResponseCode, authenticationFailed). */
export function fieldOf(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? Reflect.get(e, key) : undefined;
}
