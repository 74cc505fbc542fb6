// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The queue sorted by the member's name (kana, then name: 「会員名順」) read every case the filter let
// through to sort it — with the type filter, a third of the desk: 80–280 ms at 100,000 cases, and on an
// encrypted desk each of those rows' pages decrypted into the page cache, pushing out what every other
// queue call needs (bench queue's mixed run). These two indexes hold the cases in that order with the
// columns the tab and type filters test, so a page is read from the index in order and stops after 50:
//   cases_type_member    one type chosen (type = ?: the planner reads only that type's part, in order);
//   cases_member_order   any other filter (no type, or several): the whole desk in name order.
// id is written out before type/status: it is the sort's last key (core/cases/queue.ts ORDER), so equal
// names keep the same order as the table would give them, and the index still covers the filter.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX cases_type_member ON cases (type, member_kana, member_name, id, status)`.execute(db);
  await sql`CREATE INDEX cases_member_order ON cases (member_kana, member_name, id, type, status)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_member_order`.execute(db);
  await sql`DROP INDEX cases_type_member`.execute(db);
}
