// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The PostgreSQL counterpart of db/migrations/0030_report_facts.ts: cases.answered_at (the first final
// notice), kept by a trigger on notices so every writer keeps it true, and the indexes a report reads.
// cases_report keeps the range columns as its key and carries the rest as INCLUDE columns: PostgreSQL can
// answer from the index alone that way while its key stays small (SQLite has no INCLUDE, so its index
// lists every column as a key).
import { sql, type Kysely } from 'kysely';

const FINAL_KINDS = sql`('decision', 'withdrawal', 'rejection')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases ADD COLUMN answered_at text`.execute(db);
  await sql`UPDATE cases SET answered_at = (SELECT MIN(n.recorded_at) FROM notices n WHERE n.case_id = cases.id AND n.kind IN ${FINAL_KINDS})`.execute(db);
  await sql`CREATE FUNCTION notices_answered_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE cases SET answered_at = NEW.recorded_at WHERE id = NEW.case_id AND (answered_at IS NULL OR answered_at > NEW.recorded_at);
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER notices_answered_at AFTER INSERT ON notices FOR EACH ROW WHEN (NEW.kind IN ${FINAL_KINDS}) EXECUTE FUNCTION notices_answered_at()`.execute(db);
  await sql`CREATE INDEX cases_report ON cases (arrived_at, training, id) INCLUDE (type, kinds, channel, requester_kind, status, day_zero, due_date, paused,
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
  await sql`DROP TRIGGER notices_answered_at ON notices`.execute(db);
  await sql`DROP FUNCTION notices_answered_at()`.execute(db);
  await sql`ALTER TABLE cases DROP COLUMN answered_at`.execute(db);
}
