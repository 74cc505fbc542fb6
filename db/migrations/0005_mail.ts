// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The outbox (notices by email, sent when the desk is online, never lost) and the desk's SMTP settings.
// A message keeps its Message-ID from the moment it is drafted, so a resend after a crash is the same
// message to the member's mail program. The SMTP password lives only here, inside the encrypted file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('notice_kind', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft', 'queued', 'sending', 'sent', 'failed', 'cancelled')`))
    // Every try; server_attempts only those where the server was reached (the retry limit counts these).
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('server_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('queued_by', 'text')
    .addColumn('queued_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('possibly_duplicated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A claim exists exactly while a message is being sent.
    .addCheckConstraint('outbox_claim', sql`(state = 'sending') = (claimed_by IS NOT NULL)`)
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['state', 'queued_at', 'id']).execute();
  await db.schema.createIndex('outbox_case').on('outbox').columns(['case_id', 'id']).execute();

  // One row: the desk's mail server. No row: not configured yet (email waits in the outbox).
  await db.schema
    .createTable('mail_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('tls', 'text', (c) => c.notNull().check(sql`tls in ('none', 'starttls', 'tls')`))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_settings').execute();
  await db.schema.dropTable('outbox').execute();
}
