// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The 「期限超過」 (overdue) tab and filter: a case is overdue when its clock runs, it is not paused and its
// due date has passed, or when it is a request not yet notified whose Art. 39 mark has passed
// (core/cases/queue.ts). Both halves name open cases only, yet SQLite read them through two indexes and then
// every row they named (~9,000 of 14,000 open cases at 100,000): 70 ms, the page and its count alike.
// cases_open_overdue holds the open cases in due order with every column that test reads: the count is
// read from it alone (the page walks the open cases in due order and stops at 50).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX cases_open_overdue ON cases (due_date, id, status, paused, type, legal_mark) WHERE status != 'closed'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_open_overdue`.execute(db);
}
