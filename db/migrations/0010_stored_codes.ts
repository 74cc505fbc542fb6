// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Stored reasons become codes (issue 12): until now the desk wrote English sentences for staff into the
// database — why an outbox message was cancelled, the mail server's failure, the note "Printed letter" on
// a notice, and the same words inside timeline events. From here on it stores codes with parameters
// (electron/contract/codes.ts) and the screens word them. This converts the rows written before.
//
// The sentences below are exactly those the earlier versions wrote (a frozen copy: this file must not
// depend on code that changes). A text that matches none of them was typed by a person (a cancel reason)
// and is kept as that person's note; an unrecognised mail failure becomes MAIL_FAILED_EARLIER.
// One way only: an older desk cannot run on a database a newer one has migrated (DESK_TOO_NEW).
import { sql, type Kysely } from 'kysely';

type Json = Record<string, unknown>;

const CANCELLED: Record<string, string> = {
  'Replaced by a newer request for documents or the fee.': 'superseded',
  'Replaced by a new decision.': 'superseded',
  'The decision was returned for revision.': 'decision_returned',
  'The request was withdrawn.': 'withdrawn',
  'The request was rejected.': 'rejected',
  'The case was closed before this draft was sent.': 'case_closed',
};

const isCode = (text: string) => {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && typeof (v as Json).code === 'string';
  } catch {
    return false;
  }
};

export function cancelReasonCode(text: string): Json {
  const known = CANCELLED[text];
  if (known) return { code: 'DRAFT_CANCELLED', reason: known };
  const by = /^Cancelled by ([a-z0-9][a-z0-9._-]*)\.$/.exec(text);
  if (by) return { code: 'DRAFT_CANCELLED', reason: 'by_staff', by: by[1] };
  return { code: 'DRAFT_CANCELLED', reason: 'by_staff', note: text };
}

const CAUSES: Record<string, string> = {
  'connection refused': 'refused',
  'host name not found': 'not_found',
  'the host name could not be looked up': 'lookup_failed',
  'no network': 'no_network',
  'no route to the server': 'no_route',
  'the server is down': 'server_down',
  'no network address': 'no_address',
  'the connection was reset': 'reset',
  'no answer to the connection': 'no_answer',
  'no connection': 'no_connection',
};

const codeOfResponse = (response: string): number | null => {
  const m = /^(\d{3})\b/.exec(response);
  return m ? Number(m[1]) : null;
};

export function mailFailureCode(text: string): Json {
  const gaveUp = /^(.*) — gave up after (\d+) tries\.$/s.exec(text);
  if (gaveUp) {
    const last = mailFailureCode(`${gaveUp[1]}.`);
    return last.code === 'MAIL_FAILED_EARLIER' ? last : { code: 'MAIL_GAVE_UP', after: Number(gaveUp[2]), last };
  }
  let m: RegExpExecArray | null;
  if ((m = /^The mail server refused the user name or password \((.*)\)\. Check them in the mail settings\.$/s.exec(text))) {
    return { code: 'SMTP_AUTH', response: m[1] === 'no reason given' ? '' : m[1] };
  }
  if ((m = /^The mail server refused the message: (.*)\.$/s.exec(text))) return { code: 'SMTP_REJECTED', response: m[1], responseCode: codeOfResponse(m[1]!) };
  if ((m = /^The mail server asked to try again later: (.*)\.$/s.exec(text))) return { code: 'SMTP_LATER', response: m[1], responseCode: codeOfResponse(m[1]!) };
  if ((m = /^The mail server (\S+) cannot be reached \((.*)\)\.$/s.exec(text))) return { code: 'SMTP_UNREACHABLE', server: m[1], cause: CAUSES[m[2]!] ?? 'no_connection' };
  if ((m = /^The mail server (\S+) did not answer in time \((.*)\)\.$/s.exec(text))) {
    return { code: 'SMTP_TIMEOUT', server: m[1], phase: m[2]!.includes('never greeted') ? 'greeting' : 'response' };
  }
  if ((m = /^The secure connection \(TLS\) to the mail server (\S+) failed: (.*)\.$/s.exec(text))) return { code: 'SMTP_TLS', server: m[1], detail: m[2] };
  if ((m = /^The connection to the mail server (\S+) failed: (.*)\.$/s.exec(text))) return { code: 'SMTP_CONNECTION', server: m[1], detail: m[2] };
  if ((m = /^The message could not be handed to the mail server \((.*)\)\.$/s.exec(text))) return { code: 'SMTP_HANDOVER', system: m[1] };
  if ((m = /^The (recipient|subject|Message-ID|sender address) contains a line break/.exec(text))) return { code: 'MAIL_HEADER_LINE_BREAK', what: m[1] };
  if (text.startsWith('The recipient is not a valid email address')) return { code: 'MAIL_RECIPIENT_INVALID' };
  if ((m = /^The desk's sender address \((.*)\) is not a valid email address/s.exec(text))) return { code: 'MAIL_SENDER_ADDRESS_INVALID', address: m[1] };
  if (text.startsWith('The message has no valid Message-ID')) return { code: 'MAIL_NO_MESSAGE_ID' };
  return { code: 'MAIL_FAILED_EARLIER' };
}

const LETTER_NOTES: Record<string, 'print' | 'pdf'> = { 'Printed letter': 'print', 'Letter saved as PDF': 'pdf' };

export function dueRecomputedWhy(text: string): Json {
  let m: RegExpExecArray | null;
  if ((m = /^desk closed on (\d{4}-\d{2}-\d{2})$/.exec(text))) return { cause: 'desk_day', date: m[1], kind: 'closed' };
  if ((m = /^desk open on (\d{4}-\d{2}-\d{2})$/.exec(text))) return { cause: 'desk_day', date: m[1], kind: 'open' };
  if ((m = /^calendar entry for (\d{4}-\d{2}-\d{2}) removed$/.exec(text))) return { cause: 'desk_day', date: m[1], kind: 'removed' };
  return { cause: 'business_hours' };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const outbox = await sql<{ id: number; last_error: string | null; cancel_reason: string | null }>`SELECT id, last_error, cancel_reason FROM outbox WHERE last_error IS NOT NULL OR cancel_reason IS NOT NULL`.execute(db);
  for (const r of outbox.rows) {
    const lastError = r.last_error === null || isCode(r.last_error) ? r.last_error : JSON.stringify(mailFailureCode(r.last_error));
    const cancel = r.cancel_reason === null || isCode(r.cancel_reason) ? r.cancel_reason : JSON.stringify(cancelReasonCode(r.cancel_reason));
    await sql`UPDATE outbox SET last_error = ${lastError}, cancel_reason = ${cancel} WHERE id = ${r.id}`.execute(db);
  }

  await sql`UPDATE notices SET note = '' WHERE channel = 'letter' AND note IN ('Printed letter', 'Letter saved as PDF')`.execute(db);

  const events = await sql<{ id: number; kind: string; data: string }>`SELECT id, kind, data FROM case_events WHERE kind IN ('notice', 'mail_failed', 'mail_draft_skipped', 'mail_possibly_duplicated', 'due_recomputed')`.execute(db);
  for (const e of events.rows) {
    let data: Json;
    try {
      data = JSON.parse(e.data) as Json;
    } catch {
      continue;
    }
    let changed = false;
    if (e.kind === 'notice' && typeof data.note === 'string' && LETTER_NOTES[data.note] && data.channel === 'letter') {
      data = { ...data, note: '', mode: LETTER_NOTES[data.note] };
      changed = true;
    } else if (e.kind === 'mail_failed' && typeof data.message === 'string') {
      const { message, ...rest } = data;
      data = { ...rest, failure: mailFailureCode(message as string) };
      changed = true;
    } else if (e.kind === 'mail_draft_skipped' && typeof data.message === 'string') {
      const { message, ...rest } = data;
      const limit = /over ([\d,]+) characters/.exec(message as string)?.[1];
      data = { ...rest, limit: limit ? Number(limit.replace(/,/g, '')) : 500_000 };
      changed = true;
    } else if (e.kind === 'mail_possibly_duplicated' && typeof data.message === 'string') {
      // The event's kind says it all; the sentence the sender stored beside it goes.
      const { message: _message, ...rest } = data;
      data = rest;
      changed = true;
    } else if (e.kind === 'due_recomputed' && typeof data.why === 'string') {
      data = { ...data, why: dueRecomputedWhy(data.why) };
      changed = true;
    }
    if (changed) await sql`UPDATE case_events SET data = ${JSON.stringify(data)} WHERE id = ${e.id}`.execute(db);
  }
}
