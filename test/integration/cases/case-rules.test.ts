// Issue 11, case rules 1–4 on a real encrypted desk: a finished case's record is frozen against calendar
// changes; every final answer passes four eyes; the sub-kind may be unknown at intake but not at the
// decision; a due date after the Art. 39 mark is flagged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { Input } from '../../../electron/contract/index.ts';

let now = Date.parse('2026-12-01T01:00:00Z'); // Tue 10:00 in Tokyo
let rt: DeskRuntime;
let dir: { path: string; remove(): void };

const correction = {
  type: 'correction',
  kinds: ['correct'],
  channel: 'post',
  arrivedAt: '2026-12-01T09:30:00+09:00',
  requesterKind: 'member',
  memberName: '山田 花子',
  memberKana: 'ヤマダ ハナコ',
  memberAddress: '東京都新宿区西新宿1-1-1',
  memberPostalCode: '160-0023',
  requestText: '登録住所の訂正を求めます。',
} satisfies Input<'cases.create'>;

async function as(username: string, password = `${username} password 123`) {
  value(await rt.call('auth.lock', {}));
  value(await rt.call('auth.login', { username, password }));
}
const asSato = () => as(SUPERVISOR.username, SUPERVISOR.password);
const get = async (id: number) => value(await rt.call('cases.get', { id }));
const create = async (over: Record<string, unknown> = {}) => value(await rt.call('cases.create', { ...correction, ...over }));

async function verified(id: number) {
  value(await rt.call('cases.startReview', { id }));
  value(await rt.call('cases.recordIdentityCheck', { id, verified: true, documents: [{ type: 'drivers_license' }] }));
}

beforeEach(async () => {
  now = Date.parse('2026-12-01T01:00:00Z');
  dir = tempDir();
  rt = (await newDesk(dir.path, { now: () => new Date(now) })).rt;
  for (const [u, role] of [['suzuki', 'supervisor'], ['tanaka', 'agent']] as const) {
    const { oneTimePassword } = value(await rt.call('accounts.create', { username: u, displayName: u, role }));
    await as(u, oneTimePassword);
    value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: `${u} password 123` }));
    await asSato();
  }
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

describe('rule 1: a closed case’s record is frozen', () => {
  it('a desk closure moves only cases whose clock runs; decided ones are reported, finished ones untouched', async () => {
    // closed: decided by tanaka, approved by suzuki, notified, closed.
    await as('tanaka');
    const closed = await create();
    await verified(closed.id);
    value(await rt.call('cases.decide', { id: closed.id, outcome: 'done' }));
    await as('suzuki');
    value(await rt.call('cases.approve', { id: closed.id }));
    value(await rt.call('cases.recordNotice', { id: closed.id, kind: 'decision', channel: 'letter' }));
    value(await rt.call('cases.close', { id: closed.id }));
    // withdrawn in writing; decided and waiting for approval; still in review.
    const withdrawn = await create();
    value(await rt.call('cases.withdraw', { id: withdrawn.id, reason: '本人から書面で取下げ', written: true }));
    const decided = await create();
    await verified(decided.id);
    value(await rt.call('cases.decide', { id: decided.id, outcome: 'done' }));
    const running = await create();
    await verified(running.id);

    const before = await get(closed.id);
    expect(before.deadline.due).toBe('2026-12-15');
    const eventsBefore = Object.fromEntries(await Promise.all([closed, withdrawn, decided].map(async (c) => [c.id, (await get(c.id)).timeline.length])));

    await asSato();
    const change = value(await rt.call('calendar.setDay', { date: '2026-12-03', kind: 'closed', reason: '臨時休業', reasonEn: 'Closed' }));
    expect(change.moved.map((m) => [m.id, m.oldDue, m.newDue])).toEqual([[running.id, '2026-12-15', '2026-12-16']]);
    expect(change.held.map((m) => [m.id, m.oldDue, m.newDue])).toEqual([[decided.id, '2026-12-15', '2026-12-16']]);

    for (const c of [closed, withdrawn, decided]) {
      const f = await get(c.id);
      expect(f.deadline.due, `case ${c.reference}`).toBe('2026-12-15');
      expect(f.timeline.map((e) => e.kind)).not.toContain('due_recomputed');
      expect(f.timeline.length).toBe(eventsBefore[c.id]);
    }
    const moved = await get(running.id);
    expect(moved.deadline.due).toBe('2026-12-16');
    expect(moved.timeline.at(-1)).toMatchObject({ kind: 'due_recomputed', data: { oldDue: '2026-12-15', newDue: '2026-12-16' } });
  });
});

describe('rule 2: four eyes on every final answer', () => {
  it('a rejection is proposed, then approved by a supervisor who did not propose it', async () => {
    await as('tanaka');
    const c = await create();
    let f = value(await rt.call('cases.reject', { id: c.id, ground: 'identity_not_verified', reason: '本人確認書類が届かない' }));
    expect(f.case).toMatchObject({ status: 'decided', decidedBy: 'tanaka', closureGround: 'identity_not_verified', approvedBy: null });
    expect(f.timeline.at(-1)!.kind).toBe('rejection_proposed');
    // No rejection notice can go out yet.
    expect(await rt.call('cases.recordNotice', { id: c.id, kind: 'rejection', channel: 'letter' })).toMatchObject({ ok: false });
    expect(await rt.call('cases.approve', { id: c.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await as('suzuki');
    f = value(await rt.call('cases.approve', { id: c.id }));
    expect(f.case).toMatchObject({ status: 'rejected', approvedBy: 'suzuki', closureGround: 'identity_not_verified' });
    expect(f.timeline.at(-1)).toMatchObject({ kind: 'rejected', actor: 'suzuki', data: { decidedBy: 'tanaka', approvedBy: 'suzuki' } });
    value(await rt.call('cases.recordNotice', { id: c.id, kind: 'rejection', channel: 'letter' }));
  });

  it('the supervisor who proposed a rejection cannot approve it', async () => {
    const c = await create();
    value(await rt.call('cases.reject', { id: c.id, ground: 'not_a_member', reason: '会員登録がない' }));
    const own = await rt.call('cases.approve', { id: c.id });
    expect(own).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await get(c.id)).case.status).toBe('decided');
  });

  it('a withdrawal without a written withdrawal is approved like a decision; with one it is immediate', async () => {
    await as('tanaka');
    const phoned = await create();
    let f = value(await rt.call('cases.withdraw', { id: phoned.id, reason: '電話で取下げの申出' }));
    expect(f.case).toMatchObject({ status: 'decided', closureGround: 'withdrawn', decidedBy: 'tanaka' });
    await as('suzuki');
    f = value(await rt.call('cases.approve', { id: phoned.id }));
    expect(f.case).toMatchObject({ status: 'withdrawn', approvedBy: 'suzuki' });

    const written = await create();
    f = value(await rt.call('cases.withdraw', { id: written.id, reason: '書面で取下げ', written: true }));
    expect(f.case.status).toBe('withdrawn');
  });

  it('a proposed rejection returned for revision goes back to review', async () => {
    await as('tanaka');
    const c = await create();
    value(await rt.call('cases.reject', { id: c.id, ground: 'other', reason: 'x' }));
    await as('suzuki');
    const f = value(await rt.call('cases.returnForRevision', { id: c.id, reason: '本人確認をもう一度' }));
    expect(f.case).toMatchObject({ status: 'in_review', closureGround: null });
  });
});

describe('rule 3: what is asked may be unknown at intake', () => {
  it('intake takes a correction without kinds, flags it, and deciding requires it', async () => {
    const c = await create({ kinds: [] });
    expect(c.flags).toContainEqual({ code: 'KINDS_NOT_KNOWN', type: 'correction' });
    const s = await create({ type: 'suspension', kinds: undefined });
    expect((await get(s.id)).flags).toContainEqual({ code: 'KINDS_NOT_KNOWN', type: 'suspension' });

    await verified(c.id);
    const refused = await rt.call('cases.decide', { id: c.id, outcome: 'done' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'kinds', reason: { code: 'KINDS_REQUIRED', type: 'correction' } } });
    const f = value(await rt.call('cases.decide', { id: c.id, kinds: ['add'], outcome: 'done' }));
    expect(f.case).toMatchObject({ status: 'decided', kinds: ['add'] });
    expect(f.flags.map((x) => x.code)).not.toContain('KINDS_NOT_KNOWN');
  });
});

describe('rule 4: the Art. 39 mark and the due date', () => {
  it('flags at intake and in the case file a due date after the two-week mark', async () => {
    // Arrival Tue 2026-04-28: Golden Week pushes the 10th business day to 05-18, past the mark 05-12.
    const c = await create({ arrivedAt: '2026-04-28T10:00:00+09:00' });
    expect(c.flags).toContainEqual({ code: 'DUE_AFTER_LEGAL_MARK', due: '2026-05-18', mark: '2026-05-12' });
    expect((await get(c.id)).flags).toContainEqual({ code: 'DUE_AFTER_LEGAL_MARK', due: '2026-05-18', mark: '2026-05-12' });
    const plain = await create();
    expect(plain.flags).toEqual([]);
  });

  it('the overdue view includes a case past its mark and not notified, even paused with its due date ahead', async () => {
    // Arrived 2026-11-13 (mark 11-27); paused for documents, so the due date is not what makes it late.
    const late = await create({ arrivedAt: '2026-11-13T10:00:00+09:00' });
    value(await rt.call('cases.pause', { id: late.id, reasonKind: 'identity_documents', reason: '本人確認書類の提出待ち' }));
    const fresh = await create();
    const rows = value(await rt.call('cases.list', { view: 'overdue' })).rows;
    expect(rows.map((r) => [r.id, r.legalMarkState, r.urgency])).toEqual([[late.id, 'passed', 'paused']]);
    expect(rows.map((r) => r.id)).not.toContain(fresh.id);
  });
});
