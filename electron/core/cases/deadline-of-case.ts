// A case's deadline, always from core/calendar: the cached columns on the cases row and the views the
// queue and the case file show are all computed here from arrival, N and the deadline events.
import type { CaseRow } from '../../../db/schema.ts';
import type { Json } from '../../../db/json.ts';
import { isContactType, resumedOnReply, type CaseStatus, type DeadlineView, type TimelineEventKind, type Urgency, keysOf } from '../../contract/index.ts';
import {
  addCalendarDays,
  dueAtOn,
  foldDeadlineHistory,
  japanDateOf,
  japanMsOfDay,
  legalMark,
  legalMarkStatus,
  type DeadlineCase,
  type DeadlineEvent,
  type DeadlineState,
  type DeskCalendar,
} from '../calendar/index.ts';
import { fromJson } from '../../../db/json.ts';

export interface EventRow {
  id: number;
  at: string;
  actor: string | null;
  kind: TimelineEventKind;
  data: Json<Record<string, unknown>>;
}

type DeadlineKind = 'pause' | 'resume' | 'extend';
const isDeadlineKind = (k: TimelineEventKind): k is DeadlineKind => k === 'pause' || k === 'resume' || k === 'extend';

export function deadlineEventsOf(events: readonly EventRow[]): DeadlineEvent[] {
  const out: DeadlineEvent[] = [];
  for (const e of events) {
    const kind = e.kind;
    if (!isDeadlineKind(kind)) continue;
    const d = fromJson(e.data, 'case_events.data');
    // Written by the case actions with a reason (and an extension's due date); a row without them is
    // refused by the deadline rules as INVALID_HISTORY, as before. A resume on the requester's reply
    // holds the reply's facts instead of a reason.
    const base = { at: e.at, reason: typeof d.reason === 'string' ? d.reason : '', by: e.actor ?? undefined };
    const reply = kind === 'resume' ? resumedOnReply(d) : null;
    out.push(kind === 'extend' ? { ...base, type: kind, due: typeof d.due === 'string' ? d.due : '' } : reply ? { ...base, type: 'resume', reply } : { ...base, type: kind });
  }
  return out;
}

export function deadlineCaseOf(row: Pick<CaseRow, 'arrived_at' | 'days'>, events: readonly EventRow[]): DeadlineCase {
  return { arrivedAt: row.arrived_at, days: row.days, history: deadlineEventsOf(events) };
}

/** The cached columns of the cases row for this deadline. */
export function deadlineColumns(state: DeadlineState, arrivedAt: string) {
  return {
    day_zero: state.start,
    due_date: state.due,
    due_provisional: state.provisional ? 1 : 0,
    paused: state.paused ? 1 : 0,
    legal_mark: legalMark(arrivedAt),
  };
}

const ANSWERED = new Set(['notified', 'closed']);

/**
 * Which statuses' due date follows the calendar. Only while nobody has decided does a calendar change
 * (a closure, opened day, new hours, imported holidays) move the date. A decided or approved case keeps
 * the date staff are working to (the desk is told what the calendar would now say); a notified, closed,
 * withdrawn or rejected case is a finished record and never changes.
 */
export type DeadlineFollows = 'calendar' | 'held' | 'frozen';
const FOLLOWS: Record<CaseStatus, DeadlineFollows> = {
  received: 'calendar',
  awaiting_requester: 'calendar',
  in_review: 'calendar',
  decided: 'held',
  approved: 'held',
  withdrawn: 'frozen',
  rejected: 'frozen',
  notified: 'frozen',
  closed: 'frozen',
};
export function deadlineFollows(status: CaseStatus): DeadlineFollows {
  return FOLLOWS[status] ?? 'frozen'; // a status written by another version of the desk
}
export const statusesFollowingCalendar = keysOf(FOLLOWS).filter((s) => FOLLOWS[s] === 'calendar');
export const statusesHoldingDeadline = keysOf(FOLLOWS).filter((s) => FOLLOWS[s] === 'held');

export interface Clock {
  now: Date;
  today: string;
}

export function clockOf(now: Date): Clock {
  return { now, today: japanDateOf(now) };
}

/**
 * The last due date that is already overdue now: a case is late once closing time of its due day has
 * passed (Japan time). The one owner of that rule: the queue's overdue view filters by it in SQL, and
 * urgencyOf marks a row with it.
 */
export function overdueThrough(calendar: DeskCalendar, clock: Clock): string {
  return japanMsOfDay(clock.now.getTime()) >= calendar.index.closeMsOfDay ? clock.today : addCalendarDays(clock.today, -1);
}

/** Business days left (0 on the due day, negative when late) and how urgent that is. */
export function urgencyOf(calendar: DeskCalendar, row: Pick<CaseRow, 'status' | 'due_date' | 'paused'>, clock: Clock): { businessDaysLeft: number | null; urgency: Urgency } {
  if (ANSWERED.has(row.status)) return { businessDaysLeft: null, urgency: 'done' };
  const left = calendar.countBusinessDays(clock.today, row.due_date);
  if (row.paused) return { businessDaysLeft: left, urgency: 'paused' };
  const overdue = row.due_date <= overdueThrough(calendar, clock);
  return { businessDaysLeft: left, urgency: overdue ? 'overdue' : left <= 2 ? 'soon' : 'normal' };
}

export function legalMarkView(arrivedAt: string, status: string, clock: Clock, warnDays: number) {
  const s = legalMarkStatus(arrivedAt, clock.now, warnDays);
  return { ...s, state: ANSWERED.has(status) ? null : s.state };
}

export function deadlineView(calendar: DeskCalendar, row: CaseRow, events: readonly EventRow[], clock: Clock, warnDays: number): DeadlineView {
  const computed = foldDeadlineHistory(calendar, deadlineCaseOf(row, events));
  // Once the clock has stopped the recorded date stands: today's calendar must not rewrite it.
  const state =
    deadlineFollows(row.status) === 'calendar' ? computed : { ...computed, start: row.day_zero, due: row.due_date, dueAt: dueAtOn(calendar, row.due_date), provisional: row.due_provisional === 1 };
  const { businessDaysLeft, urgency } = urgencyOf(calendar, { status: row.status, due_date: state.due, paused: state.paused ? 1 : 0 }, clock);
  const mark = legalMarkStatus(row.arrived_at, clock.now, warnDays);
  const target = isContactType(row.type);
  return {
    target,
    arrivedAt: row.arrived_at,
    days: row.days,
    dayZero: state.start,
    due: state.due,
    dueAt: state.dueAt,
    provisional: state.provisional,
    paused: state.paused,
    extended: state.extended,
    businessDaysLeft,
    urgency,
    legalMark: mark.mark,
    legalMarkDaysLeft: mark.daysLeft,
    // An inquiry or complaint has no Art. 39 mark: the date is kept for the record but never warned about.
    legalMarkState: target ? 'ok' : mark.state,
    history: state.steps.map((s) => ({ type: s.event.type, at: s.event.at, by: s.event.by ?? null, reason: s.event.reason, reply: s.event.type === 'resume' ? (s.event.reply ?? null) : null, due: s.due })),
  };
}
