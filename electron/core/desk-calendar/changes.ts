// A supervisor changes the desk's calendar (a closure added or removed, a closed day opened, business
// hours moved): every case whose clock still runs gets its due date recomputed by core/calendar, each
// move is written on the case's timeline, and the desk is told which cases moved. A decided or approved
// case keeps its date (the desk is told what the calendar would now say); a finished case (notified,
// closed, withdrawn, rejected) is never touched: its record is what happened (deadline-of-case.ts).
import { bumpCaseVersion } from '../cases/versions.ts';
import type { DueDateMove, CalendarChange, DueRecomputedWhy } from '../../contract/index.ts';
import { foldDeadlineHistory, parseIsoDate, CalendarError, type DeskCalendar } from '../calendar/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { DeskError } from '../errors.ts';
import { deadlineColumns, deadlineEventsOf, statusesFollowingCalendar, statusesHoldingDeadline, type EventRow } from '../cases/deadline-of-case.ts';
import { recordEvent, type Db } from '../cases/records.ts';
import { loadDeskCalendar } from './store.ts';

/** Recomputes every case whose clock runs against `calendar`; writes and returns those whose due date moved, and the held ones it would move. */
export async function recomputeOpenCases(db: Db, calendar: DeskCalendar, actor: string, now: Date, why: DueRecomputedWhy): Promise<CalendarChange> {
  const statuses = [...statusesFollowingCalendar, ...statusesHoldingDeadline];
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'reference', 'status', 'member_name', 'arrived_at', 'days', 'due_date', 'day_zero', 'due_provisional', 'paused'])
    .where('status', 'in', statuses)
    .execute();
  const events = await db
    .selectFrom('case_events')
    .innerJoin('cases', 'cases.id', 'case_events.case_id')
    .select(['case_events.id', 'case_events.case_id', 'case_events.at', 'case_events.actor', 'case_events.kind', 'case_events.data'])
    .where('cases.status', 'in', statuses)
    .where('case_events.kind', 'in', ['pause', 'resume', 'extend'])
    .orderBy('case_events.id')
    .execute();
  const byCase = new Map<number, EventRow[]>();
  for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);

  const moved: DueDateMove[] = [];
  const held: DueDateMove[] = [];
  for (const r of rows) {
    const state = foldDeadlineHistory(calendar, { arrivedAt: r.arrived_at, days: r.days, history: deadlineEventsOf(byCase.get(r.id) ?? []) });
    const cols = deadlineColumns(state, r.arrived_at);
    if (statusesHoldingDeadline.includes(r.status)) {
      if (cols.due_date !== r.due_date) held.push({ id: r.id, reference: r.reference, memberName: r.member_name, oldDue: r.due_date, newDue: cols.due_date });
      continue;
    }
    if (cols.due_date === r.due_date && cols.day_zero === r.day_zero && cols.due_provisional === r.due_provisional) continue;
    await db.updateTable('cases').set(cols).where('id', '=', r.id).execute();
    await bumpCaseVersion(db, r.id, null); // a colleague's open case file is now out of date
    if (cols.due_date !== r.due_date) {
      moved.push({ id: r.id, reference: r.reference, memberName: r.member_name, oldDue: r.due_date, newDue: cols.due_date });
      await recordEvent(db, r.id, r.reference, actor, now, { kind: 'due_recomputed', data: { oldDue: r.due_date, newDue: cols.due_date, why }, before: { due: r.due_date }, after: { due: cols.due_date } });
    }
  }
  return { moved, held };
}

export interface DayChange {
  date: string;
  kind: 'closed' | 'open' | 'none';
  reason: string;
  reasonEn: string;
}

export async function setDeskDay(db: Db, change: DayChange, actor: string, now: Date): Promise<CalendarChange> {
  try {
    parseIsoDate(change.date, 'date');
  } catch (e) {
    if (e instanceof CalendarError) throw new DeskError({ code: 'NOT_A_DATE', date: change.date }, { field: 'date' });
    throw e;
  }
  const before = await db.selectFrom('desk_days').selectAll().where('date', '=', change.date).executeTakeFirst();
  await db.deleteFrom('desk_days').where('date', '=', change.date).execute();
  if (change.kind !== 'none') {
    await db
      .insertInto('desk_days')
      .values({ date: change.date, kind: change.kind, reason: change.reason, reason_en: change.reasonEn || change.reason, created_by: actor, created_at: now.toISOString() })
      .execute();
  }
  let calendar: DeskCalendar;
  try {
    calendar = await loadDeskCalendar(db);
  } catch (e) {
    if (e instanceof CalendarError) throw new DeskError(e.toReason(), { field: 'date' });
    throw e;
  }
  await appendAudit(
    db,
    { actor, action: 'calendar.set-day', entity: 'desk_day', entityId: change.date, detail: { before: before ? { kind: before.kind, reason: before.reason } : null, after: change.kind === 'none' ? null : { kind: change.kind, reason: change.reason } } },
    now,
  );
  const why: DueRecomputedWhy = { cause: 'desk_day', date: change.date, kind: change.kind === 'none' ? 'removed' : change.kind };
  return recomputeOpenCases(db, calendar, actor, now, why);
}
