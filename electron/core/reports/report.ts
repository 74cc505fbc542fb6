// One period's report: received, answered on time or late, business days to the notice, outcomes,
// refusals by ground, open now, fees, per-staff workload. Japan dates whatever the PC's zone; business
// days from core/calendar; which case counts where from classify.ts. See README.md beside this file.
import { sql } from 'kysely';
import { DISCLOSURE_FEE_YEN, disclosureGrounds, intakeChannels, rejectionGrounds, requesterKinds, requestTypes, contactTypes, isRequestType, recordOf } from '../../contract/index.ts';
import { ageBands, BUSINESS_DAYS_TOP, type CountBy, type MonthFigures, type Report, type ReportBucket, type ReportPeriod, type StaffFigures } from '../../contract/reports.ts';
import type { DeskCalendar } from '../calendar/index.ts';
import { clockOf } from '../cases/deadline-of-case.ts';
import type { Db } from '../cases/records.ts';
import { judge, reportDays, type ClassifyContext, type Judged } from './classify.ts';
import { loadDeadlineEvents, loadFacts, loadFees, type Scope } from './facts.ts';
import { monthsOf, periodBounds } from './period.ts';
import { median, percentile90 } from './stats.ts';
import { japanDateOf } from '../calendar/index.ts';

export interface ReportContext {
  db: Db;
  calendar: DeskCalendar;
  now: Date;
  warnDays: number;
}

/** Every case that can matter to the period, judged once. */
export async function judgeCases(ctx: ReportContext, period: ReportPeriod, scope: Scope): Promise<Judged[]> {
  const bounds = periodBounds(period);
  const facts = await loadFacts(ctx.db, bounds, scope);
  const events = await loadDeadlineEvents(ctx.db, new Set(facts.map((f) => f.id)));
  const c: ClassifyContext = { calendar: ctx.calendar, bounds, clock: clockOf(ctx.now), warnDays: ctx.warnDays, days: reportDays(ctx.calendar) };
  return facts.map((f) => judge(f, events.get(f.id) ?? [], c));
}

/** The ids of the cases behind one figure, in case order (the queue's report filter). */
export async function caseIdsOf(ctx: ReportContext, period: ReportPeriod, scope: Scope, bucket: ReportBucket): Promise<number[]> {
  return (await judgeCases(ctx, period, scope)).filter((j) => j.buckets.includes(bucket)).map((j) => j.fact.id);
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => recordOf(keys, () => 0);


export async function buildReport(ctx: ReportContext, period: ReportPeriod, scope: Scope): Promise<Report> {
  const judged = await judgeCases(ctx, period, scope);
  const counts = new Map<string, number>();
  const days: number[] = [];
  const paused: number[] = [];
  const months = monthsOf(period);
  const monthly = new Map<string, MonthFigures>(months.map((m) => [m, { month: m, received: zeros(requestTypes), onTime: 0, late: 0, onTimeRate: null }]));
  const histogram = new Array<number>(BUSINESS_DAYS_TOP + 1).fill(0);
  for (const j of judged) {
    for (const b of j.buckets) counts.set(b, (counts.get(b) ?? 0) + 1);
    if (j.businessDays !== null) {
      days.push(j.businessDays);
      histogram[Math.min(j.businessDays, BUSINESS_DAYS_TOP)]! += 1;
    }
    if (j.pausedDays !== null) paused.push(j.pausedDays);
    // The monthly chart is the requests' (inquiries and complaints have their own figures).
    if (j.receivedIn && isRequestType(j.fact.type)) monthly.get(j.receivedOn.slice(0, 7))!.received[j.fact.type] += 1;
    if (j.timely && j.answeredOn && isRequestType(j.fact.type)) {
      const m = monthly.get(j.answeredOn.slice(0, 7))!;
      if (j.timely === 'onTime') m.onTime += 1;
      else m.late += 1;
    }
  }
  for (const m of monthly.values()) m.onTimeRate = m.onTime + m.late === 0 ? null : m.onTime / (m.onTime + m.late);
  const n = (b: ReportBucket) => counts.get(b) ?? 0;
  const prefixed = <K extends string>(prefix: string): Array<CountBy<K>> =>
    [...counts]
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, count]) => ({ key: k.slice(prefix.length) as K, count }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  const onTime = n('answered.onTime');
  const late = n('answered.late');
  const fees = await loadFees(ctx.db, period.from, period.to, DISCLOSURE_FEE_YEN, scope);
  return {
    period,
    scope: scope.kind,
    generatedAt: ctx.now.toISOString(),
    today: japanDateOf(ctx.now),
    received: n('received'),
    byType: recordOf(requestTypes, (t) => n(`received.type.${t}`)),
    byKind: prefixed('received.kind.'),
    byChannel: recordOf(intakeChannels, (c) => n(`received.channel.${c}`)),
    byRequester: recordOf(requesterKinds, (r) => n(`received.requester.${r}`)),
    closed: n('received.closed'),
    open: n('received.open'),
    answered: n('answered'),
    onTime,
    onTimeExtended: n('answered.onTimeExtended'),
    late,
    onTimeRate: onTime + late === 0 ? null : onTime / (onTime + late),
    medianBusinessDays: median(days),
    p90BusinessDays: percentile90(days),
    businessDaysHistogram: histogram,
    pausedCases: paused.length,
    medianPausedBusinessDays: median(paused),
    outcomes: prefixed('outcome.'),
    groundsCited: recordOf(disclosureGrounds, (g) => n(`ground.${g}`)),
    rejections: recordOf(rejectionGrounds, (g) => n(`rejection.${g}`)),
    withdrawn: n('withdrawn'),
    openNow: n('open'),
    openByAge: recordOf(ageBands, (a) => n(`open.age.${a}`)),
    overdueNow: n('open.overdue'),
    pastLegalMarkNow: n('open.pastLegalMark'),
    waitingNow: n('open.waiting'),
    fees,
    monthly: [...monthly.values()],
    staff: scope.kind === 'desk' ? await staffFigures(ctx.db, counts) : [],
    contacts: {
      received: recordOf(contactTypes, (t) => n(`contact.received.${t}`)),
      byKind: prefixed('contact.kind.'),
      answered: n('contact.answered'),
      onTarget: n('contact.answered.onTarget'),
      late: n('contact.answered.late'),
      openNow: n('contact.open'),
      overTargetNow: n('contact.open.overTarget'),
    },
  };
}

async function staffFigures(db: Db, counts: Map<string, number>): Promise<StaffFigures[]> {
  const { rows } = await sql<{ username: string; display_name: string }>`SELECT username, display_name FROM accounts ORDER BY username`.execute(db);
  return rows
    .map((a) => ({
      username: a.username,
      displayName: a.display_name,
      handled: counts.get(`staff.handled.${a.username}`) ?? 0,
      decisions: counts.get(`staff.decisions.${a.username}`) ?? 0,
      approvals: counts.get(`staff.approvals.${a.username}`) ?? 0,
    }))
    .filter((s) => s.handled + s.decisions + s.approvals > 0);
}
