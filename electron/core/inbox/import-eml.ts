// .eml files into the desk (the Inbox drop and `desk mail import`): each file read whole and handed to
// the same store as mail fetched over IMAP. One file's trouble is that file's result, never the others'.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { MAX_EML_FILE_BYTES, type MailImportResult } from '../../contract/index.ts';
import { maxMessageBytes } from './mailbox-settings.ts';
import { storeIncoming } from './store-mail.ts';

export async function importEml(db: Kysely<DB>, file: string, raw: Buffer, now: Date): Promise<MailImportResult> {
  const fail = (reason: MailImportResult['reason']): MailImportResult => ({ file, status: 'error', reference: null, subject: '', from: '', arrivedAt: null, attachments: [], reason, unreadable: false, oversize: false });
  if (raw.length === 0) return fail('file_empty');
  if (raw.length > MAX_EML_FILE_BYTES) return fail('file_too_large');
  const r = await storeIncoming(db, raw, { source: 'file' }, { now, maxBytes: await maxMessageBytes(db) });
  return { file, status: r.status, reference: r.reference, subject: r.subject, from: r.from, arrivedAt: r.arrivedAt, attachments: r.attachments, reason: null, unreadable: r.unreadable, oversize: r.oversize };
}
