// What staff see of incoming mail: the Inbox list (no text), one mail (text, attachments, what the intake
// form is prefilled with), one attachment's bytes, and a case's whole correspondence in time order.
// The callers audit every view of a mail or an attachment (api/inbox-handlers.ts).
import type { Kysely, Transaction } from 'kysely';
import type { DB, InboxMessageRow } from '../../../db/schema.ts';
import type { CaseThread, InboxAttachmentContent, InboxMessage, InboxPage, InboxRow, InboxStatus, ThreadEntry } from '../../contract/index.ts';
import { inboxStatuses, recordOf } from '../../contract/index.ts';
import { DeskError } from '../errors.ts';
import { resumeOffer } from './resume-offer.ts';

type Db = Kysely<DB> | Transaction<DB>;
type Row = Omit<InboxMessageRow, 'raw' | 'body_text'>;

const LIST_COLUMNS = [
  'inbox_messages.id', 'message_id', 'content_hash', 'size', 'source', 'imap_mailbox', 'imap_uidvalidity', 'imap_uid', 'arrived_at', 'arrival_source', 'date_header',
  'from_address', 'from_name', 'subject', 'recipient_count', 'in_reply_to', 'references', 'parse_state', 'kind', 'status', 'case_id', 'attached_by_rule',
  'dismiss_reason', 'oversize', 'after_close', 'handled_by', 'handled_at', 'stored_at',
] as const;

async function namesOf(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('inbox_attachments').select(['message_id', 'filename']).where('message_id', 'in', ids).orderBy('message_id').orderBy('position').execute();
  for (const r of rows) out.set(r.message_id, [...(out.get(r.message_id) ?? []), r.filename]);
  return out;
}

async function referencesOf(db: Db, caseIds: number[]): Promise<Map<number, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'reference']).where('id', 'in', [...new Set(caseIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.reference]));
}

function toRow(r: Row, names: string[], reference: string | null): InboxRow {
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    fromAddress: r.from_address,
    fromName: r.from_name,
    subject: r.subject,
    arrivedAt: r.arrived_at,
    arrivalSource: r.arrival_source,
    attachmentNames: names,
    unreadable: r.parse_state === 'unreadable',
    oversize: r.oversize === 1,
    size: r.size,
    caseId: r.case_id,
    reference,
    attachedBy: r.attached_by_rule,
    dismissReason: r.dismiss_reason,
    afterClose: r.after_close === 1,
    recipientCount: r.recipient_count,
  };
}

async function rowsToInbox(db: Db, rows: Row[]): Promise<InboxRow[]> {
  const names = await namesOf(db, rows.map((r) => r.id));
  const refs = await referencesOf(db, rows.flatMap((r) => (r.case_id === null ? [] : [r.case_id])));
  return rows.map((r) => toRow(r, names.get(r.id) ?? [], r.case_id === null ? null : (refs.get(r.case_id) ?? null)));
}

export async function listInbox(db: Db, q: { status: InboxStatus; page: number; pageSize: number }): Promise<InboxPage> {
  const rows = await db
    .selectFrom('inbox_messages')
    .select(LIST_COLUMNS)
    .where('status', '=', q.status)
    .orderBy('arrived_at', q.status === 'inbox' ? 'asc' : 'desc')
    .orderBy('inbox_messages.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const countRows = await db.selectFrom('inbox_messages').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const counts = recordOf(inboxStatuses, () => 0);
  for (const c of countRows) counts[c.status] = Number(c.n);
  return { rows: await rowsToInbox(db, rows), total: counts[q.status], counts };
}

export async function inboxRow(db: Db, id: number): Promise<InboxMessageRow> {
  const row = await db.selectFrom('inbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DeskError({ code: 'INBOX_MESSAGE_NOT_FOUND', id });
  return row;
}

export async function getInboxMessage(db: Db, id: number): Promise<InboxMessage> {
  const r = await inboxRow(db, id);
  const [row] = await rowsToInbox(db, [r]);
  const attachments = await db.selectFrom('inbox_attachments').select(['id', 'filename', 'content_type', 'size']).where('message_id', '=', id).orderBy('position').execute();
  return {
    ...row!,
    text: r.body_text,
    dateHeader: r.date_header,
    messageId: r.message_id,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, size: a.size })),
    prefill: { memberName: r.from_name, memberEmail: r.from_address, requestText: r.body_text.slice(0, 20_000), arrivedAt: r.arrived_at, channel: 'email' },
  };
}

export async function getAttachment(db: Db, id: number, attachmentId: number): Promise<InboxAttachmentContent & { caseId: number | null }> {
  const a = await db
    .selectFrom('inbox_attachments')
    .innerJoin('inbox_messages', 'inbox_messages.id', 'inbox_attachments.message_id')
    .select(['inbox_attachments.id', 'filename', 'content_type', 'inbox_attachments.size', 'content', 'inbox_messages.case_id'])
    .where('inbox_attachments.id', '=', attachmentId)
    .where('inbox_attachments.message_id', '=', id)
    .executeTakeFirst();
  if (!a) throw new DeskError({ code: 'INBOX_ATTACHMENT_NOT_FOUND', id, attachmentId });
  return { id: a.id, filename: a.filename, contentType: a.content_type, size: a.size, base64: Buffer.from(a.content).toString('base64'), caseId: a.case_id };
}

export async function caseThread(db: Db, caseId: number): Promise<CaseThread> {
  const c = await db.selectFrom('cases').select(['id', 'status']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw new DeskError({ code: 'CASE_NOT_FOUND', id: caseId });
  const incoming = await db.selectFrom('inbox_messages').select(LIST_COLUMNS).where('case_id', '=', caseId).execute();
  const outgoing = await db.selectFrom('outbox').select(['id', 'notice_kind', 'subject', 'state', 'to_address', 'sent_at', 'queued_at', 'created_at']).where('case_id', '=', caseId).where('state', '!=', 'cancelled').execute();
  const bounces = await db.selectFrom('outbox_bounces').select(['outbox_id', 'status', 'diagnostic']).where('outbox_id', 'in', outgoing.length ? outgoing.map((o) => o.id) : [0]).execute();
  const letters = await db.selectFrom('notices').select(['kind', 'note', 'recorded_at']).where('case_id', '=', caseId).where('channel', '=', 'letter').execute();
  const entries: ThreadEntry[] = [
    ...(await rowsToInbox(db, incoming)).map((inbox): ThreadEntry => ({ kind: 'incoming', at: inbox.arrivedAt, inbox })),
    ...outgoing.map((o): ThreadEntry => {
      const b = bounces.find((x) => x.outbox_id === o.id);
      return { kind: 'outgoing', at: o.sent_at ?? o.queued_at ?? o.created_at, outboxId: o.id, noticeKind: o.notice_kind, subject: o.subject, state: o.state, to: o.to_address, bounced: b ? { status: b.status, diagnostic: b.diagnostic } : null };
    }),
    ...letters.map((l): ThreadEntry => ({ kind: 'letter', at: l.recorded_at, noticeKind: l.kind, note: l.note })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return { caseId, entries, resumeOffer: await resumeOffer(db, c) };
}
