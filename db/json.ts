// JSON text columns (kinds, grounds, documents, a timeline event's data, a setting's value): stored as text
// in SQLite and PostgreSQL alike, typed by what they hold. The schema declares them with kysely's ColumnType
// as Json<T> (db/schema.ts), so a write must come from toJson(value: T) and a read through fromJson gives T:
// the shape is checked by tsc at both ends instead of a cast after each JSON.parse. Text that is not JSON
// (a damaged or hand-edited row) is refused as StoredJsonError naming its column — the desk answers it as
// the code STORED_VALUE_UNREADABLE (core/api/dispatch.ts), never a crash with the parser's words.
import type { ColumnType } from 'kysely';

declare const holds: unique symbol;
/** Text that is the JSON of a T. */
export type Json<T> = string & { readonly [holds]: T };
/** A column holding JSON text of a T: selected, inserted and updated as Json<T>. */
export type JsonColumn<T> = ColumnType<Json<T>, Json<T>, Json<T>>;

/** A stored value that does not read as JSON. `column` is "table.column", never the value. */
export class StoredJsonError extends Error {
  readonly column: string;
  constructor(column: string) {
    super(`${column} holds text that is not JSON`);
    this.name = 'StoredJsonError';
    this.column = column;
  }
}

/** Stored JSON text of no declared shape (an audit row's detail): the caller narrows what it reads. */
export function parseStoredJson(text: string, column: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new StoredJsonError(column);
  }
}

/** An object read from stored JSON (a timeline event's data, an audit detail); anything else reads as {}. */
export const isJsonObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// The one place the text is declared to be what it was written from (must stay: JSON.stringify and
// JSON.parse are typed string → any; the Json<T> brand carries T from the write to the read).
export const toJson = <T>(value: T): Json<T> => JSON.stringify(value) as Json<T>;
export const fromJson = <T>(text: Json<T>, column = 'a JSON column'): T => parseStoredJson(text, column) as T;
