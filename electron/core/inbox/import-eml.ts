// .eml files into the desk (the Inbox drop and `desk mail import`): each file read whole and handed to
// the same store as mail fetched over IMAP, in batches (one transaction per batch: a thousand exported
// mails are not a thousand fsyncs). One file's trouble is that file's result, never the others'.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { MAX_EML_FILE_BYTES, type MailImportResult } from '../../contract/index.ts';
import { maxMessageBytes } from './mailbox-settings.ts';
import { storeBatch, type IntakeResult } from './store-mail.ts';

type Fail = MailImportResult['reason'];
const failed = (file: string, reason: Fail): MailImportResult => ({ file, status: 'error', reference: null, subject: '', from: '', arrivedAt: null, attachments: [], reason, unreadable: false, oversize: false });
const toResult = (file: string, r: IntakeResult): MailImportResult => ({ file, status: r.status, reference: r.reference, subject: r.subject, from: r.from, arrivedAt: r.arrivedAt, attachments: r.attachments, reason: null, unreadable: r.unreadable, oversize: r.oversize });

/** Files are stored in batches of at most this many files and bytes, each batch one transaction. */
const BATCH_FILES = 100;
const BATCH_BYTES = 32 * 1024 * 1024;

export async function importEmls(db: Kysely<DB>, files: ReadonlyArray<{ file: string; raw: Buffer }>, now: Date): Promise<MailImportResult[]> {
  const maxBytes = await maxMessageBytes(db);
  const out: MailImportResult[] = new Array(files.length);
  let batch: number[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const results = await storeBatch(db, batch.map((i) => ({ raw: files[i]!.raw, origin: { source: 'file' as const } })), { now, maxBytes });
    batch.forEach((i, k) => (out[i] = toResult(files[i]!.file, results[k]!)));
    batch = [];
    size = 0;
  };
  for (const [i, f] of files.entries()) {
    if (f.raw.length === 0) out[i] = failed(f.file, 'file_empty');
    else if (f.raw.length > MAX_EML_FILE_BYTES) out[i] = failed(f.file, 'file_too_large');
    else {
      if (batch.length >= BATCH_FILES || (size > 0 && size + f.raw.length > BATCH_BYTES)) await flush();
      batch.push(i);
      size += f.raw.length;
    }
  }
  await flush();
  return out;
}

export async function importEml(db: Kysely<DB>, file: string, raw: Buffer, now: Date): Promise<MailImportResult> {
  return (await importEmls(db, [{ file, raw }], now))[0]!;
}

export { failed as importFailure };
