// The one rule for which figure each case counts in. The report counts these buckets; the queue's
// "cases behind this figure" lists the cases whose buckets include it — so both always agree.
import type { AgeBand, ReportBucket } from '../../contract/reports.ts';
import { isContactType, type ContactType, type DisclosureGround } from '../../contract/index.ts';
import { japanDateOfMs, japanMidnightMs, pausedBusinessDays, type DeadlineEvent, type DeskCalendar } from '../calendar/index.ts';
import { legalMarkView, urgencyOf, type Clock } from '../cases/deadline-of-case.ts';
import type { CaseFact } from './facts.ts';
import { inPeriod, type PeriodBounds } from './period.ts';

export interface ClassifyContext {
  calendar: DeskCalendar;
  bounds: PeriodBounds;
  clock: Clock;
  warnDays: number;
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
function answeredOnTime(calendar: DeskCalendar, answeredAt: string, due: string): boolean {
  return Date.parse(answeredAt) < japanMidnightMs(due) + calendar.index.closeMsOfDay;
}

function ageBand(days: number): AgeBand {
  return days <= 5 ? '0_5' : days <= 10 ? '6_10' : days <= 20 ? '11_20' : '21_plus';
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
    const kinds = JSON.parse(fact.kinds) as string[];
    for (const k of kinds.length > 0 ? kinds : ['unknown']) b.push(`contact.kind.${fact.type}.${k}`);
  }
  const answeredIn = inPeriod(fact.answered_at, bounds);
  const receivedOn = japanDateOfMs(Date.parse(fact.arrived_at));
  const answeredOn = fact.answered_at === null ? null : japanDateOfMs(Date.parse(fact.answered_at));
  let timely: Judged['timely'] = null;
  if (answeredIn) {
    timely = answeredOnTime(calendar, fact.answered_at!, fact.due_date) ? 'onTime' : 'late';
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
    b.push('received', `received.type.${fact.type}`, `received.channel.${fact.channel}` as ReportBucket, `received.requester.${fact.requester_kind}` as ReportBucket);
    for (const k of JSON.parse(fact.kinds) as string[]) b.push(`received.kind.${fact.type}.${k}`);
    b.push(fact.status === 'closed' ? 'received.closed' : 'received.open');
  }

  const answeredIn = inPeriod(fact.answered_at, bounds);
  const answerKind = fact.answered_at === null ? null : fact.closure_ground === 'withdrawn' ? 'withdrawal' : fact.closure_ground !== null ? 'rejection' : 'decision';
  const extended = history.some((e) => e.type === 'extend');
  let timely: Judged['timely'] = null;
  let businessDays: number | null = null;
  let pausedDays: number | null = null;
  // Stored times are UTC ISO strings (toISOString): Date.parse reads them exactly.
  const receivedOn = japanDateOfMs(Date.parse(fact.arrived_at));
  const answeredOn = fact.answered_at === null ? null : japanDateOfMs(Date.parse(fact.answered_at));
  if (answeredIn && answeredOn !== null) {
    b.push('answered');
    if (history.some((e) => e.type === 'pause')) {
      pausedDays = pausedBusinessDays(calendar, history, answeredOn);
      b.push('answered.paused');
    }
    if (answerKind === 'withdrawal') b.push('withdrawn');
    else {
      timely = answeredOnTime(calendar, fact.answered_at!, fact.due_date) ? 'onTime' : 'late';
      b.push(timely === 'onTime' ? 'answered.onTime' : 'answered.late');
      if (timely === 'onTime' && extended) b.push('answered.onTimeExtended');
      businessDays = answeredOn > fact.day_zero ? calendar.countBusinessDays(fact.day_zero, answeredOn) : 0;
      if (answerKind === 'rejection') b.push(`rejection.${fact.closure_ground}` as ReportBucket);
      else {
        b.push(`outcome.${fact.type}.${fact.outcome ?? 'none'}`);
        for (const g of JSON.parse(fact.grounds) as DisclosureGround[]) b.push(`ground.${g}`);
      }
    }
    if (fact.assignee) b.push(`staff.handled.${fact.assignee}`);
  }
  if (fact.decided_by && inPeriod(fact.decided_at, bounds)) b.push(`staff.decisions.${fact.decided_by}`);
  if (fact.approved_by && inPeriod(fact.approved_at, bounds)) b.push(`staff.approvals.${fact.approved_by}`);

  const openNow = !ANSWERED.has(fact.status);
  if (openNow) {
    b.push('open');
    const age = clock.today > fact.day_zero ? calendar.countBusinessDays(fact.day_zero, clock.today) : 0;
    b.push(`open.age.${ageBand(age)}`);
    if (urgencyOf(calendar, fact, clock).urgency === 'overdue') b.push('open.overdue');
    if (legalMarkView(fact.arrived_at, fact.status, clock, ctx.warnDays).state === 'passed') b.push('open.pastLegalMark');
    if (fact.status === 'awaiting_requester') b.push('open.waiting');
  }
  return { fact, receivedIn, answeredIn, answerKind, timely, extended, businessDays, receivedOn, answeredOn, pausedDays, openNow, buckets: b };
}
