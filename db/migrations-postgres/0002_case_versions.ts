// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The PostgreSQL counterpart of db/migrations/0034_case_versions.ts: each case's version and last changer.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases DROP COLUMN updated_by, DROP COLUMN version`.execute(db);
}
