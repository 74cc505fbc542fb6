// "Resume" on the requester's reply, as the case's correspondence offers it: the desk records the reply
// (which mail, when it arrived) as a code, never a sentence in the clicking person's language, and the
// deadline history and the timeline carry it for the screens to word. A mail that is not the reply the
// thread offers is refused, and nothing changes.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseFile, MailImportResult } from '../../../electron/contract/index.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { newDesk, tempDir, value } from '../../support/desk.ts';
import { Clock, intake } from '../../support/mail-desk.ts';
import { plainMail, word } from '../../support/mail-corpus.ts';
import { dumpTables } from '../../support/tables.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// Tue 24 Nov 2026, 12:00 in Tokyo: the case is paused at this time.
const PAUSED_AT = Date.parse('2026-11-24T03:00:00Z');

async function pausedCase() {
  const dir = tempDir('pd-resume-');
  const clock = new Clock(PAUSED_AT);
  const { rt } = await newDesk(dir.path, { now: clock.now });
  cleanups.push(() => dir.remove(), () => rt.close());
  const a = value(await rt.call('cases.create', intake(1)));
  value(await rt.call('cases.startReview', { id: a.id }));
  value(await rt.call('cases.pause', { id: a.id, reasonKind: 'identity_documents', reason: '本人確認書類をお送りください' }));
  clock.advance(5 * 60_000); // within the idle lock
  return { rt, clock, dir, a };
}

/** A reply on `reference`, received by the desk's server at `jst` (HH:MM, Japan time, 24 Nov 2026). */
async function reply(rt: DeskRuntime, reference: string, jst: string): Promise<MailImportResult & { id: number }> {
  const raw = plainMail({ subject: word(`Re: 【${reference}】書類のお願い`, 'UTF-8'), received: [`by imap; Tue, 24 Nov 2026 ${jst}:00 +0900`], body: '書類を郵送しました。' });
  const [r] = value(await rt.call('inbox.importFiles', { files: [{ name: `${jst}.eml`, base64: raw.toString('base64') }] }));
  expect(r).toMatchObject({ status: 'attached', reference });
  const thread = value(await rt.call('inbox.thread', { caseId: value(await rt.call('cases.get', { reference })).case.id }));
  const entry = thread.entries.find((e) => e.kind === 'incoming' && e.at === r!.arrivedAt);
  if (entry?.kind !== 'incoming') throw new Error('the reply is not on its case');
  return { ...r!, id: entry.inbox.id };
}

const resumeEvent = (file: CaseFile) => file.timeline.filter((e) => e.kind === 'resume').at(-1);

describe('resume on the requester’s reply', () => {
  it('records the reply as a code with the mail and its arrival, no sentence; the history and the timeline carry it', async () => {
    const { rt, dir, a } = await pausedCase();
    const mail = await reply(rt, a.reference, '12:04');
    const offer = value(await rt.call('inbox.thread', { caseId: a.id })).resumeOffer;
    expect(offer).toEqual({ inboxId: mail.id, arrivedAt: '2026-11-24T03:04:00.000Z' });

    const file = value(await rt.call('cases.resume', { id: a.id, reasonKind: 'requester_reply', inboxId: mail.id }));
    expect(file.case.status).toBe('in_review');
    const cause = { reasonKind: 'requester_reply', inboxId: mail.id, replyAt: '2026-11-24T03:04:00.000Z' };
    expect(file.deadline.history.at(-1)).toMatchObject({ type: 'resume', reason: '', reply: cause });
    expect(file.deadline.history[0]).toMatchObject({ type: 'pause', reason: '本人確認書類をお送りください', reply: null });
    // The event holds facts only: which mail, when it came, the move and the due date before it.
    expect(resumeEvent(file)!.data).toEqual({ ...cause, from: 'awaiting_requester', to: 'in_review', dueBefore: file.deadline.history[0]!.due });
    expect(value(await rt.call('inbox.thread', { caseId: a.id })).resumeOffer).toBeNull();

    // Stored as such: the case's events and the audit row name the reply by code, in no language.
    const tables = await dumpTables(dir.path);
    const stored = (tables.case_events as string[]).map((row) => JSON.parse(row) as { kind: string; data: string }).filter((e) => e.kind === 'resume');
    expect(stored.map((e) => JSON.parse(e.data) as unknown)).toEqual([{ ...cause, from: 'awaiting_requester', to: 'in_review', dueBefore: file.deadline.history[0]!.due }]);
    const audit = (tables.audit_log as string[]).map((row) => JSON.parse(row) as { action: string; detail: string }).filter((r) => r.action === 'case.resume');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ reference: a.reference, ...cause });
    expect(audit[0]!.detail).not.toMatch(/"reason"/);
  });

  it('refuses a mail that is not the reply the thread offers — on another case, or older than the pause — and changes nothing', async () => {
    const { rt, a } = await pausedCase();
    const b = value(await rt.call('cases.create', intake(2)));
    const early = await reply(rt, a.reference, '11:30'); // on this case, but before the pause at 12:00
    const elsewhere = await reply(rt, b.reference, '12:04'); // after the pause, but on another case
    expect(value(await rt.call('inbox.thread', { caseId: a.id })).resumeOffer).toBeNull();
    const before = value(await rt.call('cases.get', { id: a.id }));

    for (const inboxId of [early.id, elsewhere.id, 999_999]) {
      const r = await rt.call('cases.resume', { id: a.id, version: before.version, reasonKind: 'requester_reply', inboxId });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { code: 'REPLY_NOT_OFFERED', inboxId }, field: 'inboxId' } });
    }
    const after = value(await rt.call('cases.get', { id: a.id }));
    expect(after.case.status).toBe('awaiting_requester');
    expect(after.version).toBe(before.version);
    expect(after.timeline.map((e) => e.id)).toEqual(before.timeline.map((e) => e.id));
    expect(after.deadline).toEqual(before.deadline);

    // A person's own note still resumes it, kept as they typed it.
    const file = value(await rt.call('cases.resume', { id: a.id, reason: '書類を窓口で受領' }));
    expect(file.deadline.history.at(-1)).toMatchObject({ type: 'resume', reason: '書類を窓口で受領', reply: null });
    expect(resumeEvent(file)!.data).toMatchObject({ reason: '書類を窓口で受領' });
    expect(resumeEvent(file)!.data).not.toHaveProperty('reasonKind');
  });

  it('takes a reply or a note, never both, and names the field at fault', async () => {
    const { rt, a } = await pausedCase();
    const mail = await reply(rt, a.reference, '12:04');
    const both = await rt.dispatch('cases.resume', { id: a.id, reasonKind: 'requester_reply', inboxId: mail.id, reason: 'x' });
    expect(both).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'reason' } });
    const none = await rt.dispatch('cases.resume', { id: a.id });
    expect(none).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'reason' } });
    const noMail = await rt.dispatch('cases.resume', { id: a.id, reasonKind: 'requester_reply' });
    expect(noMail).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'inboxId' } });
    expect(value(await rt.call('cases.get', { id: a.id })).case.status).toBe('awaiting_requester');
  });
});
