// Inquiries and complaints through the desk (issue 19), on a real encrypted desk with a controlled clock:
// the reply target, answering (a complaint's answer needs a supervisor), "this is a request", the links
// between a complaint and its decision, and the bad inputs the issue lists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { CaseFile, OutboxPage, QueuePage } from '../../../electron/contract/index.ts';
import type { Report } from '../../../electron/contract/reports.ts';

let now = Date.parse('2026-11-26T01:00:00Z'); // Thu 10:00 in Tokyo
let rt: DeskRuntime;
let dir: { path: string; remove(): void };

const question = {
  type: 'inquiry',
  kinds: ['purpose_of_use'],
  channel: 'email',
  arrivedAt: '2026-11-25T18:30:00+09:00', // after hours: day 0 is Thu 11-26
  requesterKind: 'member',
  memberName: '山田 花子',
  memberEmail: 'hanako@example.jp',
  requestText: '出身国の情報は何に使われていますか。',
};

async function as(username: string, password: string) {
  value(await rt.dispatch('auth.lock', {}));
  value(await rt.dispatch('auth.login', { username, password }));
}
const create = async (over: Record<string, unknown> = {}) => value(await rt.dispatch('cases.create', { ...question, ...over })) as { id: number; reference: string; flags: unknown[] };
const file = async (id: number) => value(await rt.dispatch('cases.get', { id })) as CaseFile;
const reasonOf = (r: unknown) => (r as { ok: false; error: { reason: unknown } }).error.reason;

beforeEach(async () => {
  now = Date.parse('2026-11-26T01:00:00Z');
  dir = tempDir();
  rt = (await newDesk(dir.path, { now: () => new Date(now) })).rt;
  for (const [u, role] of [['suzuki', 'supervisor'], ['tanaka', 'agent']] as const) {
    const { oneTimePassword } = value(await rt.dispatch('accounts.create', { username: u, displayName: u, role })) as { oneTimePassword: string };
    await as(u, oneTimePassword);
    value(await rt.dispatch('auth.changePassword', { currentPassword: oneTimePassword, newPassword: `${u} password 123` }));
    await as(SUPERVISOR.username, SUPERVISOR.password);
  }
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

describe('an inquiry', () => {
  it('has a reply target (not a legal deadline, no Art. 39 mark), is answered from a template, and answering stops the clock', async () => {
    await as('tanaka', 'tanaka password 123');
    const { id, reference, flags } = await create();
    expect(flags).toEqual([]);
    let f = await file(id);
    expect(f.deadline).toMatchObject({ target: true, days: 3, dayZero: '2026-11-26', due: '2026-12-01', urgency: 'normal' });
    expect(f.warnings.filter((w) => w.code.startsWith('LEGAL_MARK'))).toEqual([]);
    expect(f.allowedActions).toEqual(expect.arrayContaining(['answer', 'convert']));
    expect(f.allowedActions).not.toContain('decide');
    const row = (value(await rt.dispatch('cases.list', {})) as QueuePage).rows.find((r) => r.reference === reference)!;
    expect(row).toMatchObject({ type: 'inquiry', target: true, legalMarkState: null, due: '2026-12-01' });
    // No acknowledgement for a question: it is answered within days.
    expect((value(await rt.dispatch('outbox.list', {})) as OutboxPage).total).toBe(0);
    // Two weeks later it is overdue against its target, but never "past the Art. 39 mark".
    now = Date.parse('2026-12-10T01:00:00Z');
    await as('tanaka', 'tanaka password 123');
    f = await file(id);
    expect(f.deadline.urgency).toBe('overdue');
    expect(f.warnings.filter((w) => w.code.startsWith('LEGAL_MARK'))).toEqual([]);
    expect(f.flags).toEqual([]);

    f = value(await rt.dispatch('cases.answer', { id, template: 'purpose_of_use', ja: '第3条のとおりです。', en: 'As Article 3 says.' })) as CaseFile;
    // No four eyes for a question's answer: the reply is ready to go at once, as one email draft.
    expect(f.case).toMatchObject({ status: 'approved', replyTemplate: 'purpose_of_use', replyJa: '第3条のとおりです。' });
    const outbox = value(await rt.dispatch('outbox.list', {})) as OutboxPage;
    expect(outbox.rows.map((m) => [m.noticeKind, m.state, m.to])).toEqual([['reply', 'draft', 'hanako@example.jp']]);
    expect(f.owedNotices.map((o) => [o.kind, o.state])).toEqual([['reply', 'draft']]);

    f = value(await rt.dispatch('cases.recordNotice', { id, kind: 'reply', channel: 'letter' })) as CaseFile;
    expect(f.case.status).toBe('notified');
    expect(f.deadline).toMatchObject({ urgency: 'done', businessDaysLeft: null });
    f = value(await rt.dispatch('cases.close', { id })) as CaseFile;
    expect(f.case.status).toBe('closed');
    // The printed letter settled the email draft: still one reply.
    expect((value(await rt.dispatch('outbox.list', {})) as OutboxPage).rows.map((m) => [m.noticeKind, m.state])).toEqual([['reply', 'cancelled']]);
  });

  it('without any contact is taken in and flagged; a request without one is refused', async () => {
    const { id, flags } = await create({ channel: 'phone', memberEmail: '' });
    expect(flags).toEqual([{ code: 'NO_CONTACT' }]);
    expect((await file(id)).flags).toEqual([{ code: 'NO_CONTACT' }]);
    const refused = await rt.dispatch('cases.create', { ...question, type: 'disclosure', kinds: [], delivery: 'paper', memberEmail: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'memberEmail' } });
  });
});

describe('a complaint', () => {
  it('cannot be answered without a supervisor’s approval, and shows on the decision it is about', async () => {
    const disclosure = await create({ type: 'disclosure', kinds: ['records'], delivery: 'paper', requestText: '開示請求' });
    const { id } = await create({ type: 'complaint', kinds: ['decision'], requestText: '不開示の決定に納得できません。', relatedCaseId: disclosure.id });
    let f = await file(id);
    expect(f.deadline).toMatchObject({ target: true, days: 5, due: '2026-12-03' });
    expect(f.relatedCase).toMatchObject({ id: disclosure.id, reference: disclosure.reference, type: 'disclosure' });
    expect((await file(disclosure.id)).linkedFrom).toEqual([{ id, reference: f.case.reference, type: 'complaint', status: 'received' }]);

    await as('tanaka', 'tanaka password 123');
    f = value(await rt.dispatch('cases.answer', { id, template: 'blank', ja: 'ご指摘の点について調査しました。', en: '' })) as CaseFile;
    expect(f.case.status).toBe('decided');
    expect((value(await rt.dispatch('outbox.list', {})) as OutboxPage).rows.filter((m) => m.noticeKind === 'reply')).toEqual([]);
    const refused = await rt.dispatch('cases.recordNotice', { id, kind: 'reply', channel: 'letter' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(reasonOf(refused)).toEqual({ code: 'NEEDS_APPROVAL' });
    expect(reasonOf(await rt.dispatch('cases.approve', { id }))).toEqual({ code: 'SUPERVISOR_ONLY' });

    await as('suzuki', 'suzuki password 123');
    f = value(await rt.dispatch('cases.approve', { id })) as CaseFile;
    expect(f.case).toMatchObject({ status: 'approved', approvedBy: 'suzuki' });
    expect((value(await rt.dispatch('outbox.list', {})) as OutboxPage).rows.filter((m) => m.noticeKind === 'reply').map((m) => m.state)).toEqual(['draft']);
    f = value(await rt.dispatch('cases.recordNotice', { id, kind: 'reply', channel: 'letter' })) as CaseFile;
    expect(f.case.status).toBe('notified');
    expect(reasonOf(await rt.dispatch('cases.convert', { id, type: 'disclosure', delivery: 'paper' }))).toMatchObject({ code: 'NOT_FOR_CASE_TYPE', type: 'complaint' });
  });
});

describe('"this is a request"', () => {
  it('keeps the reference, the timeline and the arrival; the deadline becomes the request type’s with its Art. 39 mark', async () => {
    const { id, reference } = await create({ arrivedAt: '2026-11-24T09:30:00+09:00', kinds: ['how_to_request'], requestText: '私のデータの開示を求めます。' });
    expect((await file(id)).deadline).toMatchObject({ due: '2026-11-27', target: true });
    value(await rt.dispatch('cases.addNote', { id, text: 'メール本文が開示請求そのもの' }));
    const f = value(await rt.dispatch('cases.convert', { id, type: 'disclosure', kinds: ['records'], delivery: 'electronic' })) as CaseFile;
    expect(f.case).toMatchObject({ id, reference, type: 'disclosure', convertedFrom: 'inquiry', kinds: ['records'], delivery: 'electronic', status: 'received' });
    expect(f.deadline).toMatchObject({ target: false, arrivedAt: '2026-11-24T00:30:00.000Z', days: 10, dayZero: '2026-11-24', due: '2026-12-08', legalMark: '2026-12-08' });
    expect(f.timeline.map((e) => e.kind)).toEqual(['received', 'note', 'converted']);
    expect(f.notes.map((n) => n.text)).toEqual(['メール本文が開示請求そのもの']);
    expect(f.fees).toMatchObject({ required: 1000 });
    expect(f.allowedActions).not.toContain('answer');
  });

  it('takes the date of the later mail that asked for it, never one before the question', async () => {
    const { id } = await create({ arrivedAt: '2026-11-24T09:30:00+09:00', kinds: ['how_to_request'] });
    const early = await rt.dispatch('cases.convert', { id, type: 'correction', arrivedAt: '2026-11-20T10:00:00+09:00' });
    expect(reasonOf(early)).toMatchObject({ code: 'CONVERSION_BEFORE_ARRIVAL' });
    expect((await file(id)).case.type).toBe('inquiry');
    const f = value(await rt.dispatch('cases.convert', { id, type: 'correction', arrivedAt: '2026-11-25T11:00:00+09:00' })) as CaseFile;
    expect(f.deadline).toMatchObject({ dayZero: '2026-11-25', due: '2026-12-09', legalMark: '2026-12-09' });
  });

  it('refuses a closed inquiry with its reason', async () => {
    const { id } = await create();
    value(await rt.dispatch('cases.answer', { id, template: 'blank', ja: '回答', en: 'Answer' }));
    value(await rt.dispatch('cases.recordNotice', { id, kind: 'reply', channel: 'letter' }));
    value(await rt.dispatch('cases.close', { id }));
    const refused = await rt.dispatch('cases.convert', { id, type: 'disclosure', delivery: 'paper' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(reasonOf(refused)).toEqual({ code: 'WRONG_STATUS', status: 'closed', action: 'convert' });
    expect((await file(id)).case).toMatchObject({ type: 'inquiry', status: 'closed' });
  });
});

describe('the reply target setting', () => {
  it('refuses 0 and 400 business days and counts new inquiries with what it holds', async () => {
    for (const n of [0, 400]) {
      const r = await rt.dispatch('settings.update', { replyTargetDays: { inquiry: n, complaint: 5 } });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    value(await rt.dispatch('settings.update', { replyTargetDays: { inquiry: 1, complaint: 7 } }));
    const { id } = await create();
    expect((await file(id)).deadline).toMatchObject({ days: 1, due: '2026-11-27' });
    const c = await create({ type: 'complaint', kinds: [] });
    expect((await file(c.id)).deadline).toMatchObject({ days: 7 });
  });
});

describe('the report', () => {
  it('counts requests and inquiries apart, complaints by kind, and answers against the reply target', async () => {
    await create({ type: 'disclosure', kinds: ['records'], delivery: 'paper', arrivedAt: '2026-11-24T10:00:00+09:00' });
    const q1 = await create({ arrivedAt: '2026-11-24T10:00:00+09:00' }); // target Thu 11-26
    await create({ kinds: [], arrivedAt: '2026-11-25T10:00:00+09:00' });
    await create({ type: 'complaint', kinds: ['handling'], arrivedAt: '2026-11-25T10:00:00+09:00' });
    await create({ type: 'complaint', kinds: ['decision'], arrivedAt: '2026-11-25T11:00:00+09:00' });
    await create({ type: 'complaint', kinds: ['handling'], arrivedAt: '2026-11-25T12:00:00+09:00' });
    // One inquiry answered on its target day (Thu 11-26, before closing).
    value(await rt.dispatch('cases.answer', { id: q1.id, template: 'purpose_of_use', ja: '回答', en: 'Answer' }));
    value(await rt.dispatch('cases.recordNotice', { id: q1.id, kind: 'reply', channel: 'letter' }));
    const r = value(await rt.dispatch('reports.get', { from: '2026-11-01', to: '2026-11-30' })) as Report;
    expect(r.received).toBe(1);
    expect(r.byType).toEqual({ disclosure: 1, correction: 0, suspension: 0 });
    expect(r.pastLegalMarkNow).toBe(0);
    expect(r.contacts).toEqual({
      received: { inquiry: 2, complaint: 3 },
      byKind: [
        { key: 'complaint.decision', count: 1 },
        { key: 'complaint.handling', count: 2 },
        { key: 'inquiry.purpose_of_use', count: 1 },
        { key: 'inquiry.unknown', count: 1 },
      ],
      answered: 1,
      onTarget: 1,
      late: 0,
      openNow: 4,
      overTargetNow: 0,
    });
    const csv = value(await rt.dispatch('reports.csv', { from: '2026-11-01', to: '2026-11-30' })) as { csv: string };
    expect(csv.csv).toContain('contact.kind.complaint.handling');
  });
});

describe('reply templates', () => {
  it('fill from the policy and the desk’s settings; a placeholder that does not exist is refused on save, naming it', async () => {
    const { id } = await create();
    const filled = value(await rt.dispatch('inquiries.fillReply', { id, template: 'purpose_of_use' })) as { ja: string; en: string; channel: string };
    expect(filled.channel).toBe('mail');
    expect(filled.ja).toContain('・アフターサービス、お問い合わせ、苦情への対応のため');
    expect(filled.en).toContain('- For after-sales service, inquiries, and complaint handling');
    expect(filled.ja).toContain('info@career-model.com');
    expect(filled.ja).not.toContain('{{');
    const third = value(await rt.dispatch('inquiries.fillReply', { id, template: 'third_party_provision' })) as { en: string };
    expect(third.en).toContain('- With the consent of the member');

    const refused = await rt.dispatch('inquiries.saveReplyTemplate', { template: 'blank', ja: '{{memberNmae}} 様\n\n回答です。', en: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'ja' } });
    expect(reasonOf(refused)).toMatchObject({ code: 'TEMPLATE_UNKNOWN_VARIABLE', name: 'memberNmae' });
    const saved = value(await rt.dispatch('inquiries.saveReplyTemplate', { template: 'blank', ja: '{{recipientName}} 様へ：{{reference}}', en: 'To {{recipientName}}' })) as { customised: boolean };
    expect(saved.customised).toBe(true);
    const blank = value(await rt.dispatch('inquiries.fillReply', { id, template: 'blank' })) as { ja: string };
    expect(blank.ja).toMatch(/^山田 花子 様へ：PD-2026-\d{5}$/);
    // An agent cannot change the texts the desk answers with.
    await as('tanaka', 'tanaka password 123');
    expect(await rt.dispatch('inquiries.saveReplyTemplate', { template: 'blank', ja: 'x', en: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
