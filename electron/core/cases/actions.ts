// Every move on a case: check it against the lifecycle, write the change, its timeline event and its
// audit row in one transaction, refresh the cached deadline and the search text.
import type { z } from 'zod';
import type { caseInputs, CaseStatus, RequestType, BulkOutcome } from '../../contract/index.ts';
import { isOutcome, isRequestType, requestKinds, isFinalNoticeKind, isOneOf } from '../../contract/index.ts';
import type { CaseRow } from '../../../db/schema.ts';
import { CalendarError, japanDateOf, validateDeadlineEvent, type DeadlineEvent, type DeskCalendar, type ResumeEvent } from '../calendar/index.ts';
import { DeskError } from '../errors.ts';
import { decisionProblem, finalNoticeRefusal, proposedEnding, refusal, type Actor } from './lifecycle.ts';
import { lifecycleFacts, staleCertificates } from './case-file.ts';
import { caseEvents, caseRow, recordEvent, refreshDeadline, refreshSearch, type Db } from './records.ts';
import { deadlineCaseOf } from './deadline-of-case.ts';
import { loadOwedNotices, noticeRecord, settleMessages, unsettled } from '../notices/delivery.ts';
import { mailEventFacts, type NoticeDelivery } from '../notices/mailed-notice.ts';
import type { CaseAction, ResumedOnReply, TimelineEventKind } from '../../contract/index.ts';
import { fromJson, toJson } from '../../../db/json.ts';
import { resumeOffer } from '../inbox/resume-offer.ts';

type In<K extends keyof typeof caseInputs> = z.output<(typeof caseInputs)[K]>;

export interface ActionContext {
  db: Db;
  calendar: DeskCalendar;
  actor: Actor;
  now: Date;
}

async function guard(ctx: ActionContext, action: CaseAction, row: CaseRow): Promise<void> {
  const why = refusal(action, await lifecycleFacts(ctx.db, row), ctx.actor);
  if (why) throw new DeskError(why);
}

async function setStatus(ctx: ActionContext, row: CaseRow, to: CaseStatus, changes: Partial<CaseRow>, event: { kind: TimelineEventKind; data?: Record<string, unknown> }): Promise<void> {
  await ctx.db
    .updateTable('cases')
    .set({ ...changes, status: to, updated_at: ctx.now.toISOString() })
    .where('id', '=', row.id)
    .execute();
  await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, {
    kind: event.kind,
    data: { ...(event.data ?? {}), from: row.status, to },
    before: { status: row.status },
    after: { status: to },
  });
}

/** Pause, resume and extend go through core/calendar's validation: reasons, no backdating, later dates. */
async function deadlineEvent(ctx: ActionContext, row: CaseRow, event: DeadlineEvent, field: string): Promise<void> {
  try {
    validateDeadlineEvent(ctx.calendar, deadlineCaseOf(row, await caseEvents(ctx.db, row.id)), event, ctx.now);
  } catch (e) {
    if (e instanceof CalendarError) throw new DeskError(e.toReason(), { field });
    throw e;
  }
}

export async function startReview(ctx: ActionContext, { id }: In<'startReview'>): Promise<void> {
  const row = await caseRow(ctx.db, id);
  await guard(ctx, 'startReview', row);
  await setStatus(ctx, row, 'in_review', { assignee: row.assignee ?? ctx.actor.username }, { kind: 'status' });
}

export async function pause(ctx: ActionContext, input: In<'pause'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'pause', row);
  const at = ctx.now.toISOString();
  await deadlineEvent(ctx, row, { type: 'pause', at, reason: input.reason }, 'reason');
  await ctx.db.updateTable('cases').set({ status: 'awaiting_requester', paused_from: row.status, updated_at: at }).where('id', '=', row.id).execute();
  await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, {
    kind: 'pause',
    data: { reason: input.reason, reasonKind: input.reasonKind, from: row.status, to: 'awaiting_requester' },
    before: { status: row.status },
    after: { status: 'awaiting_requester' },
  });
  await refreshDeadline(ctx.db, ctx.calendar, await caseRow(ctx.db, row.id));
}

/** The reply a resume names, if it is the one the case's correspondence offers (core/inbox/resume-offer.ts). */
async function offeredReply(ctx: ActionContext, row: CaseRow, inboxId: number): Promise<ResumedOnReply> {
  const offer = await resumeOffer(ctx.db, row);
  if (offer?.inboxId !== inboxId) throw new DeskError({ code: 'REPLY_NOT_OFFERED', inboxId }, { field: 'inboxId' });
  return { reasonKind: 'requester_reply', inboxId, replyAt: offer.arrivedAt };
}

export async function resume(ctx: ActionContext, input: In<'resume'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'resume', row);
  const at = ctx.now.toISOString();
  // On the requester's reply the desk keeps which mail and when it came, for the screens to word: no sentence.
  const event: ResumeEvent =
    input.reasonKind === 'requester_reply' ? { type: 'resume', at, reason: '', reply: await offeredReply(ctx, row, input.inboxId) } : { type: 'resume', at, reason: input.reason };
  await deadlineEvent(ctx, row, event, event.reply ? 'inboxId' : 'reason');
  const back = row.paused_from ?? 'in_review';
  await ctx.db.updateTable('cases').set({ status: back, paused_from: null, updated_at: at }).where('id', '=', row.id).execute();
  await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, {
    kind: 'resume',
    data: { ...(event.reply ?? { reason: event.reason }), from: row.status, to: back, dueBefore: row.due_date },
    before: { status: row.status, due: row.due_date },
  });
  await refreshDeadline(ctx.db, ctx.calendar, await caseRow(ctx.db, row.id));
}

export async function extend(ctx: ActionContext, input: In<'extend'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'extend', row);
  await deadlineEvent(ctx, row, { type: 'extend', at: ctx.now.toISOString(), reason: input.reason, due: input.due }, 'due');
  await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, {
    kind: 'extend',
    data: { reason: input.reason, due: input.due, dueBefore: row.due_date },
    before: { due: row.due_date },
    after: { due: input.due },
  });
  await refreshDeadline(ctx.db, ctx.calendar, row);
}

/** What the member asks for, as stored or as the decision now records it; a decision needs it. */
function decisionKinds(row: CaseRow, type: RequestType, given: readonly string[] | undefined): string[] {
  const kinds = given && given.length > 0 ? [...new Set(given)] : fromJson(row.kinds);
  const bad = kinds.find((k) => !isOneOf(requestKinds[type], k));
  if (bad) throw new DeskError({ code: 'KIND_NOT_ASKED', kind: bad, type }, { field: 'kinds' });
  if (type !== 'disclosure' && kinds.length === 0) throw new DeskError({ code: 'KINDS_REQUIRED', type }, { field: 'kinds' });
  return kinds;
}

export async function decide(ctx: ActionContext, input: In<'decide'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'decide', row);
  // The lifecycle refuses deciding an inquiry or complaint (NOT_FOR_CASE_TYPE); this says so to tsc.
  const type = row.type;
  if (!isRequestType(type)) throw new DeskError({ code: 'NOT_FOR_CASE_TYPE', action: 'decide', type });
  const kinds = decisionKinds(row, type, input.kinds);
  const problem = decisionProblem(type, input);
  if (problem) throw new DeskError(problem.reason, { field: problem.field });
  const outcome = input.outcome;
  if (!isOutcome(outcome)) throw new DeskError({ code: 'OUTCOME_NOT_OF_TYPE', type }, { field: 'outcome' });
  await setStatus(
    ctx,
    row,
    'decided',
    {
      kinds: toJson(kinds),
      outcome,
      grounds: toJson(input.grounds),
      reasoning: input.reasoning,
      alternative_measure: input.alternativeMeasure,
      decided_by: ctx.actor.username,
      decided_at: ctx.now.toISOString(),
      approved_by: null,
      approved_at: null,
      // A decision replaces a proposed rejection or withdrawal.
      closure_ground: null,
      closure_reason: '',
    },
    { kind: 'decision', data: { outcome: input.outcome, grounds: input.grounds, ...(row.kinds !== JSON.stringify(kinds) ? { kinds } : {}) } },
  );
  if (row.kinds !== JSON.stringify(kinds)) await refreshSearch(ctx.db, row.id);
}

export async function returnForRevision(ctx: ActionContext, input: In<'returnForRevision'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'returnForRevision', row);
  await setStatus(
    ctx,
    row,
    'in_review',
    { approved_by: null, approved_at: null, closure_ground: null, closure_reason: '' },
    { kind: 'returned', data: { reason: input.reason, outcome: row.outcome, ...(proposedEnding(row) ? { proposed: proposedEnding(row) } : {}) } },
  );
}

export async function approve(ctx: ActionContext, { id }: In<'approve'>): Promise<void> {
  const row = await caseRow(ctx.db, id);
  await guard(ctx, 'approve', row);
  const approval = { approved_by: ctx.actor.username, approved_at: ctx.now.toISOString() };
  const ending = proposedEnding(row);
  if (ending === 'rejection') {
    await setStatus(ctx, row, 'rejected', { ...approval, paused: 0 }, { kind: 'rejected', data: { ground: row.closure_ground, reason: row.closure_reason, decidedBy: row.decided_by, approvedBy: ctx.actor.username } });
  } else if (ending === 'withdrawal') {
    await setStatus(ctx, row, 'withdrawn', { ...approval, paused: 0 }, { kind: 'withdrawn', data: { reason: row.closure_reason, written: false, decidedBy: row.decided_by, approvedBy: ctx.actor.username } });
  } else {
    await setStatus(ctx, row, 'approved', approval, { kind: 'approval', data: { outcome: row.outcome, decidedBy: row.decided_by } });
  }
}

/** Proposes a final answer other than a decision: it waits in `decided` for another supervisor. */
async function proposeEnding(ctx: ActionContext, row: CaseRow, ground: string, reason: string, kind: 'rejection_proposed' | 'withdrawal_proposed', data: Record<string, unknown>): Promise<void> {
  await setStatus(
    ctx,
    row,
    'decided',
    {
      closure_ground: ground,
      closure_reason: reason,
      outcome: null,
      decided_by: ctx.actor.username,
      decided_at: ctx.now.toISOString(),
      approved_by: null,
      approved_at: null,
      paused: 0,
      paused_from: null,
    },
    { kind, data },
  );
}

export async function withdraw(ctx: ActionContext, input: In<'withdraw'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'withdraw', row);
  if (input.written) {
    await setStatus(ctx, row, 'withdrawn', { closure_ground: 'withdrawn', closure_reason: input.reason, paused: 0 }, { kind: 'withdrawn', data: { reason: input.reason, written: true } });
  } else {
    await proposeEnding(ctx, row, 'withdrawn', input.reason, 'withdrawal_proposed', { reason: input.reason });
  }
}

export async function reject(ctx: ActionContext, input: In<'reject'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'reject', row);
  await proposeEnding(ctx, row, input.ground, input.reason, 'rejection_proposed', { ground: input.ground, reason: input.reason });
}

/**
 * Records a notice delivered (cases.recordNotice, a printed letter, a sent email). The first delivery of a
 * notice in its round is THE notice (core/notices/delivery.ts); a later one by the other channel is a copy,
 * which the caller must have had a person confirm (`copy: true`). A letter settles the matching unsent
 * email (cancelled: delivered_by_letter, by whoever recorded the letter).
 */
export async function recordNotice(ctx: ActionContext, input: In<'recordNotice'>, delivery: NoticeDelivery = {}): Promise<{ copy: boolean }> {
  const how = { ...(delivery.mode ? { mode: delivery.mode } : {}), ...mailEventFacts(delivery.mail) };
  const outboxId = delivery.mail?.outboxId ?? null;
  const row = await caseRow(ctx.db, input.id);
  const kind = input.kind;
  const { original, bounced } = await noticeRecord(ctx.db, row.id, kind);
  if (original) {
    if (!input.copy) {
      throw new DeskError({ code: 'NOTICE_ALREADY_DELIVERED', kind, channel: original.channel, at: original.recorded_at }, { field: 'copy' });
    }
    if (row.status === 'closed') throw new DeskError({ code: 'CASE_CLOSED_NO_SEND' });
    await ctx.db
      .insertInto('notices')
      .values({ case_id: row.id, kind, channel: input.channel, copy: 1, note: input.note, outbox_id: outboxId, recorded_by: ctx.actor.username, recorded_at: ctx.now.toISOString() })
      .execute();
    await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, { kind: 'notice_copy', data: { kind, channel: input.channel, note: input.note, ...how } });
    return { copy: true };
  }
  const final = isFinalNoticeKind(kind);
  // The case was notified by an email the member's server sent back: this delivery (a letter, usually) is
  // the notice; the case is already where the notice puts it.
  const redelivery = final && bounced && row.status === 'notified';
  if (!redelivery) await guard(ctx, 'recordNotice', row);
  if (final && !redelivery) {
    const why = finalNoticeRefusal(kind, row.status);
    if (why) throw new DeskError(why, { field: 'kind' });
  }
  await ctx.db
    .insertInto('notices')
    .values({ case_id: row.id, kind, channel: input.channel, note: input.note, outbox_id: outboxId, recorded_by: ctx.actor.username, recorded_at: ctx.now.toISOString() })
    .execute();
  const data = { kind: input.kind, channel: input.channel, note: input.note, ...how };
  if (final && !redelivery) await setStatus(ctx, row, 'notified', {}, { kind: 'notice', data });
  else await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, { kind: 'notice', data });
  if (input.channel === 'letter') {
    const settled = await settleMessages(ctx.db, row.id, [kind], 'delivered_by_letter', ctx.actor.username, ctx.now);
    if (settled.length > 0) await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, { kind: 'mail_settled', data: { kind, reason: 'delivered_by_letter', outboxIds: settled } });
  }
  return { copy: false };
}

/**
 * Closes a case. Unsent notices it still owes (a draft, a failed email, a letter not printed) are never
 * dropped silently: without `dropUnsent` the close is refused naming them; with it (a person confirmed),
 * their messages are cancelled (case_closed, by that person) and the timeline records the decision.
 */
export async function close(ctx: ActionContext, { id, dropUnsent }: In<'close'>): Promise<void> {
  const row = await caseRow(ctx.db, id);
  await guard(ctx, 'close', row);
  const open = unsettled(await loadOwedNotices(ctx.db, row.id));
  if (open.length > 0) {
    const kinds = open.map((o) => o.kind);
    if (!dropUnsent) {
      throw new DeskError({ code: 'OWED_NOTICES_UNSENT', kinds }, { field: 'dropUnsent' });
    }
    const cancelled = await settleMessages(ctx.db, row.id, kinds, 'case_closed', ctx.actor.username, ctx.now);
    await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, { kind: 'notices_dropped', data: { kinds, outboxIds: cancelled } });
  }
  await setStatus(ctx, row, 'closed', { closed_at: ctx.now.toISOString() }, { kind: 'closed' });
}

export async function assign(ctx: ActionContext, input: In<'assign'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'assign', row);
  if (input.assignee !== null) {
    const a = await ctx.db.selectFrom('accounts').select(['disabled']).where('username', '=', input.assignee).executeTakeFirst();
    if (!a || a.disabled) throw new DeskError({ code: 'NO_ACTIVE_ACCOUNT', username: input.assignee }, { field: 'assignee' });
  }
  if (row.assignee === input.assignee) return;
  await ctx.db.updateTable('cases').set({ assignee: input.assignee, updated_at: ctx.now.toISOString() }).where('id', '=', row.id).execute();
  await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, {
    kind: 'assigned',
    data: { from: row.assignee, to: input.assignee },
    before: { assignee: row.assignee },
    after: { assignee: input.assignee },
  });
}

export async function recordIdentityCheck(ctx: ActionContext, input: In<'recordIdentityCheck'>): Promise<{ stale: string[] }> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'recordIdentityCheck', row);
  const today = ctx.now.toISOString();
  for (const [i, d] of input.documents.entries()) {
    if (d.issuedOn && d.issuedOn > japanDateOf(ctx.now)) throw new DeskError({ code: 'DOCUMENT_DATED_FUTURE', index: i, date: d.issuedOn }, { field: `documents.${i}.issuedOn` });
  }
  await ctx.db
    .insertInto('identity_checks')
    .values({ case_id: row.id, verified: input.verified ? 1 : 0, documents: toJson(input.documents), note: input.note, checked_by: ctx.actor.username, checked_at: today })
    .execute();
  const stale = staleCertificates(row.requester_kind, input.documents, japanDateOf(ctx.now));
  await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, {
    kind: 'identity_check',
    data: { verified: input.verified, documents: input.documents.map((d) => ({ type: d.type, issuedOn: d.issuedOn })), staleCertificates: stale },
  });
  return { stale };
}

export async function recordFee(ctx: ActionContext, input: In<'recordFee'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'recordFee', row);
  if (row.type !== 'disclosure') throw new DeskError({ code: 'FEE_DISCLOSURE_ONLY' });
  if (input.receivedOn > japanDateOf(ctx.now)) {
    throw new DeskError({ code: 'DATE_IN_FUTURE', date: input.receivedOn }, { field: 'receivedOn' });
  }
  if (input.kind === 'refund') {
    const rows = await ctx.db.selectFrom('fee_entries').select(['kind', 'amount']).where('case_id', '=', row.id).execute();
    const held = rows.reduce((s, e) => s + (e.kind === 'payment' ? e.amount : -e.amount), 0);
    if (input.amount > held) throw new DeskError({ code: 'REFUND_TOO_LARGE', amount: input.amount, held }, { field: 'amount' });
  }
  await ctx.db
    .insertInto('fee_entries')
    .values({ case_id: row.id, kind: input.kind, method: input.method, amount: input.amount, received_on: input.receivedOn, note: input.note, recorded_by: ctx.actor.username, recorded_at: ctx.now.toISOString() })
    .execute();
  await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, { kind: 'fee', data: { kind: input.kind, method: input.method, amount: input.amount, receivedOn: input.receivedOn } });
}

export async function addNote(ctx: ActionContext, input: In<'addNote'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  await guard(ctx, 'addNote', row);
  await ctx.db.insertInto('case_notes').values({ case_id: row.id, text: input.text, by: ctx.actor.username, at: ctx.now.toISOString() }).execute();
  await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, { kind: 'note', data: { length: input.text.length } });
  await refreshSearch(ctx.db, row.id);
}

/** Applies one move to many cases; each is checked on its own, and refusals are reported, not thrown. */
export async function bulk(ids: number[], run: (id: number) => Promise<void>, referenceOf: (id: number) => Promise<string>): Promise<BulkOutcome> {
  const out: BulkOutcome = { done: [], refused: [] };
  for (const id of [...new Set(ids)]) {
    try {
      await run(id);
      out.done.push(id);
    } catch (e) {
      if (!(e instanceof DeskError)) throw e;
      out.refused.push({ id, reference: await referenceOf(id).catch(() => `#${id}`), reason: e.reason });
    }
  }
  return out;
}
