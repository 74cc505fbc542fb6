// FROZEN: shipped migrations are never edited. A change is a new migration file.
// An inquiry's or complaint's reply (notice kind 'reply', issue 19) answers it like a decision answers a
// request: cases.answered_at (0030's trigger, which knew only decision, withdrawal and rejection) is kept
// for replies too, so reports count them as answered against their reply target.
import { sql, type Kysely } from 'kysely';

const OLD_KINDS = sql`('decision', 'withdrawal', 'rejection')`;
const KINDS = sql`('decision', 'withdrawal', 'rejection', 'reply')`;

async function trigger(db: Kysely<unknown>, kinds: typeof KINDS): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS notices_answered_at`.execute(db);
  await sql`CREATE TRIGGER notices_answered_at AFTER INSERT ON notices WHEN NEW.kind IN ${kinds}
    BEGIN UPDATE cases SET answered_at = NEW.recorded_at WHERE id = NEW.case_id AND (answered_at IS NULL OR answered_at > NEW.recorded_at); END`.execute(db);
  await sql`UPDATE cases SET answered_at = (SELECT MIN(n.recorded_at) FROM notices n WHERE n.case_id = cases.id AND n.kind IN ${kinds})`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute((trx) => trigger(trx, KINDS));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute((trx) => trigger(trx, OLD_KINDS));
}
