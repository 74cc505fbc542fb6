// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Repair on upgrade (issue 11, rule 1): until now a calendar change recomputed the due date of withdrawn,
// rejected, decided and approved cases too, so a case whose clock had stopped could carry a due date
// its history never gave it. For every case whose clock has stopped, the timeline is walked in order;
// the first due-date recompute made after the clock stopped is undone: the case gets back the due date it
// had then, and a `due_restored` event on its timeline says so (from, to, which recomputes are undone).
import { sql, type Kysely } from 'kysely';

/** Statuses whose due date follows the calendar (as core/cases/deadline-of-case.ts had it when this shipped). */
const RUNNING = new Set(['received', 'awaiting_requester', 'in_review']);

interface EventRow {
  id: number;
  case_id: number;
  kind: string;
  data: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const cases = await sql<{ id: number; status: string; due_date: string }>`
    SELECT id, status, due_date FROM cases WHERE status NOT IN ('received', 'awaiting_requester', 'in_review')`.execute(db);
  const at = new Date().toISOString();
  for (const c of cases.rows) {
    const events = await sql<EventRow>`SELECT id, case_id, kind, data FROM case_events WHERE case_id = ${c.id} ORDER BY id`.execute(db);
    let status = 'received';
    let restore: string | null = null;
    const undone: number[] = [];
    for (const e of events.rows) {
      const data = JSON.parse(e.data) as { to?: unknown; oldDue?: unknown };
      if (e.kind === 'due_recomputed' && !RUNNING.has(status)) {
        if (restore === null && typeof data.oldDue === 'string') restore = data.oldDue;
        undone.push(e.id);
      }
      if (typeof data.to === 'string') status = data.to;
    }
    if (restore === null || restore === c.due_date) continue;
    await sql`UPDATE cases SET due_date = ${restore} WHERE id = ${c.id}`.execute(db);
    const note = JSON.stringify({ from: c.due_date, to: restore, undone, why: 'recomputed_after_clock_stopped' });
    await sql`INSERT INTO case_events (case_id, at, actor, kind, data) VALUES (${c.id}, ${at}, NULL, 'due_restored', ${note})`.execute(db);
  }
}

export async function down(): Promise<void> {
  // A repair is not undone: the restored due date is the one the case's history recorded.
}
