// Taking a request in: the reference number, the first deadline, the search text, the "received" event.
import { lockForTransaction } from '../../../db/dialect.ts';
import type { z } from 'zod';
import type { CaseType, CreatedCase, DuplicateCandidate, intakeInput } from '../../contract/index.ts';
import { computeDeadline, daysForType, japanDateOf, legalMark, CalendarError, type DeskCalendar } from '../calendar/index.ts';
import { DeskError } from '../errors.ts';
import { caseRow, recordEvent, refreshSearch, type Db } from './records.ts';
import { caseFlags } from './flags.ts';
import { nameKey, normaliseKana } from './normalize.ts';
import { toJson } from '../../../db/json.ts';

export type Intake = z.output<typeof intakeInput>;

/** How far in the future an arrival time may be: PC clocks drift; a real future date is a mistake. */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * PD-<Japan year of arrival>-<five digits>, numbered per year in order of intake, without gaps. Called in
 * the transaction that inserts the case: on a shared desk, a transaction-level advisory lock makes every
 * PC's intakes take their number one after another (SQLite's one write lock does this for a local desk).
 */
async function nextReference(db: Db, arrivedAt: string): Promise<string> {
  await lockForTransaction(db, 'reference');
  const year = japanDateOf(arrivedAt).slice(0, 4);
  const prefix = `PD-${year}-`;
  const last = await db
    .selectFrom('cases')
    .select('reference')
    .where('reference', 'like', `${prefix}%`)
    .orderBy('reference', 'desc')
    .limit(1)
    .executeTakeFirst();
  const n = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(5, '0')}`;
}

export function checkArrival(arrivedAt: string, now: Date): void {
  if (Date.parse(arrivedAt) > now.getTime() + CLOCK_SKEW_MS) {
    throw new DeskError({ code: 'ARRIVAL_IN_FUTURE', at: arrivedAt }, { field: 'arrivedAt' });
  }
}

export async function createCase(db: Db, calendar: DeskCalendar, actor: string, now: Date, input: Intake): Promise<CreatedCase> {
  checkArrival(input.arrivedAt, now);
  const arrivedAt = new Date(Date.parse(input.arrivedAt)).toISOString();
  const days = daysForType(calendar, input.type);
  let deadline;
  try {
    deadline = computeDeadline(calendar, arrivedAt, days);
  } catch (e) {
    if (e instanceof CalendarError) throw new DeskError(e.toReason(), { field: 'arrivedAt' });
    throw e;
  }
  if (input.relatedCaseId !== null) {
    const related = await db.selectFrom('cases').select('id').where('id', '=', input.relatedCaseId).executeTakeFirst();
    if (!related) throw new DeskError({ code: 'RELATED_CASE_NOT_FOUND', id: input.relatedCaseId }, { field: 'relatedCaseId' });
  }
  const reference = await nextReference(db, arrivedAt);
  const at = now.toISOString();
  const { id } = await db
    .insertInto('cases')
    .values({
      reference,
      type: input.type,
      kinds: toJson([...new Set(input.kinds)]),
      status: 'received',
      paused_from: null,
      channel: input.channel,
      arrived_at: arrivedAt,
      days,
      day_zero: deadline.start,
      due_date: deadline.due,
      due_provisional: deadline.provisional ? 1 : 0,
      paused: 0,
      legal_mark: legalMark(arrivedAt),
      requester_kind: input.requesterKind,
      requester_name: input.requesterKind === 'member' ? '' : input.requesterName,
      // The member is the requester: their own contact is the one used; nothing is kept twice.
      requester_postal_code: input.requesterKind === 'member' ? '' : input.requesterPostalCode,
      requester_address: input.requesterKind === 'member' ? '' : input.requesterAddress,
      requester_email: input.requesterKind === 'member' ? '' : input.requesterEmail,
      requester_phone: input.requesterKind === 'member' ? '' : input.requesterPhone,
      member_name: input.memberName,
      member_name_key: nameKey(input.memberName),
      member_kana: normaliseKana(input.memberKana),
      member_email: input.memberEmail,
      member_postal_code: input.memberPostalCode,
      member_address: input.memberAddress,
      member_id: input.memberId,
      request_text: input.requestText,
      delivery: input.type === 'disclosure' ? input.delivery : null,
      assignee: null,
      training: input.training ? 1 : 0,
      related_case_id: input.relatedCaseId,
      created_by: actor,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(db, id, reference, actor, now, { kind: 'received', data: { type: input.type, channel: input.channel, arrivedAt, dayZero: deadline.start, due: deadline.due, ...(input.training ? { training: true } : {}), ...(input.relatedCaseId !== null ? { relatedCaseId: input.relatedCaseId } : {}) } });
  await refreshSearch(db, id);
  return { id, reference, flags: caseFlags(await caseRow(db, id)) };
}

/** Open cases of the same type for the same member (same email, or the same name by nameKey): shown before saving. */
export async function findDuplicates(db: Db, q: { type: CaseType; memberName: string; memberEmail: string }): Promise<DuplicateCandidate[]> {
  const email = q.memberEmail.trim().toLowerCase();
  const name = nameKey(q.memberName);
  if (!email && !name) return [];
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'reference', 'status', 'member_name', 'member_email', 'arrived_at'])
    .where('type', '=', q.type)
    .where('status', '!=', 'closed')
    .where((eb) => {
      const ors = [];
      if (email) ors.push(eb(eb.fn('lower', ['member_email']), '=', email));
      if (name) ors.push(eb('member_name_key', '=', name));
      return eb.or(ors);
    })
    .orderBy('arrived_at', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({ id: r.id, reference: r.reference, status: r.status, memberName: r.member_name, memberEmail: r.member_email, arrivedAt: r.arrived_at }));
}
