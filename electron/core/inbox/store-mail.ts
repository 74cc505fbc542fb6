// Taking one incoming mail into the desk: stored whole (raw bytes, text, attachments) in the encrypted
// database in one transaction, then filed: a reply or an automatic answer goes onto its case, a bounce
// marks the desk's notice, anything else waits in the Inbox. The caller (the IMAP fetcher, the .eml import)
// marks or moves the mail on the server only after this returned.
//
// The same mail is stored once: by its content hash (the same bytes again, e.g. a re-read after a crash or
// a UIDVALIDITY reset) and by its Message-ID (the same mail by two routes, or exported twice).
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { MailIntakeStatus } from '../../contract/index.ts';
import { recordEvent } from '../cases/records.ts';
import { markBounced, isFailure } from './bounce.ts';
import { headerBlock, parseIncoming, type ParsedIncoming } from './parse-mail.ts';
import { matchCase, outboxByMessageId } from './thread-match.ts';

/** The default per-message size limit (a setting): a bigger mail is kept without its attachments. */
export const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const CLOCK_SKEW_MS = 2 * 60_000;

export interface MailOrigin {
  source: 'imap' | 'file';
  mailbox?: string;
  uidvalidity?: string;
  uid?: number;
  /** IMAP INTERNALDATE: when the server put the mail in the mailbox. */
  internalDate?: Date | null;
}

export interface IntakeResult {
  status: MailIntakeStatus;
  /** The stored message (for a duplicate: the one stored before). */
  inboxId: number;
  reference: string | null;
  subject: string;
  from: string;
  arrivedAt: string;
  attachments: string[];
  unreadable: boolean;
  oversize: boolean;
}

export function contentHash(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** When the desk's server received the mail: the topmost Received, else INTERNALDATE, else Date, else now. Never in the future. */
export function arrivalOf(p: ParsedIncoming, origin: MailOrigin, now: Date): { at: string; source: 'received' | 'internaldate' | 'date' | 'imported' } {
  const limit = now.getTime() + CLOCK_SKEW_MS;
  const ok = (iso: string | null | undefined) => !!iso && Date.parse(iso) <= limit;
  if (ok(p.receivedAt)) return { at: p.receivedAt!, source: 'received' };
  const internal = origin.internalDate && !Number.isNaN(origin.internalDate.getTime()) ? origin.internalDate.toISOString() : null;
  if (ok(internal)) return { at: internal!, source: 'internaldate' };
  if (ok(p.dateHeader)) return { at: p.dateHeader!, source: 'date' };
  return { at: now.toISOString(), source: 'imported' };
}

async function existing(db: Kysely<DB> | Transaction<DB>, hash: string, messageId: string | null) {
  const byHash = await db.selectFrom('inbox_messages').select(['id', 'subject', 'from_address', 'arrived_at', 'case_id']).where('content_hash', '=', hash).executeTakeFirst();
  if (byHash || !messageId) return byHash ?? null;
  return (await db.selectFrom('inbox_messages').select(['id', 'subject', 'from_address', 'arrived_at', 'case_id']).where('message_id', '=', messageId).orderBy('id').executeTakeFirst()) ?? null;
}

/** A mail read and judged, not yet stored: the part of the intake that needs no database. */
export interface PreparedMail {
  raw: Buffer;
  hash: string;
  parsed: ParsedIncoming;
  origin: MailOrigin;
  oversize: boolean;
  arrival: { at: string; source: 'received' | 'internaldate' | 'date' | 'imported' };
}

export async function prepareIncoming(raw: Buffer, origin: MailOrigin, opts: { now: Date; maxBytes?: number }): Promise<PreparedMail> {
  const parsed = await parseIncoming(raw);
  const oversize = raw.length > (opts.maxBytes ?? DEFAULT_MAX_MESSAGE_BYTES);
  return { raw, hash: contentHash(raw), parsed, origin, oversize, arrival: arrivalOf(parsed, origin, opts.now) };
}

/** One mail into the desk in its own transaction (the IMAP fetcher: stored before it is flagged). */
export async function storeIncoming(db: Kysely<DB>, raw: Buffer, origin: MailOrigin, opts: { now: Date; maxBytes?: number }): Promise<IntakeResult> {
  const early = await existing(db, contentHash(raw), null);
  if (early) return duplicate(db, early);
  const prepared = await prepareIncoming(raw, origin, opts);
  return db.transaction().execute((trx) => storePrepared(trx, prepared, opts.now));
}

/**
 * Several mails in one transaction (.eml imports: one durable write for the batch instead of one per
 * mail). Each is parsed first; a mail already stored, or twice in the batch, is a duplicate.
 */
export async function storeBatch(db: Kysely<DB>, items: ReadonlyArray<{ raw: Buffer; origin: MailOrigin }>, opts: { now: Date; maxBytes?: number }): Promise<IntakeResult[]> {
  const prepared = await Promise.all(items.map((i) => prepareIncoming(i.raw, i.origin, opts)));
  return db.transaction().execute(async (trx) => {
    const out: IntakeResult[] = [];
    for (const p of prepared) out.push(await storePrepared(trx, p, opts.now));
    return out;
  });
}

/** Stores a prepared mail in the caller's transaction and files it (case, bounce, Inbox, set aside). */
export async function storePrepared(trx: Transaction<DB>, prepared: PreparedMail, now: Date): Promise<IntakeResult> {
  const { raw, hash, parsed, origin, oversize, arrival } = prepared;
  const attachments = oversize ? [] : parsed.attachments;
  const names = parsed.attachments.map((a) => a.filename);
  // Checked again inside the transaction: two imports of the same mail never both store it.
  const dup = await existing(trx, hash, parsed.messageId);
  if (dup) return duplicate(trx, dup);

  const report = parsed.bounce && isFailure(parsed.bounce) ? parsed.bounce : null;
  const bounced = report ? await outboxByMessageId(trx, report.originalMessageId) : null;
  const match = bounced || parsed.parseState !== 'ok' ? null : await matchCase(trx, parsed);
  const kind = parsed.bounce ? 'bounce' : parsed.autoReply ? 'auto_reply' : 'mail';
  const caseId = bounced?.caseId ?? match?.caseId ?? null;
  // Automatic answers and delivery reports that belong to no case are kept, out of the way: never a case.
  const setAside = caseId === null && kind !== 'mail';
  const afterClose = match?.status === 'closed' ? 1 : 0;
  const at = now.toISOString();
  const { id } = await trx
    .insertInto('inbox_messages')
    .values({
      message_id: parsed.messageId,
      content_hash: hash,
      // Over the limit: the header only (the text is kept below); the attachments are not stored.
      raw: oversize ? headerBlock(raw) : raw,
      size: raw.length,
      source: origin.source,
      imap_mailbox: origin.mailbox ?? null,
      imap_uidvalidity: origin.uidvalidity ?? null,
      imap_uid: origin.uid ?? null,
      arrived_at: arrival.at,
      arrival_source: arrival.source,
      date_header: parsed.dateHeader,
      from_address: parsed.fromAddress,
      from_name: parsed.fromName,
      subject: parsed.subject,
      recipient_count: parsed.recipientCount,
      body_text: parsed.bodyText,
      in_reply_to: parsed.inReplyTo,
      references: JSON.stringify(parsed.references),
      parse_state: parsed.parseState,
      kind,
      status: caseId !== null ? 'attached' : setAside ? 'dismissed' : 'inbox',
      case_id: caseId,
      attached_by_rule: bounced ? 'message_id' : (match?.rule ?? null),
      dismiss_reason: setAside ? 'other' : null,
      oversize: oversize ? 1 : 0,
      after_close: afterClose,
      handled_by: null,
      handled_at: caseId !== null || setAside ? at : null,
      stored_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [position, a] of attachments.entries()) {
    await trx.insertInto('inbox_attachments').values({ message_id: id, position, filename: a.filename, content_type: a.contentType, size: a.size, content: a.content }).execute();
  }
  if (bounced && report) {
    await markBounced(trx, bounced, id, report, now);
  } else if (match) {
    await recordEvent(trx, match.caseId, match.reference, null, now, {
      kind: 'mail_received',
      data: { inboxId: id, arrivedAt: arrival.at, rule: match.rule, automatic: kind === 'auto_reply', afterClose: afterClose === 1, attachments: names.length },
    });
  }
  const status: MailIntakeStatus = bounced ? 'bounce' : match ? 'attached' : setAside ? 'ignored' : 'inbox';
  return {
    status,
    inboxId: id,
    reference: bounced?.reference ?? match?.reference ?? null,
    subject: parsed.subject,
    from: parsed.fromAddress,
    arrivedAt: arrival.at,
    attachments: names,
    unreadable: parsed.parseState !== 'ok',
    oversize,
  };
}

async function duplicate(db: Kysely<DB> | Transaction<DB>, row: { id: number; subject: string; from_address: string; arrived_at: string; case_id: number | null }): Promise<IntakeResult> {
  const names = await db.selectFrom('inbox_attachments').select('filename').where('message_id', '=', row.id).orderBy('position').execute();
  const ref = row.case_id === null ? null : ((await db.selectFrom('cases').select('reference').where('id', '=', row.case_id).executeTakeFirst())?.reference ?? null);
  return { status: 'duplicate', inboxId: row.id, reference: ref, subject: row.subject, from: row.from_address, arrivedAt: row.arrived_at, attachments: names.map((n) => n.filename), unreadable: false, oversize: false };
}
