// A case's deadline, always from core/calendar: the cached columns on the cases row and the views the
// queue and the case file show are all computed here from arrival, N and the deadline events.
import type { CaseRow } from '../../../db/schema.ts';
import type { DeadlineView, Urgency } from '../../contract/index.ts';
import {
  foldDeadlineHistory,
  japanDateOf,
  legalMark,
  legalMarkStatus,
  type DeadlineCase,
  type DeadlineEvent,
  type DeadlineState,
  type DeskCalendar,
} from '../calendar/index.ts';

export interface EventRow {
  id: number;
  at: string;
  actor: string | null;
  kind: string;
  data: string;
}

const DEADLINE_KINDS = new Set(['pause', 'resume', 'extend']);

export function deadlineEventsOf(events: readonly EventRow[]): DeadlineEvent[] {
  return events
    .filter((e) => DEADLINE_KINDS.has(e.kind))
    .map((e) => {
      const d = JSON.parse(e.data) as { reason: string; due?: string };
      const base = { at: e.at, reason: d.reason, by: e.actor ?? undefined };
      return e.kind === 'extend' ? { ...base, type: 'extend' as const, due: d.due! } : { ...base, type: e.kind as 'pause' | 'resume' };
    });
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

export interface Clock {
  now: Date;
  today: string;
}

export function clockOf(now: Date): Clock {
  return { now, today: japanDateOf(now) };
}

/** Business days left (0 on the due day, negative when late) and how urgent that is. */
export function urgencyOf(calendar: DeskCalendar, row: Pick<CaseRow, 'status' | 'due_date' | 'paused'>, clock: Clock): { businessDaysLeft: number | null; urgency: Urgency } {
  if (ANSWERED.has(row.status)) return { businessDaysLeft: null, urgency: 'done' };
  const left = calendar.countBusinessDays(clock.today, row.due_date);
  if (row.paused) return { businessDaysLeft: left, urgency: 'paused' };
  const closeMs = calendar.index.closeMsOfDay;
  const nowMsOfDay = (clock.now.getTime() + 9 * 3_600_000) % 86_400_000;
  const overdue = row.due_date < clock.today || (row.due_date === clock.today && nowMsOfDay >= closeMs);
  return { businessDaysLeft: left, urgency: overdue ? 'overdue' : left <= 2 ? 'soon' : 'normal' };
}

export function legalMarkView(arrivedAt: string, status: string, clock: Clock, warnDays: number) {
  const s = legalMarkStatus(arrivedAt, clock.now, warnDays);
  return { ...s, state: ANSWERED.has(status) ? null : s.state };
}

export function deadlineView(calendar: DeskCalendar, row: CaseRow, events: readonly EventRow[], clock: Clock, warnDays: number): DeadlineView {
  const state = foldDeadlineHistory(calendar, deadlineCaseOf(row, events));
  const { businessDaysLeft, urgency } = urgencyOf(calendar, { status: row.status, due_date: state.due, paused: state.paused ? 1 : 0 }, clock);
  const mark = legalMarkStatus(row.arrived_at, clock.now, warnDays);
  return {
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
    legalMarkState: mark.state,
    history: state.steps.map((s) => ({ type: s.event.type, at: s.event.at, by: s.event.by ?? null, reason: s.event.reason, due: s.due })),
  };
}
