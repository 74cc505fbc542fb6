// FROZEN: shipped migrations are never edited. A change is a new migration file.
// PostgreSQL only (no SQLite counterpart: SQLite keeps this counter in sqlite_sequence by itself). The audit
// log's row counter, which verification compares with the last row to show a cut-off end. It was the
// identity sequence, advanced with setval() — but a sequence is not transactional: an append rolled back
// (a PC killed mid-transaction, a later statement failing) left the counter one ahead of the last row,
// and the chain then read as "tail removed". This one-row table is written in the appending transaction,
// so it commits or rolls back with the row.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE audit_counter (id integer PRIMARY KEY CHECK (id = 1), seq integer NOT NULL)`.execute(db);
  await sql`INSERT INTO audit_counter (id, seq) SELECT 1, COALESCE(MAX(seq), 0) FROM audit_log`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE audit_counter`.execute(db);
}
