// One notice, one delivery (issue 10), through the contract with the runtime's own sender and a real SMTP
// server on loopback: for each channel order (letter then mail, mail then letter, both chosen) the case
// has exactly one notice record (plus a copy record where a person chose one), the Outbox shows the
// settled draft with its reason and who settled it, and closing never drops an owed notice without a
// person's recorded decision.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { Clock, FAST_TIMEOUTS, intake } from '../../support/mail-desk.ts';
import { startSmtp, type TestSmtp } from '../../support/smtp.ts';
import { bounceMail } from '../../support/mail-corpus.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';

let rt: DeskRuntime;
let dir: { path: string; remove(): void };
let smtp: TestSmtp;
let clock: Clock;

async function as(username: string, password: string) {
  value(await rt.call('auth.lock', {}));
  value(await rt.call('auth.login', { username, password }));
}
const agent = () => as('tanaka', 'tanaka password 123');
const supervisor = () => as('suzuki', 'suzuki password 123');

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const outboxOf = async (caseId: number) => value(await rt.call('outbox.list', { caseId })).rows;
const get = async (id: number) => value(await rt.call('outbox.get', { id }));
const fileOf = async (id: number) => value(await rt.call('cases.get', { id }));
const decisionDraft = async (caseId: number) => (await outboxOf(caseId)).find((r) => r.noticeKind === 'decision')!;

/** A member's email request, decided by the agent and approved by a supervisor: the decision draft waits. */
async function approvedByEmail(i: number): Promise<number> {
  await agent();
  const { id } = value(await rt.call('cases.create', intake(i, { memberPostalCode: '150-0001', memberAddress: '東京都渋谷区神宮前1-2-3' })));
  // The acknowledgement goes first (sent from the case file's link to the Outbox draft).
  const ack = (await fileOf(id)).owedNotices.find((o) => o.kind === 'acknowledgement')!;
  expect(ack).toMatchObject({ channel: 'mail', state: 'draft', next: 'review_and_send' });
  value(await rt.call('outbox.send', { id: ack.outboxId! }));
  await waitFor(() => get(ack.outboxId!), (m) => m.state === 'sent');
  value(await rt.call('cases.startReview', { id }));
  value(await rt.call('cases.recordIdentityCheck', { id, verified: true, documents: [{ type: 'passport', issuedOn: '2024-01-10' }] }));
  value(await rt.call('cases.recordFee', { id, kind: 'payment', method: 'bank_transfer', amount: 1000, receivedOn: '2026-11-24' }));
  value(await rt.call('cases.decide', { id, outcome: 'disclosed_full' }));
  await supervisor();
  value(await rt.call('cases.approve', { id }));
  await agent();
  return id;
}

const decisionRecords = async (id: number) => (await fileOf(id)).notices.filter((n) => n.kind === 'decision').map((n) => `${n.channel}${n.copy ? ' copy' : ''}`);

beforeEach(async () => {
  smtp = await startSmtp();
  clock = new Clock();
  dir = tempDir('pd-once-');
  rt = (await newDesk(dir.path, { now: clock.now, mail: { timeouts: FAST_TIMEOUTS, stopGraceMs: 2_000 } })).rt;
  for (const [u, role] of [['suzuki', 'supervisor'], ['tanaka', 'agent']] as const) {
    const { oneTimePassword } = value(await rt.call('accounts.create', { username: u, displayName: u, role }));
    await as(u, oneTimePassword);
    value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: `${u} password 123` }));
    await as(SUPERVISOR.username, SUPERVISOR.password);
  }
  value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', password: '' }));
}, 60_000);
afterEach(async () => {
  await rt.close();
  await smtp.close();
  dir.remove();
});

describe('exactly once, whichever channel goes first', () => {
  it('letter then mail: printing settles the email draft (visible, with who); mail afterwards only as a confirmed copy', async () => {
    const id = await approvedByEmail(1);
    const draft = await decisionDraft(id);
    expect(draft.state).toBe('draft');
    // The decision goes by letter (a person chose to print it).
    value(await rt.call('letters.recordPrinted', { caseId: id, kind: 'decision', mode: 'print' }));
    expect(await decisionRecords(id)).toEqual(['letter']);
    const settled = await get(draft.id);
    expect(settled).toMatchObject({ state: 'cancelled', cancelReason: { code: 'DRAFT_CANCELLED', reason: 'delivered_by_letter', by: 'tanaka' }, allowedActions: ['sendCopy'] });
    let file = await fileOf(id);
    expect(file.case.status).toBe('notified');
    expect(file.owedNotices.find((o) => o.kind === 'decision')).toMatchObject({ state: 'printed', deliveredBy: 'letter', next: 'none', copies: [] });
    // The email is not sent by itself, and not by a plain "send": only as a copy a person confirms.
    expect(await rt.call('outbox.send', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { code: 'NOTICE_ALREADY_DELIVERED', kind: 'decision', channel: 'letter' } } });
    expect(smtp.received.filter((m) => m.raw.toString().includes('Notice of Decision'))).toHaveLength(0);
    value(await rt.call('outbox.send', { id: draft.id, copy: true }));
    await waitFor(() => get(draft.id), (m) => m.state === 'sent');
    expect(await decisionRecords(id)).toEqual(['letter', 'mail copy']);
    file = await fileOf(id);
    expect(file.owedNotices.find((o) => o.kind === 'decision')).toMatchObject({ state: 'printed', copies: ['mail'] });
    expect(file.timeline.filter((e) => e.kind === 'notice_copy')).toHaveLength(1);
    value(await rt.call('cases.close', { id }));
  });

  it('mail then letter: the letter is refused unless a person confirms a copy; then it is recorded as one', async () => {
    const id = await approvedByEmail(2);
    const draft = await decisionDraft(id);
    value(await rt.call('outbox.send', { id: draft.id }));
    await waitFor(() => get(draft.id), (m) => m.state === 'sent');
    expect(await decisionRecords(id)).toEqual(['mail']);
    expect(await rt.call('letters.recordPrinted', { caseId: id, kind: 'decision', mode: 'print' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: { code: 'NOTICE_ALREADY_DELIVERED', kind: 'decision', channel: 'mail' } },
    });
    // Nothing is owed on paper: a delivered notice is no longer ready to print.
    expect(value(await rt.call('letters.ready', {})).filter((r) => r.caseId === id)).toEqual([]);
    expect(await decisionRecords(id)).toEqual(['mail']);
    value(await rt.call('cases.close', { id }));
  });

  it('both chosen: one notice record plus one copy record, in either order of the second delivery', async () => {
    const id = await approvedByEmail(3);
    const draft = await decisionDraft(id);
    value(await rt.call('outbox.send', { id: draft.id }));
    await waitFor(() => get(draft.id), (m) => m.state === 'sent');
    value(await rt.call('letters.recordPrinted', { caseId: id, kind: 'decision', mode: 'print', copy: true }));
    expect(await decisionRecords(id)).toEqual(['mail', 'letter copy']);
    // A copy never moves the case twice, and a reprint of the copy is a timeline event only.
    const file = await fileOf(id);
    expect(file.timeline.filter((e) => e.kind === 'notice' && (e.data as { kind: string }).kind === 'decision')).toHaveLength(1);
    expect(file.owedNotices.find((o) => o.kind === 'decision')).toMatchObject({ state: 'sent', deliveredBy: 'mail', copies: ['letter'] });
    value(await rt.call('cases.close', { id }));
    expect((await fileOf(id)).notices.filter((n) => n.kind === 'decision')).toHaveLength(2);
  });
});

describe('a bounced email is not the notice', () => {
  it('the decision email comes back: the case file lists it bounced, to send by letter; the letter is the notice record, not a copy', async () => {
    const id = await approvedByEmail(4);
    const draft = await decisionDraft(id);
    value(await rt.dispatch('outbox.send', { id: draft.id }));
    await waitFor(() => get(draft.id), (m) => m.state === 'sent');
    expect((await fileOf(id)).owedNotices.find((o) => o.kind === 'decision')).toMatchObject({ state: 'sent', next: 'none' });
    // The member's server sends it back (a delivery report dropped into the Inbox).
    const sent = await get(draft.id);
    const [report] = value(await rt.dispatch('inbox.importFiles', { files: [{ name: 'dsn.eml', base64: bounceMail(sent.messageId, 'member4@example.com').toString('base64') }] })) as Array<{ status: string }>;
    expect(report!.status).toBe('bounce');
    expect(await get(draft.id)).toMatchObject({ state: 'bounced', lastError: { code: 'MAIL_BOUNCED', status: '5.1.1' }, allowedActions: expect.arrayContaining(['retry', 'cancel']) });
    const owed = (await fileOf(id)).owedNotices.find((o) => o.kind === 'decision');
    expect(owed).toMatchObject({ state: 'bounced', next: 'send_by_letter', deliveredAt: null, outboxId: draft.id });
    // It is owed on paper again: ready to print.
    expect((value(await rt.dispatch('letters.ready', {})) as Array<{ caseId: number; kind: string }>).filter((r) => r.caseId === id).map((r) => r.kind)).toEqual(['decision']);
    // Closing names it: a bounced notice is owed.
    expect(await rt.dispatch('cases.close', { id })).toMatchObject({ ok: false, error: { reason: { code: 'OWED_NOTICES_UNSENT', kinds: ['decision'] } } });
    // Printing the letter needs no "copy" confirmation: the letter is the notice.
    value(await rt.dispatch('letters.recordPrinted', { caseId: id, kind: 'decision', mode: 'print' }));
    expect(await decisionRecords(id)).toEqual(['mail', 'letter']);
    expect((await fileOf(id)).owedNotices.find((o) => o.kind === 'decision')).toMatchObject({ state: 'printed', deliveredBy: 'letter', next: 'none' });
    value(await rt.dispatch('cases.close', { id }));
    expect((await fileOf(id)).case.status).toBe('closed');
  });
});

describe('nothing owed is dropped without a person', () => {
  it('an acknowledgement unsent at the decision cannot go out; closing asks, names it, and records who dropped it', async () => {
    await agent();
    const { id } = value(await rt.call('cases.create', intake(7)));
    const ackId = (await fileOf(id)).owedNotices.find((o) => o.kind === 'acknowledgement')!.outboxId!;
    value(await rt.call('cases.startReview', { id }));
    value(await rt.call('cases.recordIdentityCheck', { id, verified: true, documents: [{ type: 'passport', issuedOn: '2024-01-10' }] }));
    value(await rt.call('cases.recordFee', { id, kind: 'payment', method: 'bank_transfer', amount: 1000, receivedOn: '2026-11-24' }));
    value(await rt.call('cases.decide', { id, outcome: 'disclosed_full' }));
    // After the decision the acknowledgement would arrive after the answer: it is not sent, not silently dropped.
    expect(await rt.call('outbox.send', { id: ackId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { code: 'ACKNOWLEDGEMENT_AFTER_DECISION' } } });
    expect((await fileOf(id)).owedNotices.find((o) => o.kind === 'acknowledgement')).toMatchObject({ state: 'draft', next: 'cancel_superseded', outboxId: ackId });
    await supervisor();
    value(await rt.call('cases.approve', { id }));
    await agent();
    const decision = await decisionDraft(id);
    value(await rt.call('outbox.send', { id: decision.id }));
    await waitFor(() => get(decision.id), (m) => m.state === 'sent');
    const refused = await rt.call('cases.close', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'dropUnsent', reason: { code: 'OWED_NOTICES_UNSENT', kinds: ['acknowledgement'] } } });
    expect((await get(ackId)).state).toBe('draft');
    // Bulk close refuses it too, naming the case.
    const bulk = value(await rt.call('cases.bulkClose', { ids: [id] }));
    expect(bulk).toMatchObject({ done: [], refused: [{ id }] });
    // A person cancels it as superseded (or confirms the close): either way it is recorded with who.
    value(await rt.call('outbox.cancel', { id: ackId, as: 'superseded' }));
    expect(await get(ackId)).toMatchObject({ state: 'cancelled', cancelReason: { code: 'DRAFT_CANCELLED', reason: 'superseded', by: 'tanaka' } });
    const closed = value(await rt.call('cases.close', { id }));
    expect(closed.case.status).toBe('closed');
    expect(closed.owedNotices.map((o) => `${o.kind} ${o.state}`)).toEqual(['acknowledgement cancelled', 'decision sent']);
    expect(smtp.received).toHaveLength(1);
  });

  it('with automatic acknowledgements on, intake queues the acknowledgement and it goes out without review', async () => {
    const settings = value(await rt.call('settings.get', {}));
    expect(settings.notices).toMatchObject({ autoSendAcknowledgements: false });
    value(await rt.call('settings.update', { notices: { ...settings.notices!, autoSendAcknowledgements: true } }));
    await agent();
    const { id } = value(await rt.call('cases.create', intake(8)));
    const ackId = (await fileOf(id)).owedNotices.find((o) => o.kind === 'acknowledgement')!.outboxId!;
    await waitFor(() => get(ackId), (m) => m.state === 'sent');
    expect((await fileOf(id)).owedNotices.find((o) => o.kind === 'acknowledgement')).toMatchObject({ state: 'sent', next: 'none' });
    expect(smtp.received.map((m) => m.to)).toEqual([['member8@example.com']]);
  });
});
