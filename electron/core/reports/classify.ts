// The one rule for which figure each case counts in. The report counts these buckets; the queue's
// "cases behind this figure" lists the cases whose buckets include it — so both always agree.
import { BUSINESS_DAYS_TOP, type AgeBand, type ReportBucket } from '../../contract/reports.ts';
import { DAY_MS, JST_OFFSET_MS, japanDateOfMs, japanMidnightMs, pausedBusinessDays, type DeadlineEvent, type DeskCalendar } from '../calendar/index.ts';
import { isContactType, type ContactType } from '../../contract/index.ts';
import { legalMarkView, urgencyOf, type Clock } from '../cases/deadline-of-case.ts';
import type { CaseFact } from './facts.ts';
import { inPeriod, type PeriodBounds } from './period.ts';
import { fromJson, parseStoredJson } from '../../../db/json.ts';

export interface ClassifyContext {
  calendar: DeskCalendar;
  bounds: PeriodBounds;
  clock: Clock;
  warnDays: number;
  /** The calendar lookups of one report, each date asked once (see `reportDays`). */
  days: ReportDays;
}

/** Calendar answers a report needs per case, memoised by date. */
export interface ReportDays {
  /** Business days in (after, through], as the calendar counts them. */
  between(after: string, through: string): number;
  /** The instant closing time is reached on a Japan date. */
  closingMs(date: string): number;
  /** The Japan date of an instant (epoch ms). */
  dateOf(ms: number): string;
}

/**
 * A report asks the calendar about the same few hundred dates (days 0, due dates, notice dates, today) for
 * tens of thousands of cases; each question parses and range-checks an ISO date. Here each distinct date is
 * asked once: the number of business days from a fixed origin through it (so a count between two dates is a
 * subtraction — the calendar's own count, as both are differences of its running total) and its closing instant.
 */
export function reportDays(calendar: DeskCalendar): ReportDays {
  const ORIGIN = '2000-01-01'; // the first supported day (core/calendar range)
  const ordinal = new Map<string, number>();
  const closing = new Map<string, number>();
  const dates = new Map<number, string>();
  const ordinalOf = (d: string): number => {
    let n = ordinal.get(d);
    if (n === undefined) ordinal.set(d, (n = calendar.countBusinessDays(ORIGIN, d)));
    return n;
  };
  return {
    between: (after, through) => ordinalOf(through) - ordinalOf(after),
    closingMs: (date) => {
      let ms = closing.get(date);
      if (ms === undefined) closing.set(date, (ms = japanMidnightMs(date) + calendar.index.closeMsOfDay));
      return ms;
    },
    dateOf: (ms) => {
      const day = Math.floor((ms + JST_OFFSET_MS) / DAY_MS);
      let d = dates.get(day);
      if (d === undefined) dates.set(day, (d = japanDateOfMs(ms)));
      return d;
    },
  };
}

/** What the report needs to know about one case, beyond its buckets. */
export interface Judged {
  fact: CaseFact;
  receivedIn: boolean;
  /** Answered (final notice recorded) within the period. */
  answeredIn: boolean;
  answerKind: 'decision' | 'rejection' | 'withdrawal' | null;
  /** For decisions and rejections answered in the period. */
  timely: 'onTime' | 'late' | null;
  extended: boolean;
  /** Business days from day 0 to the notice (decisions and rejections answered in the period). */
  businessDays: number | null;
  /** Japan dates of arrival and of the answer (null when not answered). */
  receivedOn: string;
  answeredOn: string | null;
  /** Business days the clock stood still, for a case answered in the period that was ever paused. */
  pausedDays: number | null;
  openNow: boolean;
  buckets: ReportBucket[];
}

/** A notice is on time when recorded before closing time on the due date (the queue's overdue rule). */
function answeredOnTime(days: ReportDays, answeredAtMs: number, due: string): boolean {
  return answeredAtMs < days.closingMs(due);
}

function ageBand(days: number): AgeBand {
  return days <= 5 ? '0_5' : days <= 10 ? '6_10' : days <= 20 ? '11_20' : '21_plus';
}

// Bucket names and the JSON lists (sub-kinds, grounds) repeat across tens of thousands of cases with a few
// dozen distinct values: each is built or parsed once, and the counting then hashes the same string.
const names = new Map<string, Map<string, ReportBucket>>();
function named(prefix: string, value: string): ReportBucket {
  let byValue = names.get(prefix);
  if (!byValue) names.set(prefix, (byValue = new Map()));
  let n = byValue.get(value);
  if (n === undefined) byValue.set(value, (n = `${prefix}${value}` as ReportBucket));
  return n;
}
const lists = new Map<string, readonly string[]>();
function listOf(json: string, column: string): readonly string[] {
  let l = lists.get(json);
  if (l === undefined) {
    const v = parseStoredJson(json, column);
    lists.set(json, (l = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
  }
  return l;
}

/** Statuses in which the request has been answered; the rest are open work. */
const ANSWERED = new Set(['notified', 'closed']);

/**
 * An inquiry or complaint (issue 19) counts only in the contact figures: the requests' figures (received,
 * on time, outcomes, the Art. 39 mark) stay the requests'. Staff workload counts both.
 */
function judgeContact(fact: CaseFact & { type: ContactType }, history: readonly DeadlineEvent[], ctx: ClassifyContext): Judged {
  const { calendar, bounds, clock } = ctx;
  const b: ReportBucket[] = [];
  const receivedIn = inPeriod(fact.arrived_at, bounds);
  if (receivedIn) {
    b.push(`contact.received.${fact.type}`);
    const kinds = fromJson(fact.kinds);
    for (const k of kinds.length > 0 ? kinds : ['unknown']) b.push(`contact.kind.${fact.type}.${k}`);
  }
  const answeredIn = inPeriod(fact.answered_at, bounds);
  const receivedOn = japanDateOfMs(Date.parse(fact.arrived_at));
  const answeredOn = fact.answered_at === null ? null : japanDateOfMs(Date.parse(fact.answered_at));
  let timely: Judged['timely'] = null;
  if (answeredIn) {
    timely = answeredOnTime(ctx.days, Date.parse(fact.answered_at!), fact.due_date) ? 'onTime' : 'late';
    b.push('contact.answered', timely === 'onTime' ? 'contact.answered.onTarget' : 'contact.answered.late');
    if (fact.assignee) b.push(`staff.handled.${fact.assignee}`);
  }
  if (fact.decided_by && inPeriod(fact.decided_at, bounds)) b.push(`staff.decisions.${fact.decided_by}`);
  if (fact.approved_by && fact.approved_by !== fact.decided_by && inPeriod(fact.approved_at, bounds)) b.push(`staff.approvals.${fact.approved_by}`);
  const openNow = !ANSWERED.has(fact.status);
  if (openNow) {
    b.push('contact.open');
    if (urgencyOf(calendar, fact, clock).urgency === 'overdue') b.push('contact.open.overTarget');
  }
  return { fact, receivedIn, answeredIn, answerKind: null, timely, extended: history.some((e) => e.type === 'extend'), businessDays: null, receivedOn, answeredOn, pausedDays: null, openNow, buckets: b };
}

export function judge(fact: CaseFact, history: readonly DeadlineEvent[], ctx: ClassifyContext): Judged {
  if (isContactType(fact.type)) return judgeContact(fact as CaseFact & { type: ContactType }, history, ctx);
  const { calendar, bounds, clock } = ctx;
  const b: ReportBucket[] = [];
  const receivedIn = inPeriod(fact.arrived_at, bounds);
  if (receivedIn) {
    b.push('received', named('received.type.', fact.type), named('received.channel.', fact.channel), named('received.requester.', fact.requester_kind));
    for (const k of listOf(fact.kinds, 'cases.kinds')) b.push(named('received.kind.', `${fact.type}.${k}`));
    b.push(fact.status === 'closed' ? 'received.closed' : 'received.open');
  }

  const answeredIn = inPeriod(fact.answered_at, bounds);
  const answerKind = fact.answered_at === null ? null : fact.closure_ground === 'withdrawn' ? 'withdrawal' : fact.closure_ground !== null ? 'rejection' : 'decision';
  const extended = history.some((e) => e.type === 'extend');
  let timely: Judged['timely'] = null;
  let businessDays: number | null = null;
  let pausedDays: number | null = null;
  // Stored times are UTC ISO strings (toISOString): Date.parse reads them exactly.
  const receivedOn = ctx.days.dateOf(Date.parse(fact.arrived_at));
  const answeredAtMs = fact.answered_at === null ? NaN : Date.parse(fact.answered_at);
  const answeredOn = fact.answered_at === null ? null : ctx.days.dateOf(answeredAtMs);
  if (answeredIn && answeredOn !== null) {
    b.push('answered');
    if (history.some((e) => e.type === 'pause')) {
      pausedDays = pausedBusinessDays(calendar, history, answeredOn);
      b.push('answered.paused');
    }
    if (answerKind === 'withdrawal') b.push('withdrawn');
    else {
      timely = answeredOnTime(ctx.days, answeredAtMs, fact.due_date) ? 'onTime' : 'late';
      b.push(timely === 'onTime' ? 'answered.onTime' : 'answered.late');
      if (timely === 'onTime' && extended) b.push('answered.onTimeExtended');
      businessDays = answeredOn > fact.day_zero ? ctx.days.between(fact.day_zero, answeredOn) : 0;
      b.push(named('answered.days.', String(Math.min(businessDays, BUSINESS_DAYS_TOP))));
      if (answerKind === 'rejection') b.push(named('rejection.', fact.closure_ground!));
      else {
        b.push(named(`outcome.${fact.type}.`, fact.outcome ?? 'none'));
        for (const g of listOf(fact.grounds, 'cases.grounds')) b.push(named('ground.', g));
      }
    }
    if (fact.assignee) b.push(named('staff.handled.', fact.assignee));
  }
  if (fact.decided_by && inPeriod(fact.decided_at, bounds)) b.push(named('staff.decisions.', fact.decided_by));
  if (fact.approved_by && inPeriod(fact.approved_at, bounds)) b.push(named('staff.approvals.', fact.approved_by));

  const openNow = !ANSWERED.has(fact.status);
  if (openNow) {
    b.push('open');
    const age = clock.today > fact.day_zero ? ctx.days.between(fact.day_zero, clock.today) : 0;
    b.push(named('open.age.', ageBand(age)));
    if (urgencyOf(calendar, fact, clock).urgency === 'overdue') b.push('open.overdue');
    if (legalMarkView(fact.arrived_at, fact.status, clock, ctx.warnDays).state === 'passed') b.push('open.pastLegalMark');
    if (fact.status === 'awaiting_requester') b.push('open.waiting');
  }
  return { fact, receivedIn, answeredIn, answerKind, timely, extended, businessDays, receivedOn, answeredOn, pausedDays, openNow, buckets: b };
}
