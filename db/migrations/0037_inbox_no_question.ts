// FROZEN: shipped migrations are never edited. A change is a new migration file.
// A question is no longer a way out of the Inbox (issue 19): it becomes an inquiry case and is answered.
// Mail staff had set aside as a question goes back to the Inbox, unhandled, so each can be taken in as an
// inquiry (who set it aside, and when, stays in the audit log). Triggers refuse the old reason from now on;
// 0012's CHECK still names it, and SQLite cannot narrow a CHECK without rebuilding the table.
// Going down drops the triggers only: which mail had been set aside as a question is not known any more.
import { sql, type Kysely } from 'kysely';

const REFUSE = `SELECT RAISE(ABORT, 'inbox_messages.dismiss_reason: question is no longer a reason (issue 19)')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`UPDATE inbox_messages SET status = 'inbox', dismiss_reason = NULL, handled_by = NULL, handled_at = NULL WHERE dismiss_reason = 'question'`.execute(trx);
    await sql.raw(`CREATE TRIGGER inbox_no_question_insert BEFORE INSERT ON inbox_messages WHEN NEW.dismiss_reason = 'question' BEGIN ${REFUSE}; END`).execute(trx);
    await sql.raw(`CREATE TRIGGER inbox_no_question_update BEFORE UPDATE OF dismiss_reason ON inbox_messages WHEN NEW.dismiss_reason = 'question' BEGIN ${REFUSE}; END`).execute(trx);
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS inbox_no_question_insert`.execute(db);
  await sql`DROP TRIGGER IF EXISTS inbox_no_question_update`.execute(db);
}
