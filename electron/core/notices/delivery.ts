// One notice, one delivery (DOMAIN.md "Notices"; issue 10). The one owner of these rules:
//
// - Each notice a case owes is ONE notice with a channel (recipient.ts `channelOf`). The first delivery,
//   by whichever channel, is the notice record (notices row, copy = 0). Delivering the same notice by the
//   other channel afterwards is a copy (copy = 1), which a person confirms at the entry point
//   (outbox.send / letters.recordPrinted / cases.recordNotice with `copy: true`).
// - A notice is "the same" within its round: a documents/fee request is owed again after each pause for
//   documents or the fee, an extension notice after each extension; the others once per case.
// - Printing a letter settles the matching unsent email (cancelled, reason delivered_by_letter, by whom).
//   Sending the email settles the letter: a delivered notice is no longer ready to print.
// - Nothing owed is cancelled without a person: closing a case with unsent owed notices asks, naming
//   them (OWED_NOTICES_UNSENT), and records who dropped them; an acknowledgement still unsent after the
//   decision cannot be sent and waits for a person to cancel it as superseded.
import type { CaseStatus, DeliveryChannel, DraftCancellation, NoticeKind, OwedNotice, OwedNoticeNext, OwedNoticeState } from '../../contract/index.ts';
import { draftCancelReasons, type DraftCancelled, type DraftCancelReason, isOneOf, isFinalNoticeKind } from '../../contract/index.ts';
import { readDraftCancelled, storeCode } from '../codes/stored.ts';
import type { Db } from '../cases/records.ts';
import { channelOf, recipientSourceOfRow, type RecipientSource } from './recipient.ts';
import { isJsonObject, parseStoredJson } from '../../../db/json.ts';

export const BEFORE_DECISION: readonly CaseStatus[] = ['received', 'awaiting_requester', 'in_review'];

interface EventLike {
  kind: string;
  at: string;
  data: string | Record<string, unknown>;
}

function dataOf(e: EventLike): Record<string, unknown> {
  if (typeof e.data !== 'string') return e.data;
  const d = parseStoredJson(e.data, 'case_events.data');
  return isJsonObject(d) ? d : {};
}

/** A pause that owes the requester a documents/fee request (a clarification is asked another way). */
const asksForDocuments = (e: EventLike) => e.kind === 'pause' && ['identity_documents', 'fee'].includes(String(dataOf(e).reasonKind));

/** When the current round of a notice began ('' = the case's whole life); null when the case does not owe it. */
export function roundStart(kind: NoticeKind, c: { outcome: string | null; closure_ground: string | null; status: string; type?: string; reply_template?: string | null }, events: readonly EventLike[]): string | null {
  // An inquiry or complaint (issue 19) owes one notice: its reply, once an answer is written; a request never owes one.
  const contact = c.type === 'inquiry' || c.type === 'complaint';
  if (kind === 'reply') return contact && c.reply_template !== null && c.reply_template !== undefined ? '' : null;
  if (contact && kind !== 'documents_request') return null;
  switch (kind) {
    case 'acknowledgement':
      return '';
    case 'documents_request':
      return events.filter(asksForDocuments).at(-1)?.at ?? null;
    case 'extension':
      return events.filter((e) => e.kind === 'extend').at(-1)?.at ?? null;
    case 'decision':
      return c.outcome !== null && c.closure_ground === null && ['decided', 'approved', 'notified', 'closed'].includes(c.status) ? '' : null;
    case 'withdrawal':
      return c.closure_ground === 'withdrawn' ? '' : null;
    case 'rejection':
      return c.closure_ground !== null && c.closure_ground !== 'withdrawn' ? '' : null;
  }
  return null;
}

export interface NoticeRow {
  id: number;
  kind: NoticeKind;
  channel: 'mail' | 'letter';
  copy: number;
  recorded_at: string;
}

/**
 * The notice record (not a copy) of this kind in its round, if it was delivered. An email the member's
 * server sent back (`mailBounced`) was not delivered: it is not the notice, and whatever delivers the
 * notice afterwards (the letter, usually) is.
 */
export function originalOf(notices: readonly NoticeRow[], kind: NoticeKind, since: string, mailBounced = false): NoticeRow | undefined {
  return notices.find((n) => n.kind === kind && n.copy === 0 && n.recorded_at >= since && !(mailBounced && n.channel === 'mail'));
}

/** Whether this notice's email came back: its latest email in the round is `bounced` (none sent since). */
export function mailBouncedOf(outbox: ReadonlyArray<Pick<OutboxLike, 'notice_kind' | 'state' | 'created_at'>>, kind: NoticeKind, since: string): boolean {
  return outbox.filter((m) => m.notice_kind === kind && m.created_at >= since && m.state !== 'cancelled' && m.state !== 'draft').at(-1)?.state === 'bounced';
}

/** The original notice of `kind` in its current round, read from the database (entry points and recordNotice). */
export async function deliveredNotice(db: Db, caseId: number, kind: NoticeKind): Promise<NoticeRow | undefined> {
  return (await noticeRecord(db, caseId, kind)).original;
}

/** The original notice of `kind` in its round, and whether its email came back (then it is not the original). */
export async function noticeRecord(db: Db, caseId: number, kind: NoticeKind): Promise<{ original: NoticeRow | undefined; bounced: boolean }> {
  const c = await db.selectFrom('cases').select(['outcome', 'closure_ground', 'status', 'type', 'reply_template']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const events = await db.selectFrom('case_events').select(['kind', 'at', 'data']).where('case_id', '=', caseId).where('kind', 'in', ['pause', 'extend']).orderBy('id').execute();
  const since = roundStart(kind, c, events) ?? '';
  const rows = await db.selectFrom('notices').select(['id', 'kind', 'channel', 'copy', 'recorded_at']).where('case_id', '=', caseId).where('kind', '=', kind).orderBy('id').execute();
  const mail = await db.selectFrom('outbox').select(['notice_kind', 'state', 'created_at']).where('case_id', '=', caseId).where('notice_kind', '=', kind).orderBy('id').execute();
  const bounced = mailBouncedOf(mail, kind, since);
  return { original: originalOf(rows, kind, since, bounced), bounced };
}

export interface OutboxLike {
  id: number;
  notice_kind: string;
  state: 'draft' | 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'cancelled';
  cancel_reason: string | null;
  cancelled_by: string | null;
  cancel_note: string;
  created_at: string;
  updated_at: string;
}

/** A stored cancel reason as a code; rows from before codes keep their old text as the note. */
export function cancellationOf(m: OutboxLike): DraftCancellation | null {
  if (m.state !== 'cancelled') return null;
  // Stored as issue 12's DraftCancelled code (JSON); anything else is read as 'other', its text the note.
  const c = readDraftCancelled(m.cancel_reason);
  const reason: DraftCancelReason | null = c !== null && isOneOf(draftCancelReasons, c.reason) ? c.reason : null;
  const known = reason !== null;
  return {
    reason: reason ?? 'other',
    by: c?.by ?? m.cancelled_by,
    at: m.updated_at,
    note: c?.note ?? (known ? '' : (m.cancel_reason ?? '')),
  };
}

const LIVE = new Set(['draft', 'queued', 'sending', 'failed', 'bounced']);

export interface OwedInput {
  status: CaseStatus;
  outcome: string | null;
  closure_ground: string | null;
  type?: string;
  reply_template?: string | null;
  recipient: RecipientSource;
  events: readonly EventLike[];
  notices: readonly NoticeRow[];
  outbox: readonly OutboxLike[];
}

/** Every notice the case owes or owed, in the order they arise, with its state and the next thing to do. */
export function owedNotices(input: OwedInput): OwedNotice[] {
  const channel: DeliveryChannel = channelOf(input.recipient);
  const kinds: NoticeKind[] = ['acknowledgement', 'documents_request', 'extension', 'decision', 'withdrawal', 'rejection', 'reply'];
  const finalDelivered = input.notices.some((n) => isFinalNoticeKind(n.kind) && n.copy === 0);
  const out: OwedNotice[] = [];
  for (const kind of kinds) {
    const since = roundStart(kind, input, input.events);
    if (since === null) continue;
    const bounced = mailBouncedOf(input.outbox, kind, since);
    const original = originalOf(input.notices, kind, since, bounced);
    const copies = input.notices.filter((n) => n.kind === kind && n.copy === 1 && n.recorded_at >= since).map((n) => n.channel);
    const messages = input.outbox.filter((m) => m.notice_kind === kind && m.created_at >= since);
    const latest = messages.at(-1);
    const live = messages.filter((m) => LIVE.has(m.state)).at(-1);
    // Still worth sending on its own: an acknowledgement before the decision, a documents request while
    // the case waits, an extension before the answer. Past that, it is listed only if something exists.
    const relevant =
      kind === 'acknowledgement' ? BEFORE_DECISION.includes(input.status)
      : kind === 'documents_request' ? input.status === 'awaiting_requester'
      : kind === 'extension' ? !finalDelivered && input.status !== 'closed'
      : true;
    if (!original && !latest && !relevant) continue;
    let state: OwedNoticeState;
    let next: OwedNoticeNext;
    const shown = live ?? latest;
    if (original) {
      state = original.channel === 'mail' ? 'sent' : 'printed';
      next = 'none';
    } else if (shown && shown.state === 'draft') {
      state = 'draft';
      next = kind === 'acknowledgement' && !BEFORE_DECISION.includes(input.status) ? 'cancel_superseded' : (kind === 'decision' || kind === 'reply') && input.status === 'decided' ? 'approve_first' : 'review_and_send';
    } else if (shown && (shown.state === 'queued' || shown.state === 'sending')) {
      state = 'queued';
      next = 'wait_for_sender';
    } else if (shown && shown.state === 'bounced') {
      // The member's server sent it back: not delivered. A letter is the sure way (or a corrected address).
      state = 'bounced';
      next = 'send_by_letter';
    } else if (shown && shown.state === 'failed') {
      state = 'failed';
      next = 'fix_or_print';
    } else if (shown && shown.state === 'cancelled') {
      state = 'cancelled';
      // Every cancellation is a person's decision or a settlement (delivered, replaced, answered otherwise).
      next = 'none';
    } else {
      state = 'to_prepare';
      next = (kind === 'decision' || kind === 'reply') && input.status === 'decided' ? 'approve_first' : channel === 'letter' ? 'print_letter' : 'write_draft';
    }
    out.push({
      kind,
      channel: original?.channel ?? channel,
      state,
      outboxId: shown?.id ?? null,
      deliveredAt: original?.recorded_at ?? null,
      deliveredBy: original?.channel ?? null,
      copies,
      cancellation: !original && shown ? cancellationOf(shown) : null,
      next,
    });
  }
  return out;
}

/** The owed notices a person must decide about before the case closes (undelivered and not settled). */
export function unsettled(owed: readonly OwedNotice[]): OwedNotice[] {
  return owed.filter((o) => o.next !== 'none' && o.next !== 'wait_for_sender');
}

/** Loads what owedNotices needs for one case. */
export async function loadOwedNotices(db: Db, caseId: number): Promise<OwedNotice[]> {
  const c = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const events = await db.selectFrom('case_events').select(['kind', 'at', 'data']).where('case_id', '=', caseId).where('kind', 'in', ['pause', 'extend']).orderBy('id').execute();
  const notices = await db.selectFrom('notices').select(['id', 'kind', 'channel', 'copy', 'recorded_at']).where('case_id', '=', caseId).orderBy('id').execute();
  const outbox = await db
    .selectFrom('outbox')
    .select(['id', 'notice_kind', 'state', 'cancel_reason', 'cancelled_by', 'cancel_note', 'created_at', 'updated_at'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return owedNotices({ status: c.status, outcome: c.outcome, closure_ground: c.closure_ground, type: c.type, reply_template: c.reply_template, recipient: recipientSourceOfRow(c), events, notices, outbox });
}

/**
 * Cancels unsent outbox messages of some notice kinds of a case with a reason code and who caused it.
 * `states`: which unsent states (a queued message is left to go out unless named).
 */
export async function settleMessages(
  db: Db,
  caseId: number,
  kinds: readonly NoticeKind[],
  reason: DraftCancelled['reason'],
  by: string | null,
  now: Date,
  states: ReadonlyArray<'draft' | 'queued' | 'failed'> = ['draft', 'queued', 'failed'],
  note = '',
): Promise<number[]> {
  if (kinds.length === 0) return [];
  const rows = await db.selectFrom('outbox').select('id').where('case_id', '=', caseId).where('notice_kind', 'in', [...kinds]).where('state', 'in', [...states]).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  await db
    .updateTable('outbox')
    .set({ state: 'cancelled', cancel_reason: storeCode({ code: 'DRAFT_CANCELLED', reason, ...(by ? { by } : {}), ...(note ? { note } : {}) }), cancelled_by: by, cancel_note: note, next_attempt_at: null, updated_at: now.toISOString() })
    .where('id', 'in', ids)
    .where('state', 'in', [...states])
    .execute();
  return ids;
}
