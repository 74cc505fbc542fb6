// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The PostgreSQL counterpart of db/migrations/0032_inquiries_complaints.ts: cases.type also takes 'inquiry'
// and 'complaint', and the columns that link cases and hold a reply. PostgreSQL changes a CHECK in place
// (the constraint PostgreSQL named for the column, cases_type_check): no table rebuild as on SQLite.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases DROP CONSTRAINT cases_type_check`.execute(db);
  await sql`ALTER TABLE cases ADD CONSTRAINT cases_type_check CHECK (type IN ('disclosure', 'correction', 'suspension', 'inquiry', 'complaint'))`.execute(db);
  await sql`ALTER TABLE cases ADD COLUMN related_case_id integer, ADD COLUMN converted_from text, ADD COLUMN reply_template text,
    ADD COLUMN reply_ja text NOT NULL DEFAULT '', ADD COLUMN reply_en text NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE INDEX cases_related ON cases (related_case_id) WHERE related_case_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // As on SQLite: going down refuses, untouched, while an inquiry or complaint is stored.
  const kept = await sql<{ n: string }>`SELECT count(*) AS n FROM cases WHERE type IN ('inquiry', 'complaint')`.execute(db);
  if (Number(kept.rows[0]?.n ?? 0) > 0) throw new Error(`${kept.rows[0]!.n} inquiries and complaints are stored: the older schema cannot hold them`);
  await sql`DROP INDEX cases_related`.execute(db);
  await sql`ALTER TABLE cases DROP COLUMN reply_en, DROP COLUMN reply_ja, DROP COLUMN reply_template, DROP COLUMN converted_from, DROP COLUMN related_case_id`.execute(db);
  await sql`ALTER TABLE cases DROP CONSTRAINT cases_type_check`.execute(db);
  await sql`ALTER TABLE cases ADD CONSTRAINT cases_type_check CHECK (type IN ('disclosure', 'correction', 'suspension'))`.execute(db);
}
