// Reading one incoming mail: raw bytes in, what the desk needs out (sender, subject, a safe text, the
// attachments, the threading headers, when the desk's server received it, and whether it is an automatic
// reply or a bounce). mailparser does the MIME work; this module decides what a person is shown.
// Nothing here throws on bad mail: what cannot be read is reported as `unreadable` and kept raw.
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { normaliseCharsetLabels } from './charsets.ts';
import { detectAutoReply } from './auto-reply.ts';
import { readDeliveryReport, type DeliveryReport } from './delivery-report.ts';
import { htmlToSafeText } from './html-text.ts';

export interface IncomingAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface ParsedIncoming {
  parseState: 'ok' | 'unreadable';
  messageId: string | null;
  fromAddress: string;
  fromName: string;
  subject: string;
  recipientCount: number;
  bodyText: string;
  inReplyTo: string | null;
  references: string[];
  dateHeader: string | null;
  /** The date in the topmost Received header: when the desk's own server took the mail. */
  receivedAt: string | null;
  autoReply: boolean;
  bounce: DeliveryReport | null;
  attachments: IncomingAttachment[];
}

/** The longest text kept for display; the raw mail keeps everything. */
const MAX_BODY_TEXT = 500_000;
const MAX_SUBJECT = 1_000;

/** `<ID@HOST>`, lower-cased: the same Message-ID however a client spelled its case or spacing. */
export function normaliseMessageId(id: string | null | undefined): string | null {
  if (!id) return null;
  const m = /<([^<>\s]+)>/.exec(id) ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(id);
  return m ? `<${m[1]!.toLowerCase()}>` : null;
}

function idList(v: string | string[] | undefined): string[] {
  const all = Array.isArray(v) ? v.join(' ') : (v ?? '');
  return [...all.matchAll(/<[^<>\s]+>/g)].map((m) => m[0].toLowerCase());
}

/** The header block (up to the first empty line), as latin1 text: enough to judge whether it is mail at all. */
export function headerBlock(raw: Buffer): Buffer {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf >= 0 ? crlf + 4 : -1, lf >= 0 ? lf + 2 : -1].filter((n) => n >= 0);
  return ends.length ? raw.subarray(0, Math.min(...ends)) : raw.subarray(0, Math.min(raw.length, 64 * 1024));
}

/** Why a mail cannot be read, or null: no header lines, binary bytes in the header, a multipart whose boundary never occurs. */
function structuralFault(raw: Buffer): 'no_headers' | 'binary' | 'broken_boundary' | null {
  const head = headerBlock(raw);
  if (head.includes(0)) return 'binary';
  const text = head.toString('latin1');
  const fields = text.split(/\r?\n/).filter((l) => /^[!-9;-~]+:/.test(l));
  if (!fields.some((l) => /^(from|subject|date|message-id|received|to):/i.test(l))) return 'no_headers';
  const ct = /^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im.exec(text)?.[0] ?? '';
  if (/multipart\//i.test(ct)) {
    const b = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(ct);
    const boundary = b?.[1] ?? b?.[2];
    if (!boundary || !raw.includes(`--${boundary}`, head.length)) return 'broken_boundary';
  }
  return null;
}

/** The mail as latin1 text, to look for a text/plain part's header (a cheap check, no second parse). */
function headerlessText(raw: Buffer): string {
  return raw.subarray(0, Math.min(raw.length, 2 * 1024 * 1024)).toString('latin1');
}

/** The date of the topmost Received header (the last hop: the desk's own server), or null. */
export function topReceivedDate(received: unknown): string | null {
  const first = Array.isArray(received) ? received[0] : received;
  if (typeof first !== 'string') return null;
  const semi = first.lastIndexOf(';');
  if (semi < 0) return null;
  const t = Date.parse(first.slice(semi + 1).replace(/\([^)]*\)/g, '').trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): { address: string; name: string } {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  for (const o of list) for (const v of o.value) if (v.address || v.name) return { address: (v.address ?? '').trim().toLowerCase(), name: (v.name ?? '').trim() };
  return { address: '', name: '' };
}

function countRecipients(p: ParsedMail): number {
  let n = 0;
  for (const a of [p.to, p.cc]) for (const o of Array.isArray(a) ? a : a ? [a] : []) n += o.value.length;
  return n;
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

/** A forwarded mail (message/rfc822) is shown inside the text, below a marker line, as a mail client does. */
async function forwardedText(att: Attachment): Promise<string> {
  const inner = await simpleParser(normaliseCharsetLabels(att.content), { skipImageLinks: true, skipHtmlToText: false });
  const from = firstAddress(inner.from);
  const lines = ['---------- Forwarded message ----------', `From: ${from.name ? `${from.name} <${from.address}>` : from.address}`, `Subject: ${inner.subject ?? ''}`];
  if (inner.date) lines.push(`Date: ${inner.date.toISOString()}`);
  return `${lines.join('\n')}\n\n${(inner.text ?? '').trim()}`;
}

export async function parseIncoming(raw: Buffer): Promise<ParsedIncoming> {
  const fault = structuralFault(raw);
  let p: ParsedMail;
  try {
    p = await simpleParser(normaliseCharsetLabels(raw), { skipImageLinks: true });
  } catch {
    return unreadable();
  }
  if (fault) return unreadable(p);

  const from = firstAddress(p.from);
  const attachments: IncomingAttachment[] = [];
  const forwarded: string[] = [];
  const contentType = p.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const isReport = contentType?.value?.toLowerCase() === 'multipart/report' && /delivery-status/i.test(contentType.params?.['report-type'] ?? '');
  for (const a of p.attachments) {
    const type = a.contentType.toLowerCase();
    if (type === 'message/rfc822' && !isReport) forwarded.push(await forwardedText(a));
    attachments.push({
      filename: (a.filename ?? '').trim() || `attachment-${attachments.length + 1}${type === 'message/rfc822' ? '.eml' : ''}`,
      contentType: type,
      size: a.size ?? a.content.length,
      content: a.content,
    });
  }
  // mailparser reads the message/delivery-status part as text: its fields are in the text.
  const report: DeliveryReport | null = isReport ? readDeliveryReport(p.text ?? '', p.attachments) : null;
  // HTML-only mail: mailparser's own conversion keeps image URLs; the desk's drops them (html-text.ts).
  const htmlOnly = typeof p.html === 'string' && !/^content-type:\s*text\/plain/im.test(headerlessText(raw));
  const main = htmlOnly && typeof p.html === 'string' ? htmlToSafeText(p.html) : (p.text ?? '').replace(/\r\n/g, '\n').trim();
  const text = [main, ...forwarded].filter(Boolean).join('\n\n');
  return {
    parseState: 'ok',
    messageId: normaliseMessageId(p.messageId),
    fromAddress: from.address,
    fromName: from.name,
    subject: clip((p.subject ?? '').replace(/[\r\n\t]+/g, ' ').trim(), MAX_SUBJECT),
    recipientCount: countRecipients(p),
    bodyText: clip(text, MAX_BODY_TEXT),
    inReplyTo: normaliseMessageId(p.inReplyTo),
    references: idList(p.references),
    dateHeader: p.date && !Number.isNaN(p.date.getTime()) ? p.date.toISOString() : null,
    receivedAt: topReceivedDate(p.headers.get('received')),
    autoReply: detectAutoReply(p.headers, p.subject ?? ''),
    bounce: report,
    attachments,
  };
}

/** What can still be said about mail that cannot be read: whatever headers parsed, no text, no attachments. */
function unreadable(p?: ParsedMail): ParsedIncoming {
  const from = p ? firstAddress(p.from) : { address: '', name: '' };
  return {
    parseState: 'unreadable',
    messageId: normaliseMessageId(p?.messageId),
    fromAddress: from.address,
    fromName: from.name,
    subject: clip((p?.subject ?? '').replace(/[\r\n\t]+/g, ' ').trim(), MAX_SUBJECT),
    recipientCount: p ? countRecipients(p) : 0,
    bodyText: '',
    inReplyTo: normaliseMessageId(p?.inReplyTo),
    references: idList(p?.references),
    dateHeader: p?.date && !Number.isNaN(p.date.getTime()) ? p.date.toISOString() : null,
    receivedAt: p ? topReceivedDate(p.headers.get('received')) : null,
    autoReply: false,
    bounce: null,
    attachments: [],
  };
}
