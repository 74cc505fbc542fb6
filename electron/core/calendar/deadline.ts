// The deadline rule (DOMAIN.md "Deadlines"), the one place it is computed:
//   day 0 = the arrival date if it is a business day and the request arrived before closing time,
//           otherwise the next business day;
//   due   = the N-th business day after day 0, by closing time;
//   a pause followed by a resume moves the due date later by the business days in (pause date, resume date];
//   an extension sets a later due date.
// A case's deadline is never stored as a bare date: it is folded from (arrival, N, history), so a
// calendar change or a correction to the rules recomputes every case the same way.
import { CalendarError } from './errors.ts';
import {
  DAY_MS,
  JST_OFFSET_MS,
  formatJapanDateTime,
  instantMs,
  japanDateOf,
  parseIsoDate,
  type Instant,
  type IsoDate,
} from './japan-date.ts';
import { beyondRangeError, isoDateOfDay, type BusinessDayIndex, type DeskCalendar } from './business-days.ts';
import type { RequestType } from './desk-rules.ts';
import { FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY, assertSupportedDay } from './range.ts';
import { messageOf } from '../thrown.ts';
import type { ResumedOnReply } from '../../contract/index.ts';

export interface Deadline {
  /** Day 0. */
  start: IsoDate;
  due: IsoDate;
  /** The due date at closing time, Japan time (`YYYY-MM-DDTHH:MM:SS+09:00`). */
  dueAt: string;
  /** The dates could still move when a pending equinox is announced. */
  provisional: boolean;
}

function checkDays(days: unknown): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
    throw new CalendarError(
      'INVALID_DAYS',
      `number of business days must be a whole number 0 or more, not ${JSON.stringify(days)}`,
    );
  }
  return days;
}

/** Offset of the arrival's Japan date; throws when the arrival is outside the supported calendar. */
function arrivalOffset(index: BusinessDayIndex, epochMs: number): number {
  const offset = Math.floor((epochMs + JST_OFFSET_MS) / DAY_MS) - index.firstDay;
  if (offset < 0 || offset >= index.closed.length) {
    assertSupportedDay(offset + index.firstDay, 'arrival date');
  }
  return offset;
}

/** Rank (position in bizDays) of day 0 for an arrival at `epochMs`. */
function dayZeroRank(index: BusinessDayIndex, epochMs: number, offset: number): number {
  const msOfDay = epochMs + JST_OFFSET_MS - (offset + index.firstDay) * DAY_MS;
  const openAndInTime = index.closed[offset] === 0 && msOfDay < index.closeMsOfDay;
  // cumBefore[o] is the rank of day o when o is a business day, else of the next business day;
  // cumBefore[o + 1] skips day o itself.
  return (openAndInTime ? index.cumBefore[offset] : index.cumBefore[offset + 1]) as number;
}

function businessOffset(index: BusinessDayIndex, rank: number, what: string): number {
  const offset = index.bizDays[rank];
  if (offset === undefined) throw beyondRangeError(what);
  return offset;
}

/** The n-th business day strictly after offset `from` (n = 0: `from` itself). */
function shiftOffset(index: BusinessDayIndex, from: number, n: number, what: string): number {
  if (n === 0) return from;
  return businessOffset(index, (index.cumBefore[from + 1] as number) + n - 1, what);
}

function dueAtOf(index: BusinessDayIndex, dueOffset: number): string {
  const day = dueOffset + index.firstDay;
  // A 24:00 closing time is written as 00:00 of the next day, the only form ISO 8601 readers agree on.
  return index.closeMsOfDay >= DAY_MS ? formatJapanDateTime(day + 1, 0) : formatJapanDateTime(day, index.closeMsOfDay);
}

function isProvisional(index: BusinessDayIndex, fromOffset: number, toOffset: number): boolean {
  return (index.provisionalBefore[toOffset + 1] as number) - (index.provisionalBefore[fromOffset] as number) > 0;
}

/** The closing time of the desk on `due` (a recorded due date), as `Deadline.dueAt` writes it. */
export function dueAtOn(calendar: DeskCalendar, due: IsoDate): string {
  return dueAtOf(calendar.index, parseIsoDate(due, 'due date') - calendar.index.firstDay);
}

/** Day 0 for a request arriving at `arrivedAt`. */
export function dayZero(calendar: DeskCalendar, arrivedAt: Instant): IsoDate {
  const { index } = calendar;
  const ms = instantMs(arrivedAt, 'arrival time');
  const rank = dayZeroRank(index, ms, arrivalOffset(index, ms));
  return isoDateOfDay(businessOffset(index, rank, 'day 0') + index.firstDay);
}

/** Day 0 and the due date of a request arriving at `arrivedAt` with N = `days`. */
export function computeDeadline(calendar: DeskCalendar, arrivedAt: Instant, days: number): Deadline {
  const { index } = calendar;
  const n = checkDays(days);
  const ms = instantMs(arrivedAt, 'arrival time');
  const offset = arrivalOffset(index, ms);
  const rank = dayZeroRank(index, ms, offset);
  const start = businessOffset(index, rank, 'day 0');
  const due = businessOffset(index, rank + n, `the due date (${n} business days after day 0)`);
  return {
    start: isoDateOfDay(start + index.firstDay),
    due: isoDateOfDay(due + index.firstDay),
    dueAt: dueAtOf(index, due),
    provisional: isProvisional(index, offset, due),
  };
}

/** N for a request type under the desk's rules. */
export function daysForType(calendar: DeskCalendar, type: RequestType): number {
  const n = calendar.rules.daysByType[type];
  if (n === undefined) throw new CalendarError('INVALID_DAYS', `unknown request type ${JSON.stringify(type)}`);
  return n;
}

/**
 * How many business days a case's clock stood still: for each pause, the business days in (pause date,
 * resume date] — the same count `dueAfterPause` moves the due date by. A pause never resumed counts up
 * to `until` (the date the case was answered, or today). Reports show it apart from the time taken.
 */
export function pausedBusinessDays(calendar: DeskCalendar, history: readonly DeadlineEvent[], until: IsoDate): number {
  let total = 0;
  let pausedOn: IsoDate | null = null;
  for (const e of history) {
    if (e.type === 'pause' && pausedOn === null) pausedOn = japanDateOf(e.at);
    else if (e.type === 'resume' && pausedOn !== null) {
      total += Math.max(0, calendar.countBusinessDays(pausedOn, japanDateOf(e.at)));
      pausedOn = null;
    }
  }
  if (pausedOn !== null && until > pausedOn) total += calendar.countBusinessDays(pausedOn, until);
  return total;
}

/**
 * The due date after a pause on `pausedOn` is resumed on `resumedOn`: later by the number of business
 * days in (pausedOn, resumedOn]. A pause and resume on the same day, or over a weekend, moves nothing.
 */
export function dueAfterPause(calendar: DeskCalendar, due: IsoDate, pausedOn: IsoDate, resumedOn: IsoDate): IsoDate {
  const { index } = calendar;
  const toOffset = (d: IsoDate, what: string): number => {
    const day = parseIsoDate(d, what);
    assertSupportedDay(day, what);
    return day - index.firstDay;
  };
  const dueO = toOffset(due, 'due date');
  const pauseO = toOffset(pausedOn, 'pause date');
  const resumeO = toOffset(resumedOn, 'resume date');
  if (resumeO < pauseO) {
    throw new CalendarError('RESUME_BEFORE_PAUSE', `resume date ${resumedOn} is before pause date ${pausedOn}`);
  }
  const k = (index.cumBefore[resumeO + 1] as number) - (index.cumBefore[pauseO + 1] as number);
  return isoDateOfDay(shiftOffset(index, dueO, k, `the due date moved by the pause`) + index.firstDay);
}

// ---------------------------------------------------------------------------------------------------
// Deadline history

interface EventBase {
  /** When it was recorded: ISO 8601 with offset. Never backdated (see validateDeadlineEvent). */
  at: string;
  reason: string;
  /** Who recorded it (staff id); the calendar does not interpret it. */
  by?: string;
}
export interface PauseEvent extends EventBase {
  type: 'pause';
}
export interface ResumeEvent extends EventBase {
  type: 'resume';
  /**
   * Resumed on the requester's reply: the reply is its reason (`reason` is then ''). Which mail may be named
   * is the Inbox's rule (core/inbox/resume-offer.ts), checked before the event reaches the calendar.
   */
  reply?: ResumedOnReply;
}
export interface ExtendEvent extends EventBase {
  type: 'extend';
  /** The new due date. */
  due: IsoDate;
}
export type DeadlineEvent = PauseEvent | ResumeEvent | ExtendEvent;

export interface DeadlineCase {
  arrivedAt: Instant;
  /** N, fixed when the request was received. */
  days: number;
  /** Events in the order they were recorded. */
  history: readonly DeadlineEvent[];
}

export interface DeadlineStep {
  event: DeadlineEvent;
  /** The due date right after this event. */
  due: IsoDate;
}

export interface DeadlineState extends Deadline {
  /** Set while the clock is stopped; the due date moves when the case resumes. */
  paused: { since: string; on: IsoDate; reason: string } | null;
  extended: boolean;
  /** The due date as it stood after each event, for the case's deadline history. */
  steps: DeadlineStep[];
}

function historyError(i: number, event: DeadlineEvent, problem: string): CalendarError {
  return new CalendarError('INVALID_HISTORY', `deadline history event #${i + 1} (${event.type} at ${event.at}) ${problem}`);
}

/**
 * Folds a case's deadline history into its current deadline. Extensions are kept as the date the member
 * was told, moved to the next business day if the calendar has since closed that day (as Civil Code
 * Art. 142 does for a period ending on a holiday), and never earlier than the deadline they extend.
 */
export function foldDeadlineHistory(calendar: DeskCalendar, deadlineCase: DeadlineCase): DeadlineState {
  const { index } = calendar;
  const n = checkDays(deadlineCase.days);
  const arrivalMs = instantMs(deadlineCase.arrivedAt, 'arrival time');
  const arrivalO = arrivalOffset(index, arrivalMs);
  const rank = dayZeroRank(index, arrivalMs, arrivalO);
  const start = businessOffset(index, rank, 'day 0');
  let due = businessOffset(index, rank + n, `the due date (${n} business days after day 0)`);
  let lastMs = arrivalMs;
  let paused: { since: string; offset: number; reason: string } | null = null;
  let extended = false;
  const steps: DeadlineStep[] = [];

  for (const [i, event] of deadlineCase.history.entries()) {
    let ms: number;
    try {
      ms = instantMs(event.at, 'event time');
    } catch (e) {
      throw historyError(i, event, `has an unreadable time: ${messageOf(e)}`);
    }
    if (ms < lastMs) throw historyError(i, event, 'is earlier than the arrival or the event before it');
    lastMs = ms;
    const offset = Math.floor((ms + JST_OFFSET_MS) / DAY_MS) - index.firstDay;
    if (offset < 0 || offset > LAST_SUPPORTED_DAY - FIRST_SUPPORTED_DAY) {
      throw historyError(i, event, 'is outside the supported calendar');
    }
    switch (event.type) {
      case 'pause':
        if (paused) throw historyError(i, event, 'pauses a case that is already paused');
        paused = { since: event.at, offset, reason: event.reason };
        break;
      case 'resume': {
        if (!paused) throw historyError(i, event, 'resumes a case that is not paused');
        const k = (index.cumBefore[offset + 1] as number) - (index.cumBefore[paused.offset + 1] as number);
        due = shiftOffset(index, due, k, 'the due date moved by the pause');
        paused = null;
        break;
      }
      case 'extend': {
        let target: number;
        try {
          target = parseIsoDate(event.due, 'extended due date') - index.firstDay;
        } catch (e) {
          throw historyError(i, event, messageOf(e));
        }
        if (target < 0 || target >= index.closed.length) throw historyError(i, event, 'extends beyond the supported calendar');
        const onBusinessDay = businessOffset(index, index.cumBefore[target] as number, 'the extended due date');
        due = Math.max(due, onBusinessDay);
        extended = true;
        break;
      }
      default:
        throw historyError(i, event, `has an unknown type ${JSON.stringify((event as { type: unknown }).type)}`);
    }
    steps.push({ event, due: isoDateOfDay(due + index.firstDay) });
  }

  const open = paused;
  return {
    start: isoDateOfDay(start + index.firstDay),
    due: isoDateOfDay(due + index.firstDay),
    dueAt: dueAtOf(index, due),
    provisional: isProvisional(index, arrivalO, due),
    paused: open ? { since: open.since, on: isoDateOfDay(open.offset + index.firstDay), reason: open.reason } : null,
    extended,
    steps,
  };
}

/** How far an event's recorded time may differ from the server's clock (request latency, not backdating). */
export const EVENT_CLOCK_TOLERANCE_MS = 60_000;

/**
 * Refuses an event that cannot be appended to a case's history: no reason (a person's words, or for a
 * resume the requester's reply), a time that is not now
 * (backdated or in the future), a resume before its pause, pausing twice, resuming when not paused,
 * an "extension" that is not later, or an extension onto a closed day. Throws CalendarError.
 */
export function validateDeadlineEvent(
  calendar: DeskCalendar,
  deadlineCase: DeadlineCase,
  event: DeadlineEvent,
  now: Instant,
): void {
  const state = foldDeadlineHistory(calendar, deadlineCase);
  const nowMs = instantMs(now, 'current time');

  if (event.type === 'pause' && state.paused) {
    throw new CalendarError('ALREADY_PAUSED', `the case is already paused since ${state.paused.since}: resume it first`);
  }
  if (event.type === 'resume' && !state.paused) {
    throw new CalendarError('NOT_PAUSED', 'the case is not paused, so there is nothing to resume');
  }
  const onReply = event.type === 'resume' && event.reply !== undefined;
  if (!onReply && (typeof event.reason !== 'string' || event.reason.trim() === '')) {
    throw new CalendarError('REASON_REQUIRED', `a ${event.type} needs a reason`);
  }

  const atMs = instantMs(event.at, `${event.type} time`);
  const lastEvent = deadlineCase.history[deadlineCase.history.length - 1];
  const lastMs = lastEvent ? instantMs(lastEvent.at) : instantMs(deadlineCase.arrivedAt);
  if (atMs < lastMs) {
    if (event.type === 'resume' && state.paused) {
      throw new CalendarError(
        'RESUME_BEFORE_PAUSE',
        `resume time ${event.at} is before the pause at ${state.paused.since}: a case resumes after it was paused`,
      );
    }
    throw new CalendarError(
      'OUT_OF_ORDER',
      `${event.type} time ${event.at} is before ${lastEvent ? `the last recorded event (${lastEvent.at})` : 'the arrival of the request'}`,
    );
  }
  if (atMs < nowMs - EVENT_CLOCK_TOLERANCE_MS) {
    throw new CalendarError(
      'BACKDATED',
      `a ${event.type} is recorded when it happens and cannot be backdated: ${event.at} is in the past; record it with the current time`,
    );
  }
  if (atMs > nowMs + EVENT_CLOCK_TOLERANCE_MS) {
    throw new CalendarError('FUTURE_DATED', `${event.type} time ${event.at} is in the future; record it with the current time`);
  }

  if (event.type === 'extend') {
    const day = parseIsoDate(event.due, 'extended due date');
    assertSupportedDay(day, 'extended due date');
    if (!calendar.isBusinessDay(event.due)) {
      const closed = calendar.closedDay(event.due);
      throw new CalendarError(
        'EXTENSION_ON_CLOSED_DAY',
        `the desk is closed on ${event.due} (${closed?.reasonEn ?? 'closed'}): choose a business day, e.g. ${calendar.nextBusinessDay(event.due)}`,
        calendar.nextBusinessDay(event.due),
      );
    }
    if (event.due <= state.due) {
      throw new CalendarError(
        'EXTENSION_NOT_LATER',
        `an extension must set a due date after the current one (${state.due}), not ${event.due}`,
        state.due,
      );
    }
  }
}

/** Validates `event` (see validateDeadlineEvent) and returns the new history; the input is not changed. */
export function appendDeadlineEvent(
  calendar: DeskCalendar,
  deadlineCase: DeadlineCase,
  event: DeadlineEvent,
  now: Instant,
): DeadlineEvent[] {
  validateDeadlineEvent(calendar, deadlineCase, event, now);
  return [...deadlineCase.history, { ...event, reason: event.reason.trim() }];
}

export interface DueDateChange<Id> {
  id: Id;
  oldDue: IsoDate;
  newDue: IsoDate;
}

/**
 * After a calendar change (a closure or open day added or removed): the cases whose due date moved,
 * in input order. Pure: give it the open cases and both calendars, show the desk the result.
 * A case whose history cannot be folded throws CalendarError with the case id in the message.
 */
export function recomputeDueDates<Id>(
  cases: Iterable<DeadlineCase & { id: Id }>,
  oldCalendar: DeskCalendar,
  newCalendar: DeskCalendar,
): DueDateChange<Id>[] {
  const changes: DueDateChange<Id>[] = [];
  for (const c of cases) {
    let oldDue: IsoDate;
    let newDue: IsoDate;
    try {
      oldDue = foldDeadlineHistory(oldCalendar, c).due;
      newDue = foldDeadlineHistory(newCalendar, c).due;
    } catch (e) {
      if (e instanceof CalendarError) throw new CalendarError(e.code, `case ${String(c.id)}: ${e.message}`);
      throw e;
    }
    if (oldDue !== newDue) changes.push({ id: c.id, oldDue, newDue });
  }
  return changes;
}
