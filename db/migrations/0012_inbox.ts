// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The desk's incoming mail: every message that reached the desk (over IMAP or from an .eml file), kept
// with its raw bytes and attachments inside the encrypted file; where it went (the triage inbox, a case,
// set aside); the mailbox settings (the IMAP password lives only here); how far each mailbox was read;
// and bounces of the desk's own notices.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbox_messages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // The sender's Message-ID (lower-cased, with <>), when it has one: one of the two duplicate keys.
    .addColumn('message_id', 'text')
    // SHA-256 of the raw bytes as received: the same mail twice is stored once.
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('raw', 'blob', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('imap', 'file')`))
    .addColumn('imap_mailbox', 'text')
    .addColumn('imap_uidvalidity', 'text')
    .addColumn('imap_uid', 'integer')
    // When the desk's server received it (topmost Received header, else IMAP INTERNALDATE, else the
    // Date header, else when it was imported) and which of those it was.
    .addColumn('arrived_at', 'text', (c) => c.notNull())
    .addColumn('arrival_source', 'text', (c) => c.notNull().check(sql`arrival_source in ('received', 'internaldate', 'date', 'imported')`))
    .addColumn('date_header', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('recipient_count', 'integer', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('in_reply_to', 'text')
    .addColumn('references', 'text', (c) => c.notNull()) // JSON array of Message-IDs
    // ok: decoded; unreadable: kept as raw bytes only (broken structure, garbage, no headers).
    .addColumn('parse_state', 'text', (c) => c.notNull().check(sql`parse_state in ('ok', 'unreadable')`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('mail', 'auto_reply', 'bounce')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('inbox', 'attached', 'dismissed')`))
    .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('attached_by_rule', 'text', (c) => c.check(sql`attached_by_rule in ('reference', 'message_id', 'staff', 'created')`))
    .addColumn('dismiss_reason', 'text', (c) => c.check(sql`dismiss_reason in ('spam', 'question', 'other')`))
    // Bigger than the size limit: stored without its attachments (raw keeps the header only).
    .addColumn('oversize', 'integer', (c) => c.notNull().defaultTo(0))
    // A reply that arrived after its case was closed.
    .addColumn('after_close', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('handled_by', 'text')
    .addColumn('handled_at', 'text')
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .addCheckConstraint('inbox_attached_has_case', sql`(status = 'attached') = (case_id IS NOT NULL)`)
    .addCheckConstraint('inbox_dismissed_has_reason', sql`(status = 'dismissed') = (dismiss_reason IS NOT NULL)`)
    .execute();
  await db.schema.createIndex('inbox_by_message_id').on('inbox_messages').column('message_id').execute();
  await db.schema.createIndex('inbox_by_status').on('inbox_messages').columns(['status', 'arrived_at']).execute();
  await db.schema.createIndex('inbox_by_case').on('inbox_messages').columns(['case_id', 'arrived_at']).execute();

  await db.schema
    .createTable('inbox_attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('message_id', 'integer', (c) => c.notNull().references('inbox_messages.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'blob', (c) => c.notNull())
    .addUniqueConstraint('inbox_attachment_position', ['message_id', 'position'])
    .execute();

  // One row: the desk's mailbox. No row: mail comes in only from .eml files.
  await db.schema
    .createTable('mailbox_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('tls', 'text', (c) => c.notNull().check(sql`tls in ('none', 'starttls', 'tls')`))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    // move: processed mail goes to move_to; seen: it stays and is marked \Seen. Nothing is ever deleted.
    .addColumn('after_fetch', 'text', (c) => c.notNull().check(sql`after_fetch in ('move', 'seen')`))
    .addColumn('move_to', 'text', (c) => c.notNull())
    .addColumn('max_message_bytes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  // How far each mailbox (host/user/folder) was read under its current UIDVALIDITY.
  await db.schema
    .createTable('mailbox_state')
    .addColumn('mailbox', 'text', (c) => c.primaryKey())
    .addColumn('uidvalidity', 'text', (c) => c.notNull())
    .addColumn('last_uid', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A delivery-status notification for a notice the desk sent: that notice was not delivered.
  await db.schema
    .createTable('outbox_bounces')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('outbox_id', 'integer', (c) => c.notNull().references('outbox.id'))
    .addColumn('inbox_message_id', 'integer', (c) => c.notNull().unique().references('inbox_messages.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // the DSN's status code, e.g. 5.1.1
    .addColumn('diagnostic', 'text', (c) => c.notNull()) // the server's words
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_bounces_by_outbox').on('outbox_bounces').column('outbox_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox_bounces').execute();
  await db.schema.dropTable('mailbox_state').execute();
  await db.schema.dropTable('mailbox_settings').execute();
  await db.schema.dropTable('inbox_attachments').execute();
  await db.schema.dropTable('inbox_messages').execute();
}
