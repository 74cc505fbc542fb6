// A case through the desk, as staff work it, on a real encrypted desk with a controlled clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, SUPERVISOR, tempDir, testDeskPaths, value } from '../../support/desk.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { Input } from '../../../electron/contract/index.ts';
import { lockDesk, unlockWithPassword } from '../../../electron/core/vault/vault.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';

let now = Date.parse('2026-11-24T01:00:00Z'); // Tue 10:00 in Tokyo
let rt: DeskRuntime;
let dir: { path: string; remove(): void };

const intake = {
  type: 'disclosure',
  channel: 'post',
  arrivedAt: '2026-11-24T09:30:00+09:00',
  requesterKind: 'member',
  memberName: 'Ｎｇｕｙｅｎ Ｖａｎ Ａｎ',
  memberKana: 'グエン ヴァン アン',
  memberEmail: 'ｎｇｕｙｅｎ．ａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ',
  memberPostalCode: '１６０－００２３',
  memberAddress: '東京都新宿区西新宿1-1-1',
  requestText: '登録情報と第三者提供の記録の開示を求めます。',
  delivery: 'paper',
} satisfies Input<'cases.create'>;

async function as(username: string, password: string) {
  value(await rt.call('auth.lock', {}));
  value(await rt.call('auth.login', { username, password }));
}

beforeEach(async () => {
  now = Date.parse('2026-11-24T01:00:00Z');
  dir = tempDir();
  rt = (await newDesk(dir.path, { now: () => new Date(now) })).rt;
  // A second supervisor for the four-eyes approval, and an agent.
  for (const [u, role] of [['suzuki', 'supervisor'], ['tanaka', 'agent']] as const) {
    const { oneTimePassword } = value(await rt.call('accounts.create', { username: u, displayName: u, role }));
    await as(u, oneTimePassword);
    value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: `${u} password 123` }));
    await as(SUPERVISOR.username, SUPERVISOR.password);
  }
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

describe('a disclosure request from intake to closing', () => {
  it('intake, identity, fee, pause and resume, partial disclosure on ground 1, approval, notice, close', async () => {
    await as('tanaka', 'tanaka password 123');
    const { id, reference } = value(await rt.call('cases.create', intake));
    expect(reference).toBe('PD-2026-00001');

    let file = value(await rt.call('cases.get', { id }));
    expect(file.case).toMatchObject({ memberEmail: 'nguyen.an@example.com', memberName: 'Nguyen Van An', memberPostalCode: '160-0023', status: 'received' });
    // Tue 2026-11-24 09:30 is before closing: day 0 is that day; 10 business days on (Mon 2026-12-07 … ).
    expect(file.deadline).toMatchObject({ dayZero: '2026-11-24', due: '2026-12-08', legalMark: '2026-12-08' });
    expect(file.fees).toMatchObject({ required: 1000, balance: -1000 });

    value(await rt.call('cases.startReview', { id }));
    value(await rt.call('cases.recordIdentityCheck', { id, verified: true, documents: [{ type: 'residence_card', issuedOn: '2025-04-01' }] }));
    // The fee has not come: the clock stops on Wed 11-25 and starts again on Mon 11-30.
    now = Date.parse('2026-11-25T02:00:00Z');
    await as('tanaka', 'tanaka password 123'); // a new working day, a new login
    value(await rt.call('cases.pause', { id, reasonKind: 'fee', reason: '手数料（定額小為替）の到着待ち' }));
    const paused = value(await rt.call('cases.list', { view: 'awaiting_requester' }));
    expect(paused.rows.map((r) => [r.reference, r.urgency])).toEqual([[reference, 'paused']]);
    expect(await rt.call('cases.decide', { id, outcome: 'disclosed_full' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    now = Date.parse('2026-11-30T01:30:00Z');
    await as('tanaka', 'tanaka password 123');
    value(await rt.call('cases.recordFee', { id, kind: 'payment', method: 'postal_money_order', amount: 1000, receivedOn: '2026-11-30' }));
    file = value(await rt.call('cases.resume', { id, reason: '定額小為替を受領' }));
    // Business days in (11-25, 11-30]: Thu 26, Fri 27, Mon 30 = 3; the due date moves 3 business days.
    expect(file.deadline.due).toBe('2026-12-11');
    expect(file.deadline.history.map((h) => [h.type, h.due])).toEqual([
      ['pause', '2026-12-08'],
      ['resume', '2026-12-11'],
    ]);
    expect(file.case.status).toBe('in_review');

    file = value(await rt.call('cases.decide', { id, outcome: 'disclosed_partial', grounds: ['harm_to_interests'], reasoning: '第三者の権利利益を害するおそれがあるため一部不開示' }));
    expect(file.case).toMatchObject({ status: 'decided', decidedBy: 'tanaka', grounds: ['harm_to_interests'] });
    expect(file.allowedActions).not.toContain('approve'); // an agent never approves

    await as('suzuki', 'suzuki password 123');
    expect(await rt.call('cases.close', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    file = value(await rt.call('cases.approve', { id }));
    expect(file.case).toMatchObject({ status: 'approved', approvedBy: 'suzuki' });
    expect(await rt.call('cases.close', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { code: 'WRONG_STATUS', status: 'approved', action: 'close' } } });
    file = value(await rt.call('cases.recordNotice', { id, kind: 'decision', channel: 'letter', note: '簡易書留で発送' }));
    expect(file.case.status).toBe('notified');
    file = value(await rt.call('cases.close', { id }));
    expect(file.case.status).toBe('closed');
    expect(file.timeline.map((e) => e.kind)).toEqual(['received', 'status', 'identity_check', 'pause', 'fee', 'resume', 'decision', 'approval', 'notice', 'closed']);
    expect(file.timeline.find((e) => e.kind === 'approval')!.actor).toBe('suzuki');

    // Search by a kana fragment typed in hiragana finds the katakana name.
    const found = value(await rt.call('cases.list', { view: 'closed', search: 'ぐえん' }));
    expect(found.rows.map((r) => r.reference)).toEqual([reference]);

    // Every view of the case file is in the audit trail, and the chain verifies.
    await rt.close();
    const desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
    const views = await desk.store.db.selectFrom('audit_log').select(['actor']).where('action', '=', 'case.view').execute();
    expect(views.map((v) => v.actor)).toEqual(['tanaka']);
    expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true });
    await lockDesk(desk);
    rt = await (await import('../../support/desk.ts')).openRuntime(dir.path);
  });
});

describe('intake checks', () => {
  it('refuses a future arrival, an invalid email after normalisation, and points out a duplicate', async () => {
    expect(await rt.call('cases.create', { ...intake, arrivedAt: '2026-11-25T10:00:00+09:00' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'arrivedAt' } });
    expect(await rt.call('cases.create', { ...intake, arrivedAt: '2026-11-24T09:30:00' })).toMatchObject({ ok: false, error: { field: 'arrivedAt' } });
    const bad = await rt.call('cases.create', { ...intake, memberEmail: 'ｎｇｕｙｅｎ＠＠ｅｘａｍｐｌｅ' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'memberEmail' } });
    expect(await rt.call('cases.create', { ...intake, memberEmail: '"a b"@example.com' })).toMatchObject({ ok: false, error: { field: 'memberEmail' } });
    expect(await rt.call('cases.create', { ...intake, memberEmail: 'a@example.com\r\nBcc: x@evil.test' })).toMatchObject({ ok: false, error: { field: 'memberEmail' } });
    expect(await rt.call('cases.create', { ...intake, delivery: null })).toMatchObject({ ok: false, error: { field: 'delivery' } });
    expect(await rt.call('cases.create', { ...intake, type: 'correction', kinds: ['stop_use'] })).toMatchObject({ ok: false, error: { field: 'kinds' } });

    value(await rt.call('cases.create', intake));
    const dups = value(await rt.call('cases.findDuplicates', { type: 'disclosure', memberName: '', memberEmail: 'NGUYEN.AN@example.com' }));
    expect(dups).toHaveLength(1);
    expect(value(await rt.call('cases.findDuplicates', { type: 'correction', memberName: '', memberEmail: 'nguyen.an@example.com' }))).toHaveLength(0);
  });

  it('a 5 MB request text is refused with the field named; nothing is stored', async () => {
    const r = await rt.call('cases.create', { ...intake, requestText: 'あ'.repeat(5_000_000) });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'requestText' } });
    expect(value(await rt.call('cases.list', {})).total).toBe(0);
  });

  it("warns when a representative's certificate is older than 6 months", async () => {
    const { id } = value(await rt.call('cases.create', { ...intake, requesterKind: 'representative', requesterName: '山田 花子（母）', requesterPostalCode: '１６０－００２３', requesterAddress: '東京都新宿区西新宿2-2-2' }));
    const file = value(
      await rt.call('cases.recordIdentityCheck', {
        id,
        verified: true,
        documents: [
          { type: 'family_register', issuedOn: '2026-05-23' },
          { type: 'drivers_license', issuedOn: '2020-01-01' },
        ],
      }),
    );
    expect(file.identityChecks[0]!.staleCertificates).toEqual(['family_register']);
    expect(file.warnings.map((w) => w.code)).toContain('STALE_CERTIFICATE');
  });
});

describe('deadlines in the queue', () => {
  it('a calendar closure moves open due dates and says which', async () => {
    const a = value(await rt.call('cases.create', intake));
    const b = value(await rt.call('cases.create', { ...intake, memberEmail: 'b@example.com', arrivedAt: '2026-11-23T18:00:00+09:00' }));
    // Arrived on a holiday (勤労感謝の日) after hours: day 0 is the next business day.
    expect(value(await rt.call('cases.get', { id: b.id })).deadline.dayZero).toBe('2026-11-24');
    const change = value(await rt.call('calendar.setDay', { date: '2026-12-01', kind: 'closed', reason: '社内研修', reasonEn: 'Staff training' }));
    expect(change.moved).toHaveLength(2);
    expect(change.moved.find((m) => m.reference === a.reference)).toMatchObject({ oldDue: '2026-12-08', newDue: '2026-12-09' });
    const file = value(await rt.call('cases.get', { id: a.id }));
    expect(file.deadline.due).toBe('2026-12-09');
    expect(file.timeline.at(-1)).toMatchObject({ kind: 'due_recomputed', data: { oldDue: '2026-12-08', newDue: '2026-12-09' } });
    // Removing the closure moves them back.
    const undo = value(await rt.call('calendar.setDay', { date: '2026-12-01', kind: 'none', reason: '', reasonEn: '' }));
    expect(undo.moved).toHaveLength(2);
  });

  it('overdue, soon and the saved views', async () => {
    const old = value(await rt.call('cases.create', { ...intake, arrivedAt: '2026-11-02T10:00:00+09:00' }));
    const fresh = value(await rt.call('cases.create', { ...intake, memberEmail: 'x@example.com' }));
    value(await rt.call('cases.assign', { id: fresh.id, assignee: 'tanaka' }));
    const overdue = value(await rt.call('cases.list', { view: 'overdue' }));
    expect(overdue.rows.map((r) => [r.reference, r.urgency])).toEqual([[old.reference, 'overdue']]);
    expect(overdue.rows[0]!.businessDaysLeft).toBeLessThan(0);
    expect(overdue.rows[0]!.legalMarkState).toBe('passed');
    const all = value(await rt.call('cases.list', { sort: 'due' }));
    expect(all.rows.map((r) => r.reference)).toEqual([old.reference, fresh.reference]);
    const tanakas = value(await rt.call('cases.list', { assignee: 'tanaka' }));
    expect(tanakas.rows.map((r) => r.reference)).toEqual([fresh.reference]);
  });

  it('bulk start review applies where the lifecycle allows and reports the rest', async () => {
    const a = value(await rt.call('cases.create', intake));
    const b = value(await rt.call('cases.create', { ...intake, memberEmail: 'c@example.com' }));
    value(await rt.call('cases.startReview', { id: b.id }));
    const out = value(await rt.call('cases.bulkStartReview', { ids: [a.id, b.id] }));
    expect(out.done).toEqual([a.id]);
    expect(out.refused).toEqual([{ id: b.id, reference: b.reference, reason: { code: 'WRONG_STATUS', status: 'in_review', action: 'startReview' } }]);
  });

  it('extension: supervisor only, later business day, with history', async () => {
    const { id } = value(await rt.call('cases.create', intake));
    expect(await rt.call('cases.extend', { id, due: '2026-12-05', reason: '調査に時間を要するため' })).toMatchObject({ ok: false, error: { field: 'due' } }); // a Saturday
    expect(await rt.call('cases.extend', { id, due: '2026-12-01', reason: '調査' })).toMatchObject({ ok: false, error: { field: 'due' } }); // earlier
    const file = value(await rt.call('cases.extend', { id, due: '2026-12-22', reason: '調査に時間を要するため' }));
    expect(file.deadline).toMatchObject({ due: '2026-12-22', extended: true });
    await as('tanaka', 'tanaka password 123');
    expect(await rt.call('cases.extend', { id, due: '2026-12-23', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
