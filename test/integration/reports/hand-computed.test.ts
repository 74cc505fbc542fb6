// The report checked against figures computed by hand (every number in the comments below), on a desk
// built through the core: cases received in January and February 2026, answered early, on the due date,
// late (after closing time on the due date), after an extension, paused, refused on each Art. 6 ground,
// rejected, withdrawn, left open, and training cases that must not count. The PC's zone is Los Angeles:
// the period boundaries are midnight in Japan all the same.
process.env.TZ = 'America/Los_Angeles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdftotext } from '../../support/letters.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { newDesk, openRuntime, SUPERVISOR, tempDir, testDeskPaths, value } from '../../support/desk.ts';
import { lockDesk, unlockWithPassword, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { caseInputs, intakeInput, type Role } from '../../../electron/contract/index.ts';
import { createCase } from '../../../electron/core/cases/intake.ts';
import * as actions from '../../../electron/core/cases/actions.ts';
import { loadDeskCalendar } from '../../../electron/core/desk-calendar/store.ts';
import { buildReport } from '../../../electron/core/reports/report.ts';
import type { DeskCalendar } from '../../../electron/core/calendar/index.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';

const run = promisify(execFile);
const NOW = '2026-03-02T01:00:00Z'; // Mon 2 March 2026, 10:00 in Tokyo: when the reports are made
const dir = tempDir();
let db: Kysely<DB>;
let calendar: DeskCalendar;
let desk: UnlockedDesk;
const ids: Record<string, number> = {};
const refs: Record<string, string> = {};

const users: Record<string, { username: string; role: Role }> = {
  sato: { username: 'sato', role: 'supervisor' },
  suzuki: { username: 'suzuki', role: 'supervisor' },
  tanaka: { username: 'tanaka', role: 'agent' },
};
const ctx = (who: string, at: string) => ({ db, calendar, actor: users[who]!, now: new Date(at) });

type Spec = { type: 'disclosure' | 'correction' | 'suspension'; kinds?: string[]; channel?: string; requesterKind?: string; arrivedAt: string; training?: boolean };
async function intake(name: string, s: Spec, at = s.arrivedAt) {
  const input = intakeInput.parse({
    type: s.type,
    kinds: s.kinds ?? [],
    channel: s.channel ?? 'email',
    arrivedAt: s.arrivedAt,
    requesterKind: s.requesterKind ?? 'member',
    requesterName: s.requesterKind && s.requesterKind !== 'member' ? '代理 太郎' : '',
    // A representative or agent needs their own contact (issue 10): notices go to them.
    requesterEmail: s.requesterKind && s.requesterKind !== 'member' ? `agent-${name.toLowerCase()}@example.jp` : '',
    memberName: `会員 ${name}`,
    memberEmail: `${name.toLowerCase()}@example.jp`,
    requestText: `請求 ${name}`,
    delivery: s.type === 'disclosure' ? 'electronic' : null,
    training: s.training ?? false,
  });
  const { id, reference } = await createCase(db, calendar, 'tanaka', new Date(Date.parse(at) + 60_000), input);
  ids[name] = id;
  refs[name] = reference;
  return id;
}
const P = <K extends keyof typeof caseInputs>(k: K, v: unknown) => caseInputs[k].parse(v) as never;
async function review(id: number, at: string, who = 'tanaka') {
  await actions.startReview(ctx(who, at), P('startReview', { id }));
  await actions.recordIdentityCheck(ctx(who, at), P('recordIdentityCheck', { id, verified: true, documents: [{ type: 'drivers_license' }] }));
}
const fee = (id: number, at: string, kind: 'payment' | 'refund', amount: number, receivedOn: string) =>
  actions.recordFee(ctx('tanaka', at), P('recordFee', { id, kind, method: 'postal_money_order', amount, receivedOn }));
async function decideAndNotify(id: number, o: { decideAt: string; approveAt: string; noticeAt: string; outcome: string; grounds?: string[]; by?: string; close?: boolean }) {
  await actions.decide(ctx(o.by ?? 'tanaka', o.decideAt), P('decide', { id, outcome: o.outcome, grounds: o.grounds ?? [], reasoning: o.grounds || o.outcome !== 'disclosed_full' ? '理由' : '' }));
  await actions.approve(ctx('suzuki', o.approveAt), P('approve', { id }));
  await actions.recordNotice(ctx('tanaka', o.noticeAt), P('recordNotice', { id, kind: 'decision', channel: 'letter' }));
  if (o.close !== false) await actions.close(ctx('tanaka', o.noticeAt), P('close', { id }));
}

beforeAll(async () => {
  // The zone really is Los Angeles in this process (UTC−8 in winter).
  expect(new Date('2026-01-15T00:00:00Z').getTimezoneOffset()).toBe(480);
  const { rt } = await newDesk(dir.path);
  for (const [u, role] of [['suzuki', 'supervisor'], ['tanaka', 'agent']] as const) {
    const { oneTimePassword } = value(await rt.call('accounts.create', { username: u, displayName: u, role }));
    value(await rt.call('auth.lock', {}));
    value(await rt.call('auth.login', { username: u, password: oneTimePassword }));
    value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: `${u} password 123` }));
    value(await rt.call('auth.lock', {}));
    value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
  }
  await rt.close();
  desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
  db = desk.store.db;
  calendar = await loadDeskCalendar(db);
  // Default desk: 10 business days for every type, closing at 18:00. Closed in Jan/Feb 2026: Jan 1–3
  // (year end), weekends, Mon Jan 12 (成人の日), Wed Feb 11 (建国記念の日), Mon Feb 23 (天皇誕生日).

  // A: disclosure, email, member. Mon Jan 5 10:00 → day 0 Jan 5, due Tue Jan 20. Answered early on
  // Fri Jan 9 (4 business days). Paid ¥1,200, ¥200 refunded.
  const a = await intake('A', { type: 'disclosure', kinds: ['records'], arrivedAt: '2026-01-05T10:00:00+09:00' });
  await review(a, '2026-01-06T10:00:00+09:00');
  await fee(a, '2026-01-06T10:05:00+09:00', 'payment', 1200, '2026-01-06');
  await fee(a, '2026-01-09T09:00:00+09:00', 'refund', 200, '2026-01-09');
  await decideAndNotify(a, { decideAt: '2026-01-09T10:00:00+09:00', approveAt: '2026-01-09T11:00:00+09:00', noticeAt: '2026-01-09T15:00:00+09:00', outcome: 'disclosed_full' });

  // B: correction (correct), post, representative. Tue Jan 6 11:00 → due Wed Jan 21; answered on the
  // due date at 17:00, before closing: on time, 10 business days. Reviewed and decided by sato.
  const b = await intake('B', { type: 'correction', kinds: ['correct'], channel: 'post', requesterKind: 'representative', arrivedAt: '2026-01-06T11:00:00+09:00' });
  await review(b, '2026-01-07T10:00:00+09:00', 'sato');
  await decideAndNotify(b, { by: 'sato', decideAt: '2026-01-20T10:00:00+09:00', approveAt: '2026-01-21T10:00:00+09:00', noticeAt: '2026-01-21T17:00:00+09:00', outcome: 'done' });

  // C: suspension (stop_use), email, agent. Wed Jan 7 09:00 → due Thu Jan 22; answered Mon Jan 26:
  // late, 12 business days. Notified, not closed yet.
  const c = await intake('C', { type: 'suspension', kinds: ['stop_use'], requesterKind: 'agent', arrivedAt: '2026-01-07T09:00:00+09:00' });
  await review(c, '2026-01-08T10:00:00+09:00');
  await decideAndNotify(c, { decideAt: '2026-01-23T10:00:00+09:00', approveAt: '2026-01-23T11:00:00+09:00', noticeAt: '2026-01-26T10:00:00+09:00', outcome: 'use_stopped', close: false });

  // D: disclosure, email. Thu Jan 8 10:00 → due Fri Jan 23; extended on Jan 20 to Fri Feb 6; answered
  // Wed Jan 28: on time thanks to the extension, 13 business days. Partly withheld on ground 1.
  const d = await intake('D', { type: 'disclosure', kinds: ['records'], arrivedAt: '2026-01-08T10:00:00+09:00' });
  await review(d, '2026-01-09T10:00:00+09:00');
  await fee(d, '2026-01-09T10:05:00+09:00', 'payment', 1000, '2026-01-09');
  await actions.extend(ctx('sato', '2026-01-20T10:00:00+09:00'), P('extend', { id: d, due: '2026-02-06', reason: '調査に時間を要するため' }));
  await decideAndNotify(d, { decideAt: '2026-01-27T10:00:00+09:00', approveAt: '2026-01-28T10:00:00+09:00', noticeAt: '2026-01-28T15:00:00+09:00', outcome: 'disclosed_partial', grounds: ['harm_to_interests'] });

  // E: disclosure, post. Fri Jan 9 14:00 → due Mon Jan 26; paused for the fee Tue Jan 13, resumed Fri
  // Jan 16 (3 paused business days: 14, 15, 16) → due Thu Jan 29; answered on Jan 29 10:00: on time,
  // 13 business days. Not disclosed on grounds 2 and 3.
  const e = await intake('E', { type: 'disclosure', kinds: ['records'], channel: 'post', arrivedAt: '2026-01-09T14:00:00+09:00' });
  await review(e, '2026-01-13T09:00:00+09:00');
  await actions.pause(ctx('tanaka', '2026-01-13T10:00:00+09:00'), P('pause', { id: e, reasonKind: 'fee', reason: '手数料待ち' }));
  await fee(e, '2026-01-15T10:00:00+09:00', 'payment', 1000, '2026-01-15');
  await actions.resume(ctx('tanaka', '2026-01-16T10:00:00+09:00'), P('resume', { id: e, reason: '受領' }));
  await decideAndNotify(e, { decideAt: '2026-01-28T10:00:00+09:00', approveAt: '2026-01-28T11:00:00+09:00', noticeAt: '2026-01-29T10:00:00+09:00', outcome: 'not_disclosed', grounds: ['business_hindrance', 'violation_of_law'] });

  // F: disclosure, email. Tue Jan 13 10:00 → due Tue Jan 27; answered on the due date at 18:30, after
  // closing: late, 10 business days. Not disclosed: not personal information (Art. 6 second paragraph).
  const f = await intake('F', { type: 'disclosure', kinds: ['records'], arrivedAt: '2026-01-13T10:00:00+09:00' });
  await review(f, '2026-01-14T10:00:00+09:00');
  await fee(f, '2026-01-14T10:05:00+09:00', 'payment', 1000, '2026-01-14');
  await decideAndNotify(f, { decideAt: '2026-01-26T10:00:00+09:00', approveAt: '2026-01-27T10:00:00+09:00', noticeAt: '2026-01-27T18:30:00+09:00', outcome: 'not_disclosed', grounds: ['not_personal_information'] });

  // G: correction (add), web form. Wed Jan 14 10:00 → due Wed Jan 28; rejected (identity not verified),
  // notice Fri Jan 16: on time, 2 business days.
  const g = await intake('G', { type: 'correction', kinds: ['add'], channel: 'web_form', arrivedAt: '2026-01-14T10:00:00+09:00' });
  await actions.startReview(ctx('tanaka', '2026-01-15T10:00:00+09:00'), P('startReview', { id: g }));
  await actions.reject(ctx('tanaka', '2026-01-16T09:00:00+09:00'), P('reject', { id: g, ground: 'identity_not_verified', reason: '本人確認書類なし' }));
  // Four eyes on every final answer (issue 11): the rejection tanaka proposes is approved by suzuki.
  await actions.approve(ctx('suzuki', '2026-01-16T09:30:00+09:00'), P('approve', { id: g }));
  await actions.recordNotice(ctx('tanaka', '2026-01-16T10:00:00+09:00'), P('recordNotice', { id: g, kind: 'rejection', channel: 'letter' }));
  await actions.close(ctx('tanaka', '2026-01-16T10:00:00+09:00'), P('close', { id: g }));

  // H: suspension (delete), email. Thu Jan 15 10:00; paused Jan 15 11:00 for clarification, withdrawn
  // while paused on Mon Jan 19 (2 paused business days: 16, 19). Not counted as on time or late.
  const h = await intake('H', { type: 'suspension', kinds: ['delete'], arrivedAt: '2026-01-15T10:00:00+09:00' });
  await actions.startReview(ctx('tanaka', '2026-01-15T10:30:00+09:00'), P('startReview', { id: h }));
  await actions.pause(ctx('tanaka', '2026-01-15T11:00:00+09:00'), P('pause', { id: h, reasonKind: 'clarification', reason: '内容確認' }));
  await actions.withdraw(ctx('tanaka', '2026-01-19T10:00:00+09:00'), P('withdraw', { id: h, reason: '本人より取下げ', written: true }));
  await actions.recordNotice(ctx('tanaka', '2026-01-19T11:00:00+09:00'), P('recordNotice', { id: h, kind: 'withdrawal', channel: 'letter' }));
  await actions.close(ctx('tanaka', '2026-01-19T11:00:00+09:00'), P('close', { id: h }));

  // J: disclosure, 00:30 on New Year's Day in Japan (still Dec 31 in UTC and in Los Angeles): counts in
  // January. Day 0 Mon Jan 5, due Jan 20; in review, never answered: overdue, past the Art. 39 mark.
  const j = await intake('J', { type: 'disclosure', kinds: ['records'], arrivedAt: '2026-01-01T00:30:00+09:00' });
  await actions.startReview(ctx('tanaka', '2026-01-05T10:00:00+09:00'), P('startReview', { id: j }));
  // K: suspension, Sat Jan 31 23:59 in Japan: January. Day 0 Mon Feb 2, due Tue Feb 17: overdue.
  await intake('K', { type: 'suspension', kinds: ['stop_third_party'], arrivedAt: '2026-01-31T23:59:00+09:00' });
  // I: disclosure, Sun Feb 1 00:30 in Japan (Jan 31 in UTC and in Los Angeles): February. Due Feb 17.
  await intake('I', { type: 'disclosure', kinds: ['records'], arrivedAt: '2026-02-01T00:30:00+09:00' });
  // N: disclosure, Mon Feb 2 10:00; paused for identity documents on Feb 3, still waiting. ¥500 paid.
  const n = await intake('N', { type: 'disclosure', kinds: ['records'], arrivedAt: '2026-02-02T10:00:00+09:00' });
  await fee(n, '2026-02-02T11:00:00+09:00', 'payment', 500, '2026-02-02');
  await actions.pause(ctx('tanaka', '2026-02-03T10:00:00+09:00'), P('pause', { id: n, reasonKind: 'identity_documents', reason: '書類待ち' }));
  // O: correction, Tue Feb 10 10:00, answered Thu Feb 12 (Feb 11 is a holiday): on time, 1 business day.
  const o = await intake('O', { type: 'correction', kinds: ['correct'], arrivedAt: '2026-02-10T10:00:00+09:00' });
  await review(o, '2026-02-10T11:00:00+09:00');
  await decideAndNotify(o, { decideAt: '2026-02-12T09:00:00+09:00', approveAt: '2026-02-12T09:30:00+09:00', noticeAt: '2026-02-12T10:00:00+09:00', outcome: 'not_done_accurate' });
  // P: suspension, Thu Feb 26 10:00: open, 2 business days old, not overdue.
  await intake('P', { type: 'suspension', kinds: ['stop_use'], arrivedAt: '2026-02-26T10:00:00+09:00' });

  // Training cases: one answered late in January (decided by tanaka, approved by suzuki), one left open
  // and overdue. Neither may show anywhere.
  const l = await intake('L', { type: 'disclosure', kinds: ['records'], arrivedAt: '2026-01-06T10:00:00+09:00', training: true });
  await actions.startReview(ctx('tanaka', '2026-01-06T11:00:00+09:00'), P('startReview', { id: l }));
  const m = await intake('M', { type: 'correction', kinds: ['delete'], arrivedAt: '2026-01-05T10:00:00+09:00', training: true });
  await review(m, '2026-01-05T11:00:00+09:00');
  await decideAndNotify(m, { decideAt: '2026-01-29T10:00:00+09:00', approveAt: '2026-01-29T11:00:00+09:00', noticeAt: '2026-01-30T10:00:00+09:00', outcome: 'done' });
});

afterAll(async () => {
  await lockDesk(desk).catch(() => {});
  dir.remove();
});

const report = (from: string, to: string) => buildReport({ db, calendar, now: new Date(NOW), warnDays: 3 }, { from, to }, { kind: 'desk' });

describe('the January 2026 report, by hand', () => {
  it('counts every figure as computed by hand', async () => {
    const r = await report('2026-01-01', '2026-01-31');
    // Received in January (Japan dates): A B C D E F G H J K = 10 (I arrived Feb 1 00:30 in Japan).
    expect(r.received).toBe(10);
    expect(r.byType).toEqual({ disclosure: 5, correction: 2, suspension: 3 });
    expect(r.byKind).toEqual([
      { key: 'correction.add', count: 1 },
      { key: 'correction.correct', count: 1 },
      { key: 'disclosure.records', count: 5 },
      { key: 'suspension.delete', count: 1 },
      { key: 'suspension.stop_third_party', count: 1 },
      { key: 'suspension.stop_use', count: 1 },
    ]);
    expect(r.byChannel).toEqual({ email: 7, post: 2, phone: 0, web_form: 1 });
    expect(r.byRequester).toEqual({ member: 8, representative: 1, agent: 1 });
    // Of them closed now: A B D E F G H; not closed: C (notified), J, K.
    expect([r.closed, r.open]).toEqual([7, 3]);
    // Answered in January: A B C D E F G H = 8; on time A B D E G = 5 (D after an extension); late C F;
    // H withdrawn. On-time rate 5/7.
    expect(r.answered).toBe(8);
    expect([r.onTime, r.onTimeExtended, r.late, r.withdrawn]).toEqual([5, 1, 2, 1]);
    expect(r.onTimeRate).toBeCloseTo(5 / 7, 12);
    // Business days to notice: A 4, B 10, C 12, D 13, E 13, F 10, G 2 → 2 4 10 10 12 13 13:
    // median the 4th = 10; 90th percentile the ceil(6.3) = 7th = 13.
    expect(r.medianBusinessDays).toBe(10);
    expect(r.p90BusinessDays).toBe(13);
    const hist = new Array(21).fill(0);
    hist[2] = 1;
    hist[4] = 1;
    hist[10] = 2;
    hist[12] = 1;
    hist[13] = 2;
    expect(r.businessDaysHistogram).toEqual(hist);
    // Paused: E 3 days, H 2 days → 2 cases, median 2.5.
    expect([r.pausedCases, r.medianPausedBusinessDays]).toEqual([2, 2.5]);
    expect(r.outcomes).toEqual([
      { key: 'correction.done', count: 1 },
      { key: 'disclosure.disclosed_full', count: 1 },
      { key: 'disclosure.disclosed_partial', count: 1 },
      { key: 'disclosure.not_disclosed', count: 2 },
      { key: 'suspension.use_stopped', count: 1 },
    ]);
    expect(r.groundsCited).toEqual({ harm_to_interests: 1, business_hindrance: 1, violation_of_law: 1, not_personal_information: 1 });
    expect(r.rejections).toEqual({ identity_not_verified: 1, not_a_member: 0, requester_not_entitled: 0, incomplete_request: 0, other: 0 });
    // Open now (Mon Mar 2 10:00): I J K N P. Age since day 0 in business days: I, K, N 18 (Feb 2 → Mar 2),
    // J 38, P 2. Overdue: I, K (due Feb 17), J (due Jan 20); N is paused. Past the Art. 39 mark: I J K N.
    expect(r.openNow).toBe(5);
    expect(r.openByAge).toEqual({ '0_5': 1, '6_10': 0, '11_20': 3, '21_plus': 1 });
    expect([r.overdueNow, r.pastLegalMarkNow, r.waitingNow]).toEqual([3, 4, 1]);
    // Fees dated in January: 1200 (A) + 1000 (D) + 1000 (E) + 1000 (F) = 4200; 200 refunded (A).
    // Outstanding now on open disclosures: I 1000 + J 1000 + N 500 = 2500.
    expect(r.fees).toEqual({ received: 4200, refunded: 200, outstanding: 2500 });
    expect(r.monthly).toEqual([{ month: '2026-01', received: { disclosure: 5, correction: 2, suspension: 3 }, onTime: 5, late: 2, onTimeRate: 5 / 7 }]);
    // Answered cases are tanaka's but B (sato's); decisions A C D E F and G's rejection tanaka, B sato;
    // suzuki approved 6 decisions and G's rejection.
    expect(r.staff).toEqual([
      { username: 'sato', displayName: SUPERVISOR.displayName, handled: 1, decisions: 1, approvals: 0 },
      { username: 'suzuki', displayName: 'suzuki', handled: 0, decisions: 0, approvals: 7 },
      { username: 'tanaka', displayName: 'tanaka', handled: 7, decisions: 6, approvals: 0 },
    ]);
  });

  it('February: the Feb 1 00:30 arrival counts here, and one answer in one business day', async () => {
    const r = await report('2026-02-01', '2026-02-28');
    expect(r.received).toBe(4); // I N O P
    expect(r.byType).toEqual({ disclosure: 2, correction: 1, suspension: 1 });
    expect([r.closed, r.open, r.answered, r.onTime, r.late, r.onTimeRate, r.medianBusinessDays]).toEqual([1, 3, 1, 1, 0, 1, 1]);
    expect(r.fees).toEqual({ received: 500, refunded: 0, outstanding: 2500 });
  });

  it('a period with nothing answered has no rate and no median', async () => {
    const r = await report('2025-06-01', '2025-06-30');
    expect([r.received, r.answered, r.onTimeRate, r.medianBusinessDays, r.p90BusinessDays]).toEqual([0, 0, null, null, null]);
    expect(r.openNow).toBe(5); // "now" figures do not depend on the period
  });

  it('the queue filtered by a figure lists exactly its cases; an agent sees only their own cases', async () => {
    await lockDesk(desk);
    const rt: DeskRuntime = await openRuntime(dir.path, { now: () => new Date(NOW) });
    try {
      value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
      const list = async (bucket: string) =>
        value(await rt.call('cases.list', { report: { from: '2026-01-01', to: '2026-01-31', bucket }, pageSize: 200 })).rows.map((r) => r.reference).sort();
      const sorted = (...names: string[]) => names.map((n) => refs[n]!).sort();
      expect(await list('answered.late')).toEqual(sorted('C', 'F'));
      expect(await list('answered.onTimeExtended')).toEqual(sorted('D'));
      expect(await list('open.overdue')).toEqual(sorted('I', 'J', 'K'));
      expect(await list('received')).toEqual(sorted('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'));
      expect(await list('ground.not_personal_information')).toEqual(sorted('F'));
      // The business-days chart's bars (A 4, B 10, C 12, D 13, E 13, F 10, G 2) list exactly their cases.
      expect(await list('answered.days.10')).toEqual(sorted('B', 'F'));
      expect(await list('answered.days.13')).toEqual(sorted('D', 'E'));
      expect(await list('answered.days.2')).toEqual(sorted('G'));
      expect(await list('answered.days.3')).toEqual([]);
      // A monthly bar of a two-month report is that month cut to the period, that type: January's disclosures.
      const jan = value(await rt.call('cases.list', { report: { from: '2026-01-01', to: '2026-01-31', bucket: 'received.type.disclosure' }, pageSize: 200 })).total;
      const twoMonths = value(await rt.call('reports.get', { from: '2026-01-01', to: '2026-02-28' }));
      expect(jan).toBe(twoMonths.monthly.find((m) => m.month === '2026-01')!.received.disclosure);
      expect(jan).toBe(5);
      const viaApi = value(await rt.call('reports.get', { from: '2026-01-01', to: '2026-01-31' }));
      expect([viaApi.scope, viaApi.received, viaApi.onTime, viaApi.late]).toEqual(['desk', 10, 5, 2]);

      value(await rt.call('auth.lock', {}));
      value(await rt.call('auth.login', { username: 'tanaka', password: 'tanaka password 123' }));
      const own = value(await rt.call('reports.get', { from: '2026-01-01', to: '2026-01-31' }));
      // tanaka's cases received in January: A C D E F G H J (B is sato's, K unassigned).
      expect([own.scope, own.received, own.onTime, own.late, own.staff]).toEqual(['own', 8, 4, 2, []]);
      expect(await rt.call('reports.pack', { from: '2026-01-01', to: '2026-01-31' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await rt.close();
    }
    desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
    db = desk.store.db;
  });

  it('desk report --json from the command line, in Los Angeles time', async () => {
    await lockDesk(desk);
    try {
      const { stdout } = await run(process.execPath, ['electron/cli/main.ts', 'report', '--from', '2026-01-01', '--to', '2026-01-31', '--json', '--data-dir', dir.path, '--user', SUPERVISOR.username], {
        env: { ...process.env, TZ: 'America/Los_Angeles', PRIVACY_DESK_PASSWORD: SUPERVISOR.password },
      });
      const j = JSON.parse(stdout) as Record<string, unknown>;
      // "now" is the real clock here, so only the period's figures are compared.
      expect(j).toMatchObject({ received: 10, byType: { disclosure: 5, correction: 2, suspension: 3 }, closed: 7, open: 3, onTime: 5, late: 2, medianBusinessDays: 10 });
      expect(j.onTimeRate).toBeCloseTo(5 / 7, 12);
      expect(typeof j.overdueNow).toBe('number');
      expect(typeof j.pastLegalMarkNow).toBe('number');
    } finally {
      desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
      db = desk.store.db;
    }
  });

  it('desk report --pdf prints the compliance pack through Chromium: head hash, period, figures, page numbers', async () => {
    await lockDesk(desk);
    const file = join(dir.path, 'pack.pdf');
    try {
      await run(process.execPath, ['electron/cli/main.ts', 'report', '--from', '2026-01-01', '--to', '2026-01-31', '--pdf', file, '--data-dir', dir.path, '--user', SUPERVISOR.username], {
        env: { ...process.env, TZ: 'America/Los_Angeles', PRIVACY_DESK_PASSWORD: SUPERVISOR.password },
      });
    } finally {
      desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
      db = desk.store.db;
    }
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdftotext(pdf, '-layout');
    // The pack recorded the audit head it printed; that head is the row just before its own audit row.
    const rows = await db.selectFrom('audit_log').select(['seq', 'hash', 'action', 'detail']).orderBy('seq').execute();
    const packRow = rows.findLast((r) => r.action === 'report.pack')!;
    const head = rows[rows.indexOf(packRow) - 1]!.hash;
    expect(JSON.parse(packRow.detail)).toMatchObject({ from: '2026-01-01', to: '2026-01-31', auditHead: head });
    expect(text.replace(/\s+/g, '')).toContain(head);
    const headSeq = rows[rows.indexOf(packRow) - 1]!.seq;
    expect(text).toContain(`監査ログ / Audit log: ${headSeq}:${head.slice(0, 16)}`);
    expect(text).toContain('個人情報の開示等請求 対応状況報告書');
    expect(text).toContain('2026-01-01 〜 2026-01-31');
    expect(text).toMatch(/期限内回答率[\s\S]*?71\.4%/);
    expect(text).toContain('確認欄（個人情報保護管理者）');
    // Every page is numbered "k / N" (pdftotext drops the spaces around the slash).
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    const numbers = pages.map((p) => [...p.matchAll(/(?:^|\s)(\d+)\s*\/\s*(\d+)(?=\s|$)/g)].map((m) => `${m[1]}/${m[2]}`).at(-1));
    expect(numbers).toEqual(pages.map((_, i) => `${i + 1}/${pages.length}`));
  });
});
