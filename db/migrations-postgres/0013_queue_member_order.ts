// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The PostgreSQL counterpart of db/migrations/0041_queue_member_order.ts: the queue sorted by the member's
// name reads its page from an index in that order (one type chosen, or any other filter) instead of sorting
// every case the filter lets through. type and status ride along (INCLUDE) for the filters.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX cases_type_member ON cases (type, member_kana, member_name, id) INCLUDE (status)`.execute(db);
  await sql`CREATE INDEX cases_member_order ON cases (member_kana, member_name, id) INCLUDE (type, status)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_member_order`.execute(db);
  await sql`DROP INDEX cases_type_member`.execute(db);
}
