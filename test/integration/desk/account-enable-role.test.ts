// Issue 11 item 6: a disabled account can be re-enabled (a new one-time password, as at creation) and a
// role changed; the desk always keeps an active supervisor and nobody changes their own role.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { Account, OneTimePassword } from '../../../electron/contract/index.ts';

let rt: DeskRuntime;
let dir: { path: string; remove(): void };
beforeEach(async () => {
  dir = tempDir();
  rt = (await newDesk(dir.path)).rt;
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

const accounts = async () => value(await rt.dispatch('accounts.list', {})) as Account[];
const account = async (username: string) => (await accounts()).find((a) => a.username === username)!;
const as = async (username: string, password: string) => {
  value(await rt.dispatch('auth.lock', {}));
  return rt.dispatch('auth.login', { username, password });
};
const reason = (r: Awaited<ReturnType<DeskRuntime['dispatch']>>) => (r.ok ? null : r.error.reason);

describe('re-enabling an account', () => {
  it('gives a disabled account a new one-time password; the person logs in with it and must replace it', async () => {
    value(await rt.dispatch('accounts.create', { username: 'tanaka', displayName: '田中 一郎', role: 'agent' }));
    value(await rt.dispatch('accounts.disable', { username: 'tanaka' }));
    expect(await account('tanaka')).toMatchObject({ disabled: true });

    const otp = value(await rt.dispatch('accounts.enable', { username: 'tanaka' })) as OneTimePassword;
    expect(otp.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await account('tanaka')).toMatchObject({ disabled: false, mustChangePassword: true });
    expect(reason(await rt.dispatch('accounts.enable', { username: 'tanaka' }))).toEqual({ code: 'ACCOUNT_NOT_DISABLED', username: 'tanaka' });

    expect(value(await as('tanaka', otp.oneTimePassword))).toMatchObject({ username: 'tanaka', mustChangePassword: true });
  });
});

describe('changing a role', () => {
  it("makes an agent a supervisor and back, and refuses a supervisor's own role (the desk keeps its supervisor)", async () => {
    value(await rt.dispatch('accounts.create', { username: 'suzuki', displayName: '鈴木 次郎', role: 'agent' }));
    value(await rt.dispatch('accounts.setRole', { username: 'suzuki', role: 'supervisor' }));
    expect(await account('suzuki')).toMatchObject({ role: 'supervisor' });
    expect(reason(await rt.dispatch('accounts.setRole', { username: SUPERVISOR.username, role: 'agent' }))).toEqual({ code: 'CANNOT_CHANGE_OWN_ROLE' });
    value(await rt.dispatch('accounts.setRole', { username: 'suzuki', role: 'agent' }));
    expect(await account('suzuki')).toMatchObject({ role: 'agent' });

    // The new role holds at the next login: an agent is refused a supervisor's method.
    const otp = value(await rt.dispatch('accounts.reset', { username: 'suzuki' })) as OneTimePassword;
    value(await as('suzuki', otp.oneTimePassword));
    value(await rt.dispatch('auth.changePassword', { currentPassword: otp.oneTimePassword, newPassword: 'suzuki jiro long passphrase 7' }));
    expect(reason(await rt.dispatch('accounts.setRole', { username: SUPERVISOR.username, role: 'agent' }))).toEqual({ code: 'SUPERVISOR_ONLY' });
  });
});
