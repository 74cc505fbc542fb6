// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Reports at desk scale (issue 16): a one-year report on a 100,000-case desk read 40,000 case rows through
// the table (rows are wide: they carry the member's words) and looked up each case's first final notice.
// - cases.answered_at: when the first notice answering the request (decision, rejection, withdrawal) was
//   recorded — kept by a trigger on notices (the only way a notice is written is an INSERT; notices are
//   never updated in time or deleted), so every writer (screens, CLI, import, mail queue) keeps it true.
// - cases_report: a covering index of exactly the columns a report reads, in arrival order, so the
//   cases that arrived in a period are one range of compact index pages.
// - cases_closed_arrived: cases closed since a period began that arrived before it, without reading rows.
// - fee_entries_received: fees dated in a period without scanning every fee; cases_training: the few
//   training cases, which reports leave out.
import { sql, type Kysely } from 'kysely';

const FINAL_KINDS = sql`('decision', 'withdrawal', 'rejection')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('answered_at', 'text').execute();
  await sql`UPDATE cases SET answered_at = (SELECT MIN(n.recorded_at) FROM notices n WHERE n.case_id = cases.id AND n.kind IN ${FINAL_KINDS})`.execute(db);
  await sql`CREATE TRIGGER notices_answered_at AFTER INSERT ON notices WHEN NEW.kind IN ${FINAL_KINDS}
    BEGIN UPDATE cases SET answered_at = NEW.recorded_at WHERE id = NEW.case_id AND (answered_at IS NULL OR answered_at > NEW.recorded_at); END`.execute(db);
  await sql`CREATE INDEX cases_report ON cases (arrived_at, training, id, type, kinds, channel, requester_kind, status, day_zero, due_date, paused,
    legal_mark, assignee, outcome, grounds, closure_ground, decided_by, decided_at, approved_by, approved_at, closed_at, answered_at)`.execute(db);
  await sql`CREATE INDEX cases_closed_arrived ON cases (closed_at, arrived_at) WHERE closed_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX fee_entries_received ON fee_entries (received_on, kind, amount, case_id)`.execute(db);
  await sql`CREATE INDEX cases_training ON cases (id) WHERE training = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_training`.execute(db);
  await sql`DROP INDEX fee_entries_received`.execute(db);
  await sql`DROP INDEX cases_closed_arrived`.execute(db);
  await sql`DROP INDEX cases_report`.execute(db);
  await sql`DROP TRIGGER notices_answered_at`.execute(db);
  await db.schema.alterTable('cases').dropColumn('answered_at').execute();
}
