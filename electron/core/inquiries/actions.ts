// The moves only inquiries and complaints have (issue 19), beside core/cases/actions.ts and checked by the
// same lifecycle (core/cases/lifecycle.ts):
//   answer   an inquiry's reply is ready at once (status approved: no four eyes for a question); a
//            complaint's answer is proposed (decided) and goes out only once another supervisor approves it.
//            The reply notice (kind 'reply') is then drafted (core/mail/drafts.ts) or printed; recording it
//            delivered moves the case to notified ("answered"), which stops the clock.
//   convert  "this is a request": the inquiry becomes a disclosure, correction or suspension. Its row is kept,
//            so its reference, its mail thread (inbox_messages.case_id) and its timeline stay; its arrival
//            stays unless a later mail asked for it (then that mail's time); the deadline becomes the
//            request type's N, counted from that arrival with the same calendar, and the Art. 39 mark applies.
import type { z } from 'zod';
import { isContactType, requestKinds, type caseInputs, isOneOf } from '../../contract/index.ts';
import { CalendarError, computeDeadline, daysForType, legalMark } from '../calendar/index.ts';
import { DeskError } from '../errors.ts';
import { checkArrival } from '../cases/intake.ts';
import { lifecycleFacts } from '../cases/case-file.ts';
import { refusal } from '../cases/lifecycle.ts';
import { caseRow, recordEvent, refreshDeadline, refreshSearch } from '../cases/records.ts';
import type { ActionContext } from '../cases/actions.ts';
import { settleMessages } from '../notices/delivery.ts';
import { toJson } from '../../../db/json.ts';

type In<K extends keyof typeof caseInputs> = z.output<(typeof caseInputs)[K]>;

export async function answer(ctx: ActionContext, input: In<'answer'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  const why = refusal('answer', await lifecycleFacts(ctx.db, row), ctx.actor);
  if (why) throw new DeskError(why);
  const at = ctx.now.toISOString();
  const complaint = row.type === 'complaint';
  const to = complaint ? 'decided' : 'approved';
  await ctx.db
    .updateTable('cases')
    .set({
      reply_template: input.template,
      reply_ja: input.ja,
      reply_en: input.en,
      status: to,
      decided_by: ctx.actor.username,
      decided_at: at,
      // An inquiry's answer needs nobody else; a complaint's waits for a supervisor (cases.approve).
      approved_by: complaint ? null : ctx.actor.username,
      approved_at: complaint ? null : at,
      paused: 0,
      paused_from: null,
      updated_at: at,
    })
    .where('id', '=', row.id)
    .execute();
  await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, {
    kind: 'answered',
    data: { template: input.template, from: row.status, to, needsApproval: complaint },
    before: { status: row.status },
    after: { status: to },
  });
}

export async function convert(ctx: ActionContext, input: In<'convert'>): Promise<void> {
  const row = await caseRow(ctx.db, input.id);
  const why = refusal('convert', await lifecycleFacts(ctx.db, row), ctx.actor);
  if (why) throw new DeskError(why);
  // The lifecycle converts only an inquiry (NOT_FOR_CASE_TYPE otherwise); this says so to tsc.
  const from = row.type;
  if (!isContactType(from)) throw new DeskError({ code: 'NOT_FOR_CASE_TYPE', action: 'convert', type: from });
  const bad = input.kinds.find((k) => !isOneOf(requestKinds[input.type], k));
  if (bad) throw new DeskError({ code: 'KIND_NOT_ASKED', kind: bad, type: input.type }, { field: 'kinds' });
  if (input.type === 'disclosure' && input.delivery === null) throw new DeskError({ code: 'DELIVERY_REQUIRED' }, { field: 'delivery' });
  let arrivedAt = row.arrived_at;
  if (input.arrivedAt !== null) {
    checkArrival(input.arrivedAt, ctx.now);
    arrivedAt = new Date(Date.parse(input.arrivedAt)).toISOString();
    if (arrivedAt < row.arrived_at) throw new DeskError({ code: 'CONVERSION_BEFORE_ARRIVAL', arrivedAt, inquiryArrivedAt: row.arrived_at }, { field: 'arrivedAt' });
  }
  const days = daysForType(ctx.calendar, input.type);
  try {
    computeDeadline(ctx.calendar, arrivedAt, days);
  } catch (e) {
    if (e instanceof CalendarError) throw new DeskError(e.toReason(), { field: 'arrivedAt' });
    throw e;
  }
  await ctx.db
    .updateTable('cases')
    .set({
      type: input.type,
      kinds: toJson([...new Set(input.kinds)]),
      delivery: input.type === 'disclosure' ? input.delivery : null,
      converted_from: from,
      arrived_at: arrivedAt,
      days,
      legal_mark: legalMark(arrivedAt),
      reply_template: null,
      reply_ja: '',
      reply_en: '',
      updated_at: ctx.now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
  // An answer drafted for the question is not sent to a request.
  await settleMessages(ctx.db, row.id, ['reply'], 'superseded', ctx.actor.username, ctx.now);
  await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, {
    kind: 'converted',
    data: { from: row.type, to: input.type, arrivedAt, arrivedBefore: row.arrived_at, dueBefore: row.due_date },
    before: { type: row.type, arrivedAt: row.arrived_at, due: row.due_date },
    after: { type: input.type, arrivedAt },
  });
  try {
    await refreshDeadline(ctx.db, ctx.calendar, await caseRow(ctx.db, row.id));
  } catch (e) {
    // A pause recorded before the later arrival cannot be counted: refused (the transaction keeps nothing).
    if (e instanceof CalendarError) throw new DeskError(e.toReason(), { field: 'arrivedAt' });
    throw e;
  }
  await refreshSearch(ctx.db, row.id);
}
