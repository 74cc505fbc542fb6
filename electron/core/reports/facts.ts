// What a report reads from the database: one compact row per case that can matter to the period (or is
// open now), its pause/resume/extension events, its fee entries. Training cases are never read.
// Everything is plain indexed SQL; the counting itself is in classify.ts so that the figure and the list
// of cases behind it come from the same rule.
import { greatest, indexedBy } from '../../../db/dialect.ts';
import { sql } from 'kysely';
import type { DeadlineEvent } from '../calendar/index.ts';
import type { CaseRow } from '../../../db/schema.ts';
import { deadlineEventsOf, type EventRow } from '../cases/deadline-of-case.ts';
import type { Db } from '../cases/records.ts';
import type { PeriodBounds } from './period.ts';

export interface CaseFact {
  id: number;
  type: CaseRow['type'];
  kinds: CaseRow['kinds'];
  channel: CaseRow['channel'];
  requester_kind: CaseRow['requester_kind'];
  status: CaseRow['status'];
  arrived_at: string;
  day_zero: string;
  due_date: string;
  paused: number;
  legal_mark: string;
  assignee: string | null;
  outcome: string | null;
  grounds: string;
  closure_ground: string | null;
  decided_by: string | null;
  decided_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  closed_at: string | null;
  /** When the first notice answering the request (decision, rejection, withdrawal) was recorded (cases.answered_at). */
  answered_at: string | null;
}

/** Reports of one person's own workload only see the cases assigned to them. */
export type Scope = { kind: 'desk' } | { kind: 'own'; username: string };

/** A supervisor reports on the desk; an agent on their own workload. */
export const scopeOf = (user: { username: string; role: string }): Scope => (user.role === 'supervisor' ? { kind: 'desk' } : { kind: 'own', username: user.username });

/** The columns a report reads: exactly those of the covering index cases_report (migration 0030). */
const FACT_COLUMNS = sql.raw(
  ['id', 'type', 'kinds', 'channel', 'requester_kind', 'status', 'arrived_at', 'day_zero', 'due_date', 'paused', 'legal_mark', 'assignee', 'outcome', 'grounds',
    'closure_ground', 'decided_by', 'decided_at', 'approved_by', 'approved_at', 'closed_at', 'answered_at'].map((c) => `c.${c}`).join(', '),
);

/** The cases that can matter to the period (the bench prints this query's plan). */
export function factsQuery(db: Db, b: PeriodBounds, scope: Scope) {
  const own = scope.kind === 'own' ? sql`AND c.assignee = ${scope.username}` : sql``;
  // A case matters if it arrived in the period, or is not closed (open now, or answered and closing), or
  // was closed after the period began having arrived before it. Three disjoint parts, so no duplicate is
  // removed and nothing is sorted in SQL:
  // - arrivals in the period: one range of the covering index cases_report (no table row is read; the
  //   rows are wide with the member's words, the index holds only what a report counts);
  // - not closed, arrived outside the period: the partial index of open cases (0004), a few thousand;
  // - closed since the period began, arrived before it: cases_closed_arrived answers both conditions.
  // cases.answered_at (the first final notice) is kept by a trigger on notices (0030).
  return sql<CaseFact>`
    SELECT ${FACT_COLUMNS} FROM cases c ${indexedBy(db, 'cases_report')}
    WHERE c.arrived_at >= ${b.start} AND c.arrived_at < ${b.end} AND c.training = 0 ${own}
    UNION ALL
    SELECT ${FACT_COLUMNS} FROM cases c ${indexedBy(db, 'cases_open_due')}
    WHERE c.status != 'closed' AND (c.arrived_at < ${b.start} OR c.arrived_at >= ${b.end}) AND c.training = 0 ${own}
    UNION ALL
    SELECT ${FACT_COLUMNS} FROM cases c ${indexedBy(db, 'cases_closed_arrived')}
    WHERE c.closed_at IS NOT NULL AND c.closed_at >= ${b.start} AND c.arrived_at < ${b.start} AND c.status = 'closed' AND c.training = 0 ${own}`;
}

export async function loadFacts(db: Db, b: PeriodBounds, scope: Scope): Promise<CaseFact[]> {
  const { rows } = await factsQuery(db, b, scope).execute(db);
  return rows.sort((x, y) => x.id - y.id);
}

/** The deadline events (pause, resume, extend) of the given cases, oldest first per case. */
export async function loadDeadlineEvents(db: Db, ids: ReadonlySet<number>): Promise<Map<number, DeadlineEvent[]>> {
  const { rows } = await sql<EventRow & { case_id: number }>`
    SELECT case_id, id, at, actor, kind, data FROM case_events WHERE kind IN ('pause', 'resume', 'extend') ORDER BY case_id, id`.execute(db);
  const byCase = new Map<number, EventRow[]>();
  for (const r of rows) {
    if (!ids.has(r.case_id)) continue;
    let list = byCase.get(r.case_id);
    if (!list) byCase.set(r.case_id, (list = []));
    list.push(r);
  }
  return new Map([...byCase].map(([id, list]) => [id, deadlineEventsOf(list)]));
}

export interface FeeFigures {
  received: number;
  refunded: number;
  outstanding: number;
}

/** Payments and refunds dated in the period; what open disclosure requests still owe now. */
export async function loadFees(db: Db, from: string, to: string, required: number, scope: Scope): Promise<FeeFigures> {
  const own = scope.kind === 'own' ? sql`AND c.assignee = ${scope.username}` : sql``;
  // The fees dated in the period are one range of fee_entries_received (0030); training cases (few, by a
  // partial index) are left out without reading every case row behind a fee.
  const ownFee = scope.kind === 'own' ? sql`AND f.case_id IN (SELECT id FROM cases WHERE assignee = ${scope.username})` : sql``;
  const { rows: sums } = await sql<{ kind: string; total: number }>`
    SELECT f.kind, SUM(f.amount) AS total FROM fee_entries f ${indexedBy(db, 'fee_entries_received')}
    WHERE f.received_on >= ${from} AND f.received_on <= ${to} AND f.case_id NOT IN (SELECT id FROM cases ${indexedBy(db, 'cases_training')} WHERE training = 1) ${ownFee}
    GROUP BY f.kind`.execute(db);
  const { rows: owed } = await sql<{ owed: number | null }>`
    SELECT SUM(${greatest(db, sql`0`, sql`${required} - held`)}) AS owed FROM (
      SELECT COALESCE(SUM(CASE f.kind WHEN 'payment' THEN f.amount ELSE -f.amount END), 0) AS held
      FROM cases c LEFT JOIN fee_entries f ON f.case_id = c.id
      WHERE c.training = 0 ${own} AND c.type = 'disclosure' AND c.status IN ('received', 'awaiting_requester', 'in_review')
      GROUP BY c.id) AS held_by_case`.execute(db);
  return {
    received: Number(sums.find((s) => s.kind === 'payment')?.total ?? 0),
    refunded: Number(sums.find((s) => s.kind === 'refund')?.total ?? 0),
    outstanding: Number(owed[0]?.owed ?? 0),
  };
}
