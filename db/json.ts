// JSON text columns (kinds, grounds, documents, a timeline event's data): stored as text in SQLite and
// PostgreSQL alike, typed by what they hold. The schema declares them with kysely's ColumnType as Json<T>
// (db/schema.ts), so a write must come from toJson(value: T) and a read through fromJson gives T: the shape
// is checked by tsc at both ends instead of a cast after each JSON.parse.
import type { ColumnType } from 'kysely';

declare const holds: unique symbol;
/** Text that is the JSON of a T. */
export type Json<T> = string & { readonly [holds]: T };
/** A column holding JSON text of a T: selected, inserted and updated as Json<T>. */
export type JsonColumn<T> = ColumnType<Json<T>, Json<T>, Json<T>>;

// The one place the text is declared to be what it was written from.
export const toJson = <T>(value: T): Json<T> => JSON.stringify(value) as Json<T>;
export const fromJson = <T>(text: Json<T>): T => JSON.parse(text) as T;
