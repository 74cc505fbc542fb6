// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The PostgreSQL counterpart of db/migrations/0039_notice_mail_facts.ts: a notice sent by email points at
// its outbox message (notices.outbox_id) instead of carrying the English sentence "Email to …, Message-ID
// …."; the timeline event keeps the facts. Rows a shared desk wrote before are converted the same way.
import { sql, type Kysely } from 'kysely';
import { MAILED_NOTE } from '../migrations/0039_notice_mail_facts.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE notices ADD COLUMN outbox_id integer`.execute(db);
  const notices = await sql<{ id: number; note: string }>`SELECT id, note FROM notices WHERE channel = 'mail' AND note LIKE 'Email to %'`.execute(db);
  for (const n of notices.rows) {
    const m = MAILED_NOTE.exec(n.note);
    if (!m) continue;
    const message = await sql<{ id: number }>`SELECT id FROM outbox WHERE message_id = ${m[2]!}`.execute(db);
    const outboxId = message.rows[0]?.id;
    if (outboxId === undefined) continue;
    await sql`UPDATE notices SET note = '', outbox_id = ${outboxId} WHERE id = ${n.id}`.execute(db);
  }
  const events = await sql<{ id: number; data: string }>`SELECT id, data FROM case_events WHERE kind IN ('notice', 'notice_copy') AND data LIKE '%Email to %'`.execute(db);
  for (const e of events.rows) {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    const m = typeof data.note === 'string' && data.channel === 'mail' ? MAILED_NOTE.exec(data.note) : null;
    if (!m) continue;
    await sql`UPDATE case_events SET data = ${JSON.stringify({ ...data, note: '', mailTo: m[1]!, messageId: m[2]!, resent: m[3] !== undefined })} WHERE id = ${e.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE notices DROP COLUMN outbox_id`.execute(db);
}
