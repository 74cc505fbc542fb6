// FROZEN: shipped migrations are never edited. A change is a new migration file.
// A notice sent by email no longer carries an English sentence (issue 12). Until now the sender wrote
// "Email to ADDRESS, Message-ID ID." (plus a warning when it was sent again after an interrupted send)
// into notices.note and into the timeline event's note, and the Japanese screen showed it as it was.
// From here on the notice points at the outbox message it was (notices.outbox_id: address, Message-ID and
// the resend flag are the message's own columns) and the event keeps the facts (mailTo, messageId,
// resent) for the screens to word. This converts the rows written before.
//
// outbox_id has no foreign key: a shared desk's copy (core/shared-desk/desk-tables.ts) moves notices before
// outbox, and nothing deletes outbox rows (a purge blanks them). One way only, like 0010: down() drops the
// column, and the sentences are not written back.
import { sql, type Kysely } from 'kysely';

/** Exactly what earlier versions wrote (core/mail/queue-store.ts before this migration). */
export const MAILED_NOTE = /^Email to (.*), Message-ID (\S+?)( \(sent again after an interrupted send: the member may have received it twice\))?\.$/;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE notices ADD COLUMN outbox_id INTEGER`.execute(trx);
    const notices = await sql<{ id: number; note: string }>`SELECT id, note FROM notices WHERE channel = 'mail' AND note LIKE 'Email to %'`.execute(trx);
    for (const n of notices.rows) {
      const m = MAILED_NOTE.exec(n.note);
      if (!m) continue; // typed by a person: kept as their note
      const message = await sql<{ id: number }>`SELECT id FROM outbox WHERE message_id = ${m[2]!}`.execute(trx);
      const outboxId = message.rows[0]?.id;
      if (outboxId === undefined) continue; // no message to point at: the sentence is all that is known
      await sql`UPDATE notices SET note = '', outbox_id = ${outboxId} WHERE id = ${n.id}`.execute(trx);
    }
    const events = await sql<{ id: number; data: string }>`SELECT id, data FROM case_events WHERE kind IN ('notice', 'notice_copy') AND data LIKE '%Email to %'`.execute(trx);
    for (const e of events.rows) {
      const data = JSON.parse(e.data) as Record<string, unknown>;
      const m = typeof data.note === 'string' && data.channel === 'mail' ? MAILED_NOTE.exec(data.note) : null;
      if (!m) continue;
      const facts = { ...data, note: '', mailTo: m[1]!, messageId: m[2]!, resent: m[3] !== undefined };
      await sql`UPDATE case_events SET data = ${JSON.stringify(facts)} WHERE id = ${e.id}`.execute(trx);
    }
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE notices DROP COLUMN outbox_id`.execute(db);
}
