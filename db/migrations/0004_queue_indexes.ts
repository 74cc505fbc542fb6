// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The queue's default view is every case not closed, by due date, with its count. A desk keeps its
// closed cases for years, so at 100,000 cases most rows are closed, and counting the open ones through
// cases_status_due scans every case. This partial index holds only the open cases, in the queue's order
// (due date, then id) and with the status, so both the first page and the count read open cases only.
// SQLite uses it whenever the query's WHERE implies status != 'closed' (a bound 'closed' included).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX cases_open_due ON cases (due_date, id, status) WHERE status != 'closed'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_open_due`.execute(db);
}
