// What a report reads from the database: one compact row per case that can matter to the period (or is
// open now), its pause/resume/extension events, its fee entries. Training cases are never read.
// Everything is plain indexed SQL; the counting itself is in classify.ts so that the figure and the list
// of cases behind it come from the same rule.
import { greatest, indexedBy } from '../../../db/dialect.ts';
import { sql } from 'kysely';
import { finalNoticeKinds } from '../../contract/index.ts';
import type { DeadlineEvent } from '../calendar/index.ts';
import { deadlineEventsOf, type EventRow } from '../cases/deadline-of-case.ts';
import type { Db } from '../cases/records.ts';
import type { PeriodBounds } from './period.ts';

export interface CaseFact {
  id: number;
  type: 'disclosure' | 'correction' | 'suspension';
  kinds: string;
  channel: string;
  requester_kind: string;
  status: string;
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
  /** When the first notice answering the request (decision, rejection, withdrawal) was recorded. */
  answered_at: string | null;
}

/** Reports of one person's own workload only see the cases assigned to them. */
export type Scope = { kind: 'desk' } | { kind: 'own'; username: string };

/** A supervisor reports on the desk; an agent on their own workload. */
export const scopeOf = (user: { username: string; role: string }): Scope => (user.role === 'supervisor' ? { kind: 'desk' } : { kind: 'own', username: user.username });

export async function loadFacts(db: Db, b: PeriodBounds, scope: Scope): Promise<CaseFact[]> {
  const own = scope.kind === 'own' ? sql`AND c.assignee = ${scope.username}` : sql``;
  const finals = sql.join(finalNoticeKinds.map((k) => sql`${k}`));
  // A case matters if it is not closed (open now, or answered and closing), or if it arrived before the
  // period ended and was still open at its start (arrived in it, or closed after it began).
  // The candidates come from three index ranges (open cases: the partial index of 0004; arrivals in the
  // period; closings since its start), not from a scan of every case the desk ever had.
  const { rows } = await sql<CaseFact>`
    SELECT c.id, c.type, c.kinds, c.channel, c.requester_kind, c.status, c.arrived_at, c.day_zero, c.due_date,
           c.paused, c.legal_mark, c.assignee, c.outcome, c.grounds, c.closure_ground, c.decided_by, c.decided_at,
           c.approved_by, c.approved_at, c.closed_at,
           (SELECT MIN(n.recorded_at) FROM notices n WHERE n.case_id = c.id AND n.kind IN (${finals})) AS answered_at
    FROM cases c
    WHERE c.id IN (
        SELECT id FROM cases ${indexedBy(db, 'cases_open_due')} WHERE status != 'closed'
        UNION SELECT id FROM cases WHERE arrived_at >= ${b.start} AND arrived_at < ${b.end}
        UNION SELECT id FROM cases ${indexedBy(db, 'cases_closed_at')} WHERE closed_at IS NOT NULL AND closed_at >= ${b.start} AND arrived_at < ${b.end})
      AND c.training = 0 ${own}
    ORDER BY c.id`.execute(db);
  return rows;
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
  const { rows: sums } = await sql<{ kind: string; total: number }>`
    SELECT f.kind, SUM(f.amount) AS total FROM fee_entries f JOIN cases c ON c.id = f.case_id
    WHERE c.training = 0 ${own} AND f.received_on >= ${from} AND f.received_on <= ${to} GROUP BY f.kind`.execute(db);
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
