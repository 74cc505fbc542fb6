// The outbox as staff work it: drafts written from the notice texts inside the transaction of the case
// change that causes them, reviewed and edited, then sent (queued for the sender), retried or cancelled.
// Every refusal says why in words an agent can act on; the Outbox screen shows `statusText` and offers
// only `allowedActions`.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CaseRow, DB, OutboxRow } from '../../../db/schema.ts';
import { memberEmail, MAX_MAIL_BODY, outboxStates, type CaseStatus, type DeskSettings, type DraftCancelled, type SendRefusal, type NoticeKind, type OutboxAction, type OutboxMessage, type OutboxPage, type OutboxState, type OutboxSummary, type SessionUser, isFinalNoticeKind, recordOf } from '../../contract/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { DeskCalendar } from '../calendar/index.ts';
import { loadCaseFile } from '../cases/case-file.ts';
import { recordEvent } from '../cases/records.ts';
import { DeskError } from '../errors.ts';
import { finalNoticeRefusal } from '../cases/lifecycle.ts';
import { readDraftCancelled, readMailFailure, storeCode } from '../codes/stored.ts';
import { buildNotice } from '../notices/build-notice.ts';
import { noticeEmail } from '../notices/email-text.ts';
import { BEFORE_DECISION, deliveredNotice } from '../notices/delivery.ts';
import { channelOf, recipientOf } from '../notices/recipient.ts';
import { attachmentInfo } from './attachments.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Used when the desk's own email address has no usable domain (it is always validated, so rarely). */
export const MESSAGE_ID_DOMAIN = 'privacy-desk.local';

/** The domain of the desk's own address: Message-IDs are made under it, so mail filters see them as the desk's. */
export function messageIdDomain(deskEmail: string): string {
  const domain = deskEmail.split('@')[1]?.toLowerCase() ?? '';
  return /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/.test(domain) ? domain : MESSAGE_ID_DOMAIN;
}

/** A Message-ID fixed when the message is drafted: every resend carries the same one. */
export function newMessageId(domain = MESSAGE_ID_DOMAIN): string {
  return `<${randomUUID()}@${domain}>`;
}

export const MESSAGE_ID_PATTERN = /^<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+>$/;

// ——— drafting (inside the case change's transaction) ———

export interface DraftContext {
  calendar: DeskCalendar;
  actor: SessionUser;
  now: Date;
  settings: DeskSettings;
}

/**
 * Writes one notice as an email draft for the case, from the notice texts and the case file as it stands
 * in this transaction. No email address: no draft (the notice goes as a letter). Returns the draft's id.
 */
export async function draftNotice(db: Db, caseId: number, kind: NoticeKind, ctx: DraftContext): Promise<number | null> {
  const file = await loadCaseFile(db, ctx.calendar, ctx.actor, ctx.now, caseId, ctx.settings.legalMarkWarnDays);
  // To the requester (a representative's or agent's own address); a requester answered on paper gets letters.
  const to = recipientOf(file.case).email;
  if (!to || channelOf(file.case) !== 'mail') return null;
  const { subject, body } = noticeEmail(buildNotice({ kind, file, settings: ctx.settings, issuedAt: ctx.now }));
  if (body.length > MAX_MAIL_BODY) {
    await recordEvent(db, caseId, file.case.reference, ctx.actor.username, ctx.now, {
      kind: 'mail_draft_skipped',
      data: { noticeKind: kind, length: body.length, limit: MAX_MAIL_BODY },
    });
    return null;
  }
  const at = ctx.now.toISOString();
  const { id } = await db
    .insertInto('outbox')
    .values({
      case_id: caseId,
      notice_kind: kind,
      message_id: newMessageId(messageIdDomain(ctx.settings.desk.email)),
      to_address: to,
      subject,
      body_text: body,
      state: 'draft',
      created_by: ctx.actor.username,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Cancels the unsent messages of some notice kinds of a case (a superseded decision, a withdrawn request). */
export async function cancelPending(db: Db, caseId: number, kinds: readonly NoticeKind[], reason: DraftCancelled['reason'], now: Date, states: readonly OutboxState[] = ['draft', 'queued', 'failed']): Promise<number> {
  const r = await db
    .updateTable('outbox')
    .set({ state: 'cancelled', cancel_reason: storeCode({ code: 'DRAFT_CANCELLED', reason }), next_attempt_at: null, updated_at: now.toISOString() })
    .where('case_id', '=', caseId)
    .where('notice_kind', 'in', [...kinds])
    .where('state', 'in', [...states])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function hasMessage(db: Db, caseId: number, kind: NoticeKind, states: readonly OutboxState[]): Promise<boolean> {
  const row = await db.selectFrom('outbox').select('id').where('case_id', '=', caseId).where('notice_kind', '=', kind).where('state', 'in', [...states]).limit(1).executeTakeFirst();
  return row !== undefined;
}

// ——— what staff see ———

type Joined = OutboxRow & { reference: string; member_name: string; case_status: CaseRow['status'] };

function joined(db: Db) {
  return db
    .selectFrom('outbox')
    .innerJoin('cases', 'cases.id', 'outbox.case_id')
    .selectAll('outbox')
    .select(['cases.reference as reference', 'cases.member_name as member_name', 'cases.status as case_status']);
}

/** Which case statuses a notice may go out from: the lifecycle's rule for final notices (one owner). */
export function sendRefusal(kind: NoticeKind, caseStatus: CaseStatus): SendRefusal | null {
  if (caseStatus === 'closed') return { code: 'CASE_CLOSED_NO_SEND' };
  // An acknowledgement arriving after the decision would confuse the requester: a person cancels it as superseded.
  if (kind === 'acknowledgement' && !BEFORE_DECISION.includes(caseStatus)) return { code: 'ACKNOWLEDGEMENT_AFTER_DECISION' };
  if (!isFinalNoticeKind(kind)) return null;
  return finalNoticeRefusal(kind, caseStatus, true);
}

function allowed(r: Joined, blocked: SendRefusal | null): OutboxAction[] {
  switch (r.state) {
    case 'draft':
      return blocked ? ['update', 'cancel'] : ['update', 'send', 'cancel'];
    case 'queued':
      return ['cancel'];
    case 'failed':
    case 'bounced':
      // A bounce: correct the address and retry, or cancel it and send the notice by letter.
      return r.case_status === 'closed' ? ['cancel'] : ['update', 'retry', 'cancel'];
    case 'cancelled':
      // Settled by a letter: the same notice may still go by email as a copy, if a person confirms.
      return readDraftCancelled(r.cancel_reason)?.reason === 'delivered_by_letter' && r.case_status !== 'closed' ? ['sendCopy'] : [];
    default:
      return [];
  }
}

/**
 * `senderNextTry`: when the sender next probes the server (mail.status). A queued message waiting only for
 * the server to be reachable has no time of its own, so that is its next try.
 */
function summary(r: Joined, senderNextTry: string | null): OutboxSummary {
  const blocked = r.state === 'draft' || r.state === 'failed' || r.state === 'bounced' ? sendRefusal(r.notice_kind, r.case_status) : null;
  const nextTry = r.state !== 'queued' ? null : r.next_attempt_at !== null && (senderNextTry === null || r.next_attempt_at > senderNextTry) ? r.next_attempt_at : r.attempts > 0 ? senderNextTry : null;
  return {
    id: r.id,
    caseId: r.case_id,
    reference: r.reference,
    memberName: r.member_name,
    noticeKind: r.notice_kind,
    to: r.to_address,
    subject: r.subject,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: nextTry,
    lastError: readMailFailure(r.last_error),
    possiblyDuplicated: r.possibly_duplicated === 1,
    allowedActions: allowed(r, blocked),
    sendBlockedReason: r.state === 'draft' ? blocked : null,
    cancelReason: readDraftCancelled(r.cancel_reason),
    createdBy: r.created_by,
    createdAt: r.created_at,
    queuedBy: r.queued_by,
    queuedAt: r.queued_at,
    sentAt: r.sent_at,
    updatedAt: r.updated_at,
  };
}

export async function outboxCounts(db: Db): Promise<Record<OutboxState, number>> {
  const rows = await db.selectFrom('outbox').select(['state', sql<number>`count(*)`.as('n')]).groupBy('state').execute();
  const counts = recordOf(outboxStates, () => 0);
  for (const r of rows) counts[r.state] = Number(r.n);
  return counts;
}

export async function listOutbox(db: Db, q: { state: OutboxState | null; caseId: number | null; page: number; pageSize: number }, senderNextTry: string | null = null): Promise<OutboxPage> {
  let base = joined(db);
  if (q.state) base = base.where('outbox.state', '=', q.state);
  if (q.caseId !== null) base = base.where('outbox.case_id', '=', q.caseId);
  const total = await db
    .selectFrom('outbox')
    .select(sql<number>`count(*)`.as('n'))
    .$if(q.state !== null, (b) => b.where('state', '=', q.state!))
    .$if(q.caseId !== null, (b) => b.where('case_id', '=', q.caseId!))
    .executeTakeFirstOrThrow();
  // The queue in the order it is sent; everything else newest first.
  const ordered = q.state === 'queued' ? base.orderBy('outbox.queued_at').orderBy('outbox.id') : base.orderBy('outbox.id', 'desc');
  const rows = (await ordered.limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute()) as Joined[];
  return { rows: rows.map((r) => summary(r, senderNextTry)), total: Number(total.n), page: q.page, pageSize: q.pageSize, counts: await outboxCounts(db) };
}

async function joinedRow(db: Db, id: number): Promise<Joined> {
  const r = (await joined(db).where('outbox.id', '=', id).executeTakeFirst()) as Joined | undefined;
  if (!r) throw new DeskError({ code: 'OUTBOX_MESSAGE_NOT_FOUND', id });
  return r;
}

export async function getOutbox(db: Db, id: number, senderNextTry: string | null = null): Promise<OutboxMessage> {
  const r = await joinedRow(db, id);
  return { ...summary(r, senderNextTry), messageId: r.message_id, body: r.body_text, attachments: await attachmentInfo(db, id) };
}

// ——— what staff do ———

function refuse(r: Joined, action: 'edit' | 'send' | 'retry' | 'cancel'): never {
  throw new DeskError({ code: 'MESSAGE_WRONG_STATE', state: r.state, action });
}

async function audit(db: Db, actor: string, action: string, r: Joined, detail: Record<string, unknown>, now: Date): Promise<void> {
  await appendAudit(db, { actor, action: `outbox.${action}`, entity: 'outbox', entityId: String(r.id), detail: { reference: r.reference, noticeKind: r.notice_kind, ...detail } }, now);
}

export interface OutboxEdit {
  id: number;
  to?: string | undefined;
  subject?: string | undefined;
  body?: string | undefined;
}

/** Edits a draft (or a failed message before a retry): the recipient, the subject, the text. */
export async function updateMessage(db: Db, input: OutboxEdit, actor: string, now: Date): Promise<void> {
  const r = await joinedRow(db, input.id);
  if (r.state !== 'draft' && r.state !== 'failed' && r.state !== 'bounced') refuse(r, 'edit');
  const changes: { to_address?: string; subject?: string; body_text?: string } = {};
  if (input.to !== undefined && input.to !== r.to_address) changes.to_address = input.to;
  if (input.subject !== undefined && input.subject !== r.subject) changes.subject = input.subject;
  if (input.body !== undefined && input.body !== r.body_text) changes.body_text = input.body;
  if (Object.keys(changes).length === 0) return;
  const u = await db
    .updateTable('outbox')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('id', '=', r.id)
    .where('state', 'in', ['draft', 'failed', 'bounced'])
    .executeTakeFirst();
  if (Number(u.numUpdatedRows) === 0) refuse(await joinedRow(db, r.id), 'edit');
  const fields = Object.keys(changes).map((k) => ({ to_address: 'to', subject: 'subject', body_text: 'body' })[k]);
  const detail = { outboxId: r.id, noticeKind: r.notice_kind, fields, ...(changes.to_address ? { toBefore: r.to_address, to: changes.to_address } : {}) };
  await recordEvent(db, r.case_id, r.reference, actor, now, { kind: 'mail_edited', data: detail });
}

/**
 * draft → queued: the sender takes it when the mail server can be reached. A notice already delivered
 * (by letter, or an earlier email) goes only as a copy a person confirmed (`copy`); a message settled by
 * a letter (cancelled, delivered_by_letter) can be sent that way too.
 */
export async function queueMessage(db: Db, id: number, actor: string, now: Date, copy = false): Promise<void> {
  const r = await joinedRow(db, id);
  const settledByLetter = r.state === 'cancelled' && readDraftCancelled(r.cancel_reason)?.reason === 'delivered_by_letter';
  if (r.state !== 'draft' && !settledByLetter) refuse(r, 'send');
  const kind = r.notice_kind;
  const original = await deliveredNotice(db, r.case_id, kind);
  if (r.state !== 'draft' && !original) refuse(r, 'send');
  if (original && !copy) throw new DeskError({ code: 'NOTICE_ALREADY_DELIVERED', kind, channel: original.channel, at: original.recorded_at }, { field: 'copy' });
  // A copy of a delivered notice answers nothing new: the status rules apply to the first delivery only.
  const why = original ? (r.case_status === 'closed' ? sendRefusal(kind, 'closed') : null) : sendRefusal(kind, r.case_status);
  if (why) throw new DeskError(why);
  // The recipient is checked again as the server will see it: exactly the validated address.
  const to = memberEmail.safeParse(r.to_address);
  if (!to.success || to.data !== r.to_address) throw new DeskError({ code: 'RECIPIENT_INVALID', to: r.to_address.slice(0, 80) }, { field: 'to' });
  const at = now.toISOString();
  const u = await db
    .updateTable('outbox')
    .set({ state: 'queued', queued_at: at, queued_by: actor, next_attempt_at: null, updated_at: at, cancel_reason: null, cancelled_by: null, cancel_note: '' })
    .where('id', '=', id)
    .where('state', '=', r.state)
    .executeTakeFirst();
  if (Number(u.numUpdatedRows) === 0) refuse(await joinedRow(db, id), 'send');
  await audit(db, actor, 'send', r, { to: r.to_address, copy: original !== undefined }, now);
}

/** failed or bounced → queued, with a fresh set of tries (a bounce: to the address staff corrected). */
export async function retryMessage(db: Db, id: number, actor: string, now: Date): Promise<void> {
  const r = await joinedRow(db, id);
  if (r.state !== 'failed' && r.state !== 'bounced') refuse(r, 'retry');
  const why = sendRefusal(r.notice_kind, r.case_status);
  if (why) throw new DeskError(why);
  const at = now.toISOString();
  const u = await db
    .updateTable('outbox')
    .set({ state: 'queued', server_attempts: 0, next_attempt_at: null, queued_by: actor, queued_at: r.queued_at ?? at, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', r.state)
    .executeTakeFirst();
  if (Number(u.numUpdatedRows) === 0) refuse(await joinedRow(db, id), 'retry');
  await audit(db, actor, 'retry', r, {}, now);
}

/** A person cancels a message: `superseded` (an acknowledgement the decision replaced) or in their own words. */
export async function cancelMessage(db: Db, id: number, reason: string, actor: string, now: Date, as: 'by_staff' | 'superseded' = 'by_staff'): Promise<void> {
  const r = await joinedRow(db, id);
  if (r.state !== 'draft' && r.state !== 'queued' && r.state !== 'failed' && r.state !== 'bounced') refuse(r, 'cancel');
  const u = await db
    .updateTable('outbox')
    .set({ state: 'cancelled', cancel_reason: storeCode({ code: 'DRAFT_CANCELLED', reason: as, by: actor, ...(reason ? { note: reason } : {}) }), cancelled_by: actor, cancel_note: reason, next_attempt_at: null, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('state', 'in', ['draft', 'queued', 'failed', 'bounced'])
    .executeTakeFirst();
  if (Number(u.numUpdatedRows) === 0) refuse(await joinedRow(db, id), 'cancel');
  await audit(db, actor, 'cancel', r, { reason }, now);
}
