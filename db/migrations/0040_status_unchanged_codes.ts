// FROZEN: shipped migrations are never edited. A change is a new migration file.
// A notice sent by email whose case had moved on meanwhile (closed, sent back …) is recorded without moving
// the case; its timeline event says why in `statusUnchanged`. Until 2026-12-03 the sender stored the
// refusal's English sentence there ("The case is closed: its notices can no longer be sent. Cancel this
// message."); since then it stores the refusal's code with its parameters (contract/codes.ts). This converts
// the events written before (issue 12: nothing stored for staff is an English sentence).
//
// The sentences below are exactly those earlier versions could write there (a frozen copy: this file must
// not depend on code that changes): the refusals of recording a notice (core/cases/lifecycle.ts,
// core/mail/outbox.ts), in their wordings before and after codes. A sentence that matches none of them
// becomes STATUS_UNCHANGED_EARLIER ("recorded by an earlier version"), never kept as text. One way only,
// like 0010 and 0039: down() does nothing, and the sentences are not written back.
import { sql, type Kysely } from 'kysely';

type Json = Record<string, unknown>;

/** The English status words both wordings used ("This cannot be done while the case is in review."). */
const STATUS_WORDS: Record<string, string> = {
  received: 'received',
  'waiting for the requester': 'awaiting_requester',
  'in review': 'in_review',
  'decided (waiting for approval)': 'decided',
  approved: 'approved',
  withdrawn: 'withdrawn',
  rejected: 'rejected',
  notified: 'notified',
  closed: 'closed',
};

const EXACT: Record<string, Json> = {
  'Only a supervisor can do this.': { code: 'SUPERVISOR_ONLY' },
  'The decision must be approved by a supervisor before its notice goes out.': { code: 'NEEDS_APPROVAL' },
  'The decision (or the answer to a complaint) must be approved by a supervisor before it goes out.': { code: 'NEEDS_APPROVAL' },
  'The case is closed: its notices can no longer be sent. Cancel this message.': { code: 'CASE_CLOSED_NO_SEND' },
  'The decision this notice states is no longer in force (the case was sent back or changed). Cancel this message.': { code: 'DECISION_SUPERSEDED' },
  'The request has been decided: this acknowledgement would arrive after the answer. Cancel it as superseded.': { code: 'ACKNOWLEDGEMENT_AFTER_DECISION' },
};

/** The code of a sentence an earlier version stored as `statusUnchanged`. */
export function statusUnchangedCode(text: string): Json {
  const exact = EXACT[text];
  if (exact) return exact;
  const wrong = /^This cannot be done while the case is (.+)\.$/.exec(text);
  const status = wrong ? STATUS_WORDS[wrong[1]!] : undefined;
  if (status) return { code: 'WRONG_STATUS', status, action: 'recordNotice' };
  const answers = /^A (decision|withdrawal|rejection|reply) notice answers a (approved|withdrawn|rejected|answered) case; this case is (.+)\.$/.exec(text);
  const now = answers ? STATUS_WORDS[answers[3]!] : undefined;
  if (answers && now) return { code: 'NOTICE_DOES_NOT_ANSWER', kind: answers[1], needs: answers[2], status: now };
  return { code: 'STATUS_UNCHANGED_EARLIER' };
}

/** Rewrites every notice event whose `statusUnchanged` is still a sentence (both dialects: plain SQL). */
export async function convertStatusUnchanged(db: Kysely<unknown>): Promise<void> {
  const events = await sql<{ id: number; data: string }>`SELECT id, data FROM case_events WHERE kind IN ('notice', 'notice_copy') AND data LIKE '%statusUnchanged%'`.execute(db);
  for (const e of events.rows) {
    let data: Json;
    try {
      data = JSON.parse(e.data) as Json;
    } catch {
      continue; // not JSON: not written by the desk; left for `db check` rather than guessed at
    }
    if (typeof data.statusUnchanged !== 'string') continue;
    const converted = { ...data, statusUnchanged: statusUnchangedCode(data.statusUnchanged) };
    await sql`UPDATE case_events SET data = ${JSON.stringify(converted)} WHERE id = ${e.id}`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute((trx) => convertStatusUnchanged(trx));
}

export async function down(): Promise<void> {
  // One way: the codes are not turned back into sentences.
}
