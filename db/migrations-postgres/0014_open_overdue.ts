// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The PostgreSQL counterpart of db/migrations/0042_open_overdue.ts: the open cases in due order with every
// column the overdue test reads (an index-only count where the planner prefers it).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX cases_open_overdue ON cases (due_date, id) INCLUDE (status, paused, type, legal_mark) WHERE status != 'closed'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_open_overdue`.execute(db);
}
