// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Reports and retention (issue 16):
// - cases.training: a test or training case, marked at intake. Reports leave it out; no mail leaves for it.
// - cases.legal_hold: a case the retention purge must not touch.
// - cases.purged_at: when the retention purge removed the case's personal data (null while it holds it).
// - case_events(kind, case_id): reports read the pause, resume and extension events of every case in a
//   period; without this index that is a scan of the whole timeline table.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('training', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('cases').addColumn('legal_hold', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('cases').addColumn('purged_at', 'text').execute();
  await sql`CREATE INDEX case_events_kind_case ON case_events (kind, case_id)`.execute(db);
  await sql`CREATE INDEX cases_closed_at ON cases (closed_at) WHERE closed_at IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_closed_at`.execute(db);
  await sql`DROP INDEX case_events_kind_case`.execute(db);
  for (const c of ['purged_at', 'legal_hold', 'training']) await db.schema.alterTable('cases').dropColumn(c).execute();
}
