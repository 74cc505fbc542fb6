// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Mail can carry files (issue 19): the "how to make a request" answer goes with the request form as a PDF.
//   outbox_attachments  the files of one outbox message, in order, copied when the message is drafted (the
//                       message sends what it was reviewed with, whatever the desk stores later); they go
//                       when the message goes (ON DELETE CASCADE).
//   desk_documents      documents the desk keeps to send with its mail: today only the request form PDF, as
//                       a supervisor saved it from the Letters screen's printable form.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox_attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('outbox_id', 'integer', (c) => c.notNull().references('outbox.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'blob', (c) => c.notNull())
    .addUniqueConstraint('outbox_attachment_position', ['outbox_id', 'position'])
    .execute();
  await db.schema
    .createTable('desk_documents')
    .addColumn('name', 'text', (c) => c.primaryKey().check(sql`name in ('request_form_pdf')`))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'blob', (c) => c.notNull())
    .addColumn('stored_by', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('desk_documents').execute();
  await db.schema.dropTable('outbox_attachments').execute();
}
