// Files sent with the desk's mail (issue 19, migration 0038). Today one: the request form (開示等請求書) as a
// PDF, with the "how to make a request" answer. The core cannot print (letters are printed by Chromium: the
// desktop app's print window or the browser), so the PDF is the one a supervisor saved from the Letters
// screen's printable form and stored here; each reply drafted after that carries a copy of it (a message
// sends what was reviewed, whatever is stored later). A desk with no PDF stored answers by offering to post
// the form (core/notices/reply-templates.ts says which).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { OutboxAttachmentInfo, RequestFormPdfInfo } from '../../contract/index.ts';
import { DeskError } from '../errors.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The largest PDF the desk sends with a mail (a two-page A4 form is far smaller; mail servers refuse big ones). */
export const MAX_REQUEST_FORM_BYTES = 5 * 1024 * 1024;
/** The name the member sees on the attachment. */
export const REQUEST_FORM_FILENAME = '開示等請求書_request-form.pdf';

/** A PDF starts with %PDF- and ends with %%EOF (optionally followed by a line break or a little padding). */
function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1').includes('%%EOF');
}

export async function storeRequestFormPdf(db: Db, bytes: Buffer, actor: string, now: Date): Promise<RequestFormPdfInfo> {
  if (bytes.length > MAX_REQUEST_FORM_BYTES) throw new DeskError({ code: 'REQUEST_FORM_TOO_LARGE', bytes: bytes.length, limit: MAX_REQUEST_FORM_BYTES }, { field: 'base64' });
  if (!isPdf(bytes)) throw new DeskError({ code: 'REQUEST_FORM_NOT_PDF' }, { field: 'base64' });
  const row = { name: 'request_form_pdf' as const, filename: REQUEST_FORM_FILENAME, content_type: 'application/pdf', size: bytes.length, content: bytes, stored_by: actor, stored_at: now.toISOString() };
  await db
    .insertInto('desk_documents')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ size: row.size, content: row.content, stored_by: row.stored_by, stored_at: row.stored_at }))
    .execute();
  return { filename: row.filename, size: row.size, storedBy: actor, storedAt: row.stored_at };
}

export async function requestFormPdfInfo(db: Db): Promise<RequestFormPdfInfo | null> {
  const r = await db.selectFrom('desk_documents').select(['filename', 'size', 'stored_by', 'stored_at']).where('name', '=', 'request_form_pdf').executeTakeFirst();
  return r ? { filename: r.filename, size: r.size, storedBy: r.stored_by, storedAt: r.stored_at } : null;
}

/** Copies the stored request form onto an outbox message; false when the desk has none stored. */
export async function attachRequestForm(db: Db, outboxId: number): Promise<boolean> {
  const doc = await db.selectFrom('desk_documents').selectAll().where('name', '=', 'request_form_pdf').executeTakeFirst();
  if (!doc) return false;
  const last = await db.selectFrom('outbox_attachments').select((eb) => eb.fn.max('position').as('p')).where('outbox_id', '=', outboxId).executeTakeFirst();
  await db
    .insertInto('outbox_attachments')
    .values({ outbox_id: outboxId, position: (last?.p ?? 0) + 1, filename: doc.filename, content_type: doc.content_type, size: doc.size, content: doc.content })
    .execute();
  return true;
}

/** What the Outbox shows of a message's files (never their bytes). */
export async function attachmentInfo(db: Db, outboxId: number): Promise<OutboxAttachmentInfo[]> {
  const rows = await db.selectFrom('outbox_attachments').select(['filename', 'content_type', 'size']).where('outbox_id', '=', outboxId).orderBy('position').execute();
  return rows.map((r) => ({ filename: r.filename, contentType: r.content_type, size: r.size }));
}

/** The files the sender hands to the SMTP server with the message, in order. */
export async function attachmentsToSend(db: Db, outboxId: number): Promise<Array<{ filename: string; contentType: string; content: Buffer }>> {
  const rows = await db.selectFrom('outbox_attachments').select(['filename', 'content_type', 'content']).where('outbox_id', '=', outboxId).orderBy('position').execute();
  return rows.map((r) => ({ filename: r.filename, contentType: r.content_type, content: r.content }));
}
