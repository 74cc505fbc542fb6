// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Cases and everything recorded on them. The deadline columns (day_zero, due_date, …) are a cache of
// what core/calendar computes from arrived_at, days and the deadline events, so the queue can sort
// and filter 100,000 cases by index; core/cases rewrites them on every event and calendar change.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('disclosure', 'correction', 'suspension')`))
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paused_from', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('arrived_at', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('day_zero', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('legal_mark', 'text', (c) => c.notNull())
    .addColumn('requester_kind', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('member_name', 'text', (c) => c.notNull())
    .addColumn('member_kana', 'text', (c) => c.notNull())
    .addColumn('member_email', 'text', (c) => c.notNull())
    .addColumn('member_postal_code', 'text', (c) => c.notNull())
    .addColumn('member_address', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('request_text', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text')
    .addColumn('assignee', 'text', (c) => c.references('accounts.username'))
    .addColumn('outcome', 'text')
    .addColumn('grounds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reasoning', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('alternative_measure', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('closure_ground', 'text')
    .addColumn('closure_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('cases_status_due').on('cases').columns(['status', 'due_date']).execute();
  await db.schema.createIndex('cases_due').on('cases').columns(['due_date']).execute();
  await db.schema.createIndex('cases_type_status_due').on('cases').columns(['type', 'status', 'due_date']).execute();
  await db.schema.createIndex('cases_assignee_status_due').on('cases').columns(['assignee', 'status', 'due_date']).execute();
  await db.schema.createIndex('cases_email').on('cases').columns(['member_email']).execute();
  await db.schema.createIndex('cases_arrived').on('cases').columns(['arrived_at']).execute();

  // The timeline: every event on a case, including the deadline history (pause, resume, extend).
  await db.schema
    .createTable('case_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute();

  await db.schema
    .createTable('identity_checks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_checks_case').on('identity_checks').columns(['case_id']).execute();

  await db.schema
    .createTable('fee_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('payment', 'refund')`))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fee_entries_case').on('fee_entries').columns(['case_id']).execute();

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_notes_case').on('case_notes').columns(['case_id']).execute();

  await db.schema
    .createTable('notices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('mail', 'letter')`))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_case').on('notices').columns(['case_id']).execute();

  // Full-text search that finds Japanese substrings: trigram tokens, one row per case (rowid = id).
  await sql`CREATE VIRTUAL TABLE case_search USING fts5(body, tokenize = 'trigram')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE case_search`.execute(db);
  for (const t of ['notices', 'case_notes', 'fee_entries', 'identity_checks', 'case_events', 'cases']) await db.schema.dropTable(t).execute();
}
