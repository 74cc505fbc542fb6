// Views of one's own (contract/views.ts): an agent saves filters under a name and finds them again after
// locking; a supervisor shares one with the desk; nobody sees or removes another person's private view.
// And the 「未送信の通知あり」 filter: cases with a notice email not yet sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';

let rt: DeskRuntime;
let dir: { path: string; remove(): void };
let agentPassword = '';

beforeEach(async () => {
  dir = tempDir();
  rt = (await newDesk(dir.path, { now: () => new Date('2026-11-24T01:00:00Z') })).rt;
  const { oneTimePassword } = value(await rt.call('accounts.create', { username: 'tanaka', displayName: '田中 一郎', role: 'agent' }));
  await as('tanaka', oneTimePassword);
  agentPassword = 'tanaka-no-atarashii-pass';
  value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: agentPassword }));
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

async function as(username: string, password: string) {
  value(await rt.call('auth.lock', {}));
  value(await rt.call('auth.login', { username, password }));
}
const names = async () => value(await rt.call('views.list', {})).map((v) => `${v.name}${v.shared ? ' (shared)' : ''}${v.mine ? '' : ' [ro]'}`);

describe('saved views', () => {
  it('are per person, kept across lock/unlock, shared only by a supervisor', async () => {
    const mine = value(await rt.call('views.save', { name: '私の期限超過', params: 'view=overdue&type=disclosure' }));
    expect(mine).toMatchObject({ name: '私の期限超過', params: 'view=overdue&type=disclosure', shared: false, mine: true });
    // The same name again replaces it, not a second one.
    value(await rt.call('views.save', { name: '私の期限超過', params: 'view=overdue' }));
    expect(await rt.call('views.save', { name: '全員用', params: 'view=mine', shared: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'shared' } });
    expect(await rt.call('views.save', { name: '  ', params: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    await as(SUPERVISOR.username, SUPERVISOR.password);
    expect(await names()).toEqual([]);
    value(await rt.call('views.save', { name: '承認待ち', params: 'status=decided', shared: true }));
    expect(await rt.call('views.remove', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await as('tanaka', agentPassword);
    expect(await names()).toEqual(['私の期限超過', '承認待ち (shared) [ro]']);
    const all = value(await rt.call('views.list', {}));
    expect(all[0]!.params).toBe('view=overdue');
    expect(await rt.call('views.remove', { id: all[1]!.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    value(await rt.call('views.remove', { id: all[0]!.id }));
    expect(await names()).toEqual(['承認待ち (shared) [ro]']);
  });

  it('「未送信の通知あり」 lists exactly the cases with a notice email not yet sent', async () => {
    const create = async (memberName: string) =>
      value(
        await rt.call('cases.create', {
          type: 'disclosure', channel: 'email', arrivedAt: '2026-11-24T09:30:00+09:00', requesterKind: 'member', memberName, memberKana: 'タナカ',
          memberEmail: 'member@example.com', memberPostalCode: '160-0023', memberAddress: '東京都新宿区西新宿1-1-1', requestText: '開示を求めます。', delivery: 'electronic',
        }),
      );
    const a = await create('田中 太郎');
    const b = await create('田中 花子');
    const unsent = async () => value(await rt.call('cases.list', { unsentNotice: true, sort: 'reference' })).rows.map((r) => r.reference);
    expect(await unsent()).toEqual([a.reference, b.reference]);
    const drafts = value(await rt.call('outbox.list', {}));
    const draftOfB = drafts.rows.find((m) => m.caseId === b.id)!;
    value(await rt.call('outbox.cancel', { id: draftOfB.id }));
    expect(await unsent()).toEqual([a.reference]);
  });
});
