// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Notices that reach the right person, exactly once (issue 10):
//  - a representative's or agent's own contact (postal code, address, email, phone): their notices go
//    there, the member's own address only when the member is the requester;
//  - a notice record can be a copy (a second delivery a person chose), so "the notice" is still one row;
//  - a cancelled outbox message names who cancelled it (cancel_reason holds a code: delivered_by_letter,
//    superseded, case_closed, by_staff …; never an English sentence for staff).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['requester_postal_code', 'requester_address', 'requester_email', 'requester_phone']) {
    await db.schema.alterTable('cases').addColumn(column, 'text', (c) => c.notNull().defaultTo('')).execute();
  }
  await db.schema
    .alterTable('notices')
    .addColumn('copy', 'integer', (c) => c.notNull().defaultTo(0).check(sql`copy in (0, 1)`))
    .execute();
  await db.schema.alterTable('outbox').addColumn('cancelled_by', 'text').execute();
  // What staff typed when they cancelled a message themselves (their own words, shown as typed).
  await db.schema.alterTable('outbox').addColumn('cancel_note', 'text', (c) => c.notNull().defaultTo('')).execute();
  // The one notice per case and kind: at most one original per kind and "round" is enforced by the core
  // (documents requests and extensions can be owed again); this index keeps the lookups cheap.
  await db.schema.createIndex('notices_case_kind').on('notices').columns(['case_id', 'kind', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('notices_case_kind').execute();
  await db.schema.alterTable('outbox').dropColumn('cancel_note').execute();
  await db.schema.alterTable('outbox').dropColumn('cancelled_by').execute();
  await db.schema.alterTable('notices').dropColumn('copy').execute();
  for (const column of ['requester_phone', 'requester_email', 'requester_address', 'requester_postal_code']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
}
