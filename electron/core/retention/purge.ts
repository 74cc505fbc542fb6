// The retention purge: from closed cases past retention (and not on legal hold), remove the personal data —
// names, kana, contact details, the request text, reasons written to the member, notes, identity-document
// details, free text in the timeline, outbox messages, mail kept with the case and its attachments, the
// search text — and keep what reports count
// (reference, type, sub-kind, dates, outcome, grounds, rejection ground, fee amounts). Each case is purged
// in its own transaction: a crash leaves every case whole or purged, never half. SQLite's secure_delete
// zeroes what is removed, the search index is merged so no old segment keeps a name, and the WAL is
// checkpointed and truncated so no copy of a page stays beside the database.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CaseRow, DB } from '../../../db/schema.ts';
import type { PurgeCandidate, PurgeField, PurgePreview, PurgeResult } from '../../contract/retention.ts';
import { appendAudit, redactAuditDetails } from '../audit/audit-log.ts';
import { searchKey } from '../cases/normalize.ts';
import { writeSearchRows } from '../cases/search-index.ts';
import { compactSearch } from '../../../db/search.ts';
import { eraseDeletedContent, flushDeletedContent } from '../../../db/dialect.ts';
import { cutoffInstant, readRetentionYears, retentionCutoff } from './policy.ts';
import { fromJson, isJsonObject, parseStoredJson, toJson, type Json } from '../../../db/json.ts';

const CASE_TEXT: Array<[column: keyof CaseRow & string, field: PurgeField]> = [
  ['member_name', 'member_name'],
  ['member_kana', 'member_kana'],
  ['member_email', 'member_email'],
  ['member_postal_code', 'member_postal_code'],
  ['member_address', 'member_address'],
  ['member_id', 'member_id'],
  ['requester_name', 'requester_name'],
  // A representative's or agent's own contact (issue 10).
  ['requester_postal_code', 'requester_postal_code'],
  ['requester_address', 'requester_address'],
  ['requester_email', 'requester_email'],
  ['requester_phone', 'requester_phone'],
  ['request_text', 'request_text'],
  ['reasoning', 'reasoning'],
  ['alternative_measure', 'alternative_measure'],
  ['closure_reason', 'closure_reason'],
];

/**
 * Free-text keys a timeline event's data may hold (reasons, notes, a mail server's words about an
 * undelivered message, which name the address); identity documents keep their type only.
 */
// mailTo: the address a notice's email went to (migration 0039).
const EVENT_TEXT_KEYS = ['reason', 'note', 'diagnostic', 'mailTo'];
/** What else an audit row's detail may hold about a person: the address a message went to. */
const AUDIT_TEXT_KEYS = [...EVENT_TEXT_KEYS, 'to'];

export interface PurgeContext {
  db: Kysely<DB>;
  /** null: the desk's daily job. */
  actor: string | null;
  now: Date;
}

async function dueCases(db: Kysely<DB>, cutoff: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'closed_at', 'legal_hold'])
    .where('status', '=', 'closed')
    .where('purged_at', 'is', null)
    .where('closed_at', '<', cutoffInstant(cutoff))
    .orderBy('closed_at')
    .orderBy('id')
    .execute();
}

/** What holds personal data on one case: the fields the purge would clear. */
async function fieldsOf(db: Kysely<DB>, id: number): Promise<PurgeField[]> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const out: PurgeField[] = CASE_TEXT.filter(([col]) => String(row[col] ?? '') !== '').map(([, f]) => f);
  const has = async (q: Promise<{ n: number | bigint } | undefined>) => Number((await q)?.n ?? 0) > 0;
  const count = (table: 'case_notes' | 'identity_checks' | 'fee_entries' | 'notices' | 'outbox', extra = sql`1 = 1`) =>
    sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE case_id = ${id} AND ${extra}`.execute(db).then((r) => r.rows[0]);
  if (await has(count('case_notes'))) out.push('notes');
  if (await has(count('identity_checks', sql`(documents != '[]' OR note != '')`))) out.push('identity_documents');
  if (await has(count('fee_entries', sql`note != ''`))) out.push('fee_notes');
  if (await has(count('notices', sql`note != ''`))) out.push('notice_notes');
  const events = await db.selectFrom('case_events').select('data').where('case_id', '=', id).execute();
  if (events.some((e) => eventNeedsPurge(e.data))) out.push('timeline_texts');
  if (await has(count('outbox', sql`(to_address != '' OR body_text != '' OR cancel_note != '')`))) out.push('outbox_messages');
  if ((await caseMail(db, id)).some((m) => m.size > 0)) out.push('inbox_mail');
  out.push('search_text');
  return out;
}

/**
 * The mail kept with a case (issue 13): messages attached to it — the member's mail, automatic replies,
 * delivery reports — and any delivery report about a message the desk sent for it.
 */
async function caseMail(db: Kysely<DB>, id: number): Promise<Array<{ id: number; size: number }>> {
  const { rows } = await sql<{ id: number; size: number }>`
    SELECT id, length(raw) AS size FROM inbox_messages WHERE case_id = ${id}
    UNION SELECT m.id, length(m.raw) FROM inbox_messages m JOIN outbox_bounces b ON b.inbox_message_id = m.id JOIN outbox o ON o.id = b.outbox_id WHERE o.case_id = ${id}`.execute(db);
  return rows;
}

function eventNeedsPurge(json: string, keys: readonly string[] = EVENT_TEXT_KEYS, column = 'case_events.data'): boolean {
  if (json === '') return false;
  const d = parseStoredJson(json, column);
  if (!isJsonObject(d)) return false;
  return keys.some((k) => typeof d[k] === 'string' && d[k] !== '') || (Array.isArray(d.documents) && d.documents.some((x) => typeof x === 'object' && x !== null && Object.keys(x).some((k) => k !== 'type')));
}

function purgedEventData(json: Json<Record<string, unknown>>): Json<Record<string, unknown>> {
  const d = fromJson(json, 'case_events.data');
  for (const k of EVENT_TEXT_KEYS) if (typeof d[k] === 'string') d[k] = '';
  if (Array.isArray(d.documents)) d.documents = d.documents.map((x: { type?: unknown }) => ({ type: x?.type }));
  return toJson(d);
}

export async function previewPurge(db: Kysely<DB>, now: Date): Promise<PurgePreview> {
  const years = await readRetentionYears(db);
  const cutoff = retentionCutoff(now, years);
  const rows = await dueCases(db, cutoff);
  const cases: PurgeCandidate[] = [];
  for (const r of rows.filter((r) => r.legal_hold === 0)) cases.push({ id: r.id, reference: r.reference, closedAt: r.closed_at!, fields: await fieldsOf(db, r.id) });
  return { cutoff, years, cases, held: rows.filter((r) => r.legal_hold === 1).map((r) => ({ id: r.id, reference: r.reference })) };
}

/** Purges one case in one transaction; false when it no longer qualifies (closed again, held, done). */
export async function purgeCase(ctx: PurgeContext, id: number, cutoff: string, years: number): Promise<{ reference: string } | null> {
  return ctx.db.transaction().execute(async (db) => {
    const row = await db
      .selectFrom('cases')
      .select(['id', 'reference'])
      .where('id', '=', id)
      .where('status', '=', 'closed')
      .where('legal_hold', '=', 0)
      .where('purged_at', 'is', null)
      .where('closed_at', '<', cutoffInstant(cutoff))
      .executeTakeFirst();
    if (!row) return null;
    const fields = await fieldsOf(db, id);
    const at = ctx.now.toISOString();
    await db
      .updateTable('cases')
      .set({ ...Object.fromEntries(CASE_TEXT.map(([c]) => [c, ''])), member_name_key: '', purged_at: at, updated_at: at }) // the name's search key too (issue 11)
      .where('id', '=', id)
      .execute();
    await db.deleteFrom('case_notes').where('case_id', '=', id).execute();
    await db.updateTable('identity_checks').set({ documents: toJson([]), note: '' }).where('case_id', '=', id).execute();
    await db.updateTable('fee_entries').set({ note: '' }).where('case_id', '=', id).execute();
    await db.updateTable('notices').set({ note: '' }).where('case_id', '=', id).execute();
    for (const e of await db.selectFrom('case_events').select(['id', 'data']).where('case_id', '=', id).execute()) {
      if (eventNeedsPurge(e.data)) await db.updateTable('case_events').set({ data: purgedEventData(e.data) }).where('id', '=', e.id).execute();
    }
    // The audit log keeps who did what and when; details that hold the person's words or address are
    // redacted through the log's own mechanism (core/audit: the chain covers each detail's hash, and one
    // signed audit.redact row records which rows, by whom, under which rule).
    const outboxIds = (await db.selectFrom('outbox').select('id').where('case_id', '=', id).execute()).map((o) => String(o.id));
    const auditRows = await db
      .selectFrom('audit_log')
      .select(['seq', 'detail'])
      .where((eb) => eb.or([eb.and([eb('entity', '=', 'case'), eb('entity_id', '=', String(id))]), ...(outboxIds.length ? [eb.and([eb('entity', '=', 'outbox'), eb('entity_id', 'in', outboxIds)])] : [])]))
      .execute();
    const redact = auditRows.filter((r) => eventNeedsPurge(r.detail, AUDIT_TEXT_KEYS, 'audit_log.detail')).map((r) => r.seq);
    if (redact.length > 0) await redactAuditDetails(db, redact, { actor: ctx.actor, reason: `retention:${row.reference}:${years}y` }, ctx.now);
    await db.updateTable('outbox').set({ to_address: '', subject: '', body_text: '', last_error: null, cancel_note: '' }).where('case_id', '=', id).execute();
    // Mail kept with the case: the message (raw, sender, subject, text, the ids that thread it) is emptied
    // and its attachments deleted. The row stays — with its arrival, kind and content hash — so the same
    // mail fetched again is recognised as already stored rather than filed anew; a delivery report's
    // record keeps its status code, not the server's words (they name the address).
    const mail = (await caseMail(db, id)).map((m) => m.id);
    if (mail.length > 0) {
      await db.deleteFrom('inbox_attachments').where('message_id', 'in', mail).execute();
      await db
        .updateTable('inbox_messages')
        .set({ raw: Buffer.alloc(0), from_address: '', from_name: '', subject: '', body_text: '', message_id: null, in_reply_to: null, references: '[]', date_header: null })
        .where('id', 'in', mail)
        .execute();
    }
    await db.updateTable('outbox_bounces').set({ diagnostic: '' }).where('outbox_id', 'in', db.selectFrom('outbox').select('id').where('case_id', '=', id)).execute();
    // Both search indexes (trigram and bigram, issue 15) keep only the reference.
    await writeSearchRows(db, id, searchKey(row.reference));
    await appendAudit(db, { actor: ctx.actor, action: 'retention.purge', entity: 'case', entityId: String(id), detail: { reference: row.reference, fields, rule: { years, cutoff } } }, ctx.now);
    return { reference: row.reference };
  });
}

/** Purges every case past retention, one transaction each, then leaves no copy of what was removed. */
export async function runPurge(ctx: PurgeContext, onCase?: (id: number) => void): Promise<PurgeResult> {
  const years = await readRetentionYears(ctx.db);
  const cutoff = retentionCutoff(ctx.now, years);
  await eraseDeletedContent(ctx.db);
  const purged: PurgeResult['purged'] = [];
  for (const r of await dueCases(ctx.db, cutoff)) {
    if (r.legal_hold === 1) continue;
    const done = await purgeCase(ctx, r.id, cutoff, years);
    if (done) purged.push({ id: r.id, reference: done.reference });
    onCase?.(r.id);
  }
  if (purged.length > 0) {
    // Merge the search index's segments: a deleted document's terms otherwise stay in old segments.
    await compactSearch(ctx.db);
    await flushDeletedContent(ctx.db);
  }
  return { purged };
}
