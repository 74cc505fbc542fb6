// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The PostgreSQL counterpart of db/migrations/0033_reply_answers.ts: a reply (notice kind 'reply') answers an
// inquiry or complaint, so 0004's trigger on notices keeps cases.answered_at for replies too.
import { sql, type Kysely } from 'kysely';

const OLD_KINDS = sql`('decision', 'withdrawal', 'rejection')`;
const KINDS = sql`('decision', 'withdrawal', 'rejection', 'reply')`;

async function trigger(db: Kysely<unknown>, kinds: typeof KINDS): Promise<void> {
  // The function (0004) is unchanged; only the trigger's condition names the kinds.
  await sql`DROP TRIGGER notices_answered_at ON notices`.execute(db);
  await sql`CREATE TRIGGER notices_answered_at AFTER INSERT ON notices FOR EACH ROW WHEN (NEW.kind IN ${kinds}) EXECUTE FUNCTION notices_answered_at()`.execute(db);
  await sql`UPDATE cases SET answered_at = (SELECT MIN(n.recorded_at) FROM notices n WHERE n.case_id = cases.id AND n.kind IN ${kinds})`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await trigger(db, KINDS);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await trigger(db, OLD_KINDS);
}
