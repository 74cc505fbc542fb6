// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The PostgreSQL counterpart of db/migrations/0037_inbox_no_question.ts: mail set aside as a question goes
// back to the Inbox, and 'question' is no longer a reason. PostgreSQL narrows the CHECK in place (the
// constraint it named for the column) where SQLite needs triggers.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE inbox_messages SET status = 'inbox', dismiss_reason = NULL, handled_by = NULL, handled_at = NULL WHERE dismiss_reason = 'question'`.execute(db);
  await sql`ALTER TABLE inbox_messages DROP CONSTRAINT inbox_messages_dismiss_reason_check`.execute(db);
  await sql`ALTER TABLE inbox_messages ADD CONSTRAINT inbox_messages_dismiss_reason_check CHECK (dismiss_reason IN ('spam', 'other'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // As on SQLite, which mail had been set aside as a question is not known any more: only the rule goes.
  await sql`ALTER TABLE inbox_messages DROP CONSTRAINT inbox_messages_dismiss_reason_check`.execute(db);
  await sql`ALTER TABLE inbox_messages ADD CONSTRAINT inbox_messages_dismiss_reason_check CHECK (dismiss_reason IN ('spam', 'question', 'other'))`.execute(db);
}
