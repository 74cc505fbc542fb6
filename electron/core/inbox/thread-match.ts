// Which case a mail belongs to: a reply naming one of the desk's own Message-IDs (In-Reply-To, then
// References, newest first), else a case reference in the subject (【PD-2026-00042】, any Re:/RE:/Fw:/転送
// prefix, full-width letters and digits). A reference that names no case matches nothing: the mail stays
// in the Inbox for a person to look at.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface CaseMatch {
  caseId: number;
  reference: string;
  status: string;
  rule: 'message_id' | 'reference';
  /** The desk's own message this answers, when found by Message-ID. */
  outboxId: number | null;
}

const REFERENCE = /PD-(\d{4})-(\d{5})/g;

/** Every case reference written in a subject, full-width forms folded (ＰＤ－２０２６－００…). */
export function referencesIn(subject: string): string[] {
  const folded = subject.normalize('NFKC').toUpperCase().replace(/[‐‑‒–—―−ー]/g, '-');
  return [...new Set([...folded.matchAll(REFERENCE)].map((m) => `PD-${m[1]}-${m[2]}`))];
}

export async function matchCase(db: Db, mail: { inReplyTo: string | null; references: readonly string[]; subject: string }): Promise<CaseMatch | null> {
  const ids = [mail.inReplyTo, ...[...mail.references].reverse()].filter((x): x is string => !!x);
  for (const id of ids) {
    const row = await db
      .selectFrom('outbox')
      .innerJoin('cases', 'cases.id', 'outbox.case_id')
      .select(['outbox.id as outboxId', 'cases.id as caseId', 'cases.reference', 'cases.status'])
      .where('outbox.message_id', '=', id)
      .executeTakeFirst();
    if (row) return { caseId: row.caseId, reference: row.reference, status: row.status, rule: 'message_id', outboxId: row.outboxId };
  }
  for (const reference of referencesIn(mail.subject)) {
    const row = await db.selectFrom('cases').select(['id', 'reference', 'status']).where('reference', '=', reference).executeTakeFirst();
    if (row) return { caseId: row.id, reference: row.reference, status: row.status, rule: 'reference', outboxId: null };
  }
  return null;
}

/** The outbox message a bounce reports on, by the Message-ID the desk gave it. */
export async function outboxByMessageId(db: Db, messageId: string | null): Promise<{ outboxId: number; caseId: number; reference: string } | null> {
  if (!messageId) return null;
  const row = await db
    .selectFrom('outbox')
    .innerJoin('cases', 'cases.id', 'outbox.case_id')
    .select(['outbox.id as outboxId', 'outbox.case_id as caseId', 'cases.reference'])
    .where('outbox.message_id', '=', messageId)
    .executeTakeFirst();
  return row ?? null;
}
