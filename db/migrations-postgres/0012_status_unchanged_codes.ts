// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The PostgreSQL counterpart of db/migrations/0040_status_unchanged_codes.ts: a shared desk's notice events
// whose `statusUnchanged` is still an English sentence (written before 2026-12-03 14:17 UTC) get the
// refusal's code instead. The same frozen conversion; kysely runs PostgreSQL's migrations in one transaction (transactional DDL).
import type { Kysely } from 'kysely';
import { convertStatusUnchanged } from '../migrations/0040_status_unchanged_codes.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await convertStatusUnchanged(db);
}

export async function down(): Promise<void> {
  // One way, as on SQLite.
}
