// Staff accounts as a supervisor manages them: add, first login with a one-time password, forced
// password change, reset, disable; roles; throttling per account; auto-lock after idle time.
import { afterEach, describe, expect, it } from 'vitest';
import { methodNames, methods } from '../../../electron/contract/index.ts';
import { DESK, newDesk, openRuntime, SUPERVISOR, tempDir, testDeskPaths, value } from '../../support/desk.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { readKeySlots, userSlot, openSlot } from '../../../electron/core/keys/key-slots.ts';
import { unlockWithPassword, lockDesk } from '../../../electron/core/vault/vault.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';

const dirs: Array<{ remove(): void }> = [];
const runtimes: DeskRuntime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
  dirs.splice(0).forEach((d) => d.remove());
});

async function desk(extra = {}) {
  const dir = tempDir();
  dirs.push(dir);
  const made = await newDesk(dir.path, extra);
  runtimes.push(made.rt);
  return { ...made, dir: dir.path };
}

const login = (rt: DeskRuntime, username: string, password: string) => rt.call('auth.login', { username, password });

describe('accounts', () => {
  it('a new agent logs in with the one-time password, must change it, then works with the new one', async () => {
    const { rt } = await desk();
    const { oneTimePassword } = value(await rt.call('accounts.create', { username: 'Tanaka', displayName: '田中 一郎', role: 'agent' }));
    value(await rt.call('auth.lock', {}));

    const first = value(await login(rt, 'tanaka', oneTimePassword));
    expect(first).toMatchObject({ username: 'tanaka', role: 'agent', mustChangePassword: true });
    // Until the password is changed, nothing that shows data is allowed.
    expect(await rt.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(await rt.call('auth.changePassword', { currentPassword: 'wrong', newPassword: 'tanaka new password' })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', field: 'currentPassword' } });
    expect(value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: 'tanaka new password' }))).toMatchObject({ mustChangePassword: false });
    expect((await rt.call('settings.get', {})).ok).toBe(true);
    // An agent is not a supervisor.
    expect(await rt.call('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // …but an agent sees who a case can be assigned to: active staff, names only.
    const staff = value(await rt.call('accounts.directory', {}));
    expect(staff.map((m) => m.username).sort()).toEqual(['sato', 'tanaka']);
    expect(Object.keys(staff[0]!).sort()).toEqual(['displayName', 'role', 'username']);
    expect(await rt.call('settings.update', { idleLockMinutes: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    value(await rt.call('auth.lock', {}));
    expect((await login(rt, 'tanaka', oneTimePassword)).ok).toBe(false);
    expect(value(await login(rt, 'tanaka', 'tanaka new password'))).toMatchObject({ mustChangePassword: false });
  });

  it('changing a password re-wraps the same data key; the database is not re-keyed', async () => {
    const { rt, dir } = await desk();
    const paths = deskPaths(dir);
    const before = readKeySlots(paths.keySlots);
    const keyBefore = await openSlot(before.deskId, userSlot(before, SUPERVISOR.username)!, Buffer.from(SUPERVISOR.password));
    value(await rt.call('auth.changePassword', { currentPassword: SUPERVISOR.password, newPassword: 'another long password' }));
    const after = readKeySlots(paths.keySlots);
    const keyAfter = await openSlot(after.deskId, userSlot(after, SUPERVISOR.username)!, Buffer.from('another long password'));
    expect(keyAfter).not.toBeNull();
    expect(keyAfter!.equals(keyBefore!)).toBe(true);
    expect(userSlot(after, SUPERVISOR.username)!.id).not.toBe(userSlot(before, SUPERVISOR.username)!.id);
    expect(await openSlot(after.deskId, userSlot(after, SUPERVISOR.username)!, Buffer.from(SUPERVISOR.password))).toBeNull();
  });

  it('a slot from an old copy of the key-slot file is refused after a password change', async () => {
    const { rt, dir } = await desk();
    const paths = deskPaths(dir);
    const { readFileSync, writeFileSync } = await import('node:fs');
    const oldFile = readFileSync(paths.keySlots);
    value(await rt.call('auth.changePassword', { currentPassword: SUPERVISOR.password, newPassword: 'another long password' }));
    value(await rt.call('auth.lock', {}));
    writeFileSync(paths.keySlots, oldFile);
    expect(await login(rt, SUPERVISOR.username, SUPERVISOR.password)).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
  });

  it('disable removes the way in; reset gives a new one-time password and re-enables', async () => {
    const { rt } = await desk();
    const { oneTimePassword } = value(await rt.call('accounts.create', { username: 'suzuki', displayName: 'Suzuki', role: 'agent' }));
    value(await rt.call('accounts.disable', { username: 'suzuki' }));
    expect(value(await rt.call('accounts.list', {})).find((a) => a.username === 'suzuki')).toMatchObject({ disabled: true });
    value(await rt.call('auth.lock', {}));
    expect(await login(rt, 'suzuki', oneTimePassword)).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });

    value(await login(rt, SUPERVISOR.username, SUPERVISOR.password));
    const reset = value(await rt.call('accounts.reset', { username: 'suzuki' }));
    expect(reset.oneTimePassword).not.toBe(oneTimePassword);
    value(await rt.call('auth.lock', {}));
    expect(value(await login(rt, 'suzuki', reset.oneTimePassword))).toMatchObject({ mustChangePassword: true });
  });

  it('refuses to disable yourself, the last supervisor, or to create a duplicate user name', async () => {
    const { rt } = await desk();
    expect(await rt.call('accounts.disable', { username: SUPERVISOR.username })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    value(await rt.call('accounts.create', { username: 'boss2', displayName: 'Boss', role: 'supervisor' }));
    expect(await rt.call('accounts.create', { username: 'ＢＯＳＳ２', displayName: 'Dup', role: 'agent' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'username' } });
    value(await rt.call('accounts.disable', { username: 'boss2' }));
  });

  it('wrong passwords slow down that account only', async () => {
    const { rt } = await desk();
    const { oneTimePassword } = value(await rt.call('accounts.create', { username: 'kato', displayName: 'Kato', role: 'agent' }));
    value(await rt.call('auth.lock', {}));
    for (let i = 0; i < 3; i++) await login(rt, SUPERVISOR.username, `wrong-${i}-password`);
    const throttled = await login(rt, SUPERVISOR.username, SUPERVISOR.password);
    expect(throttled).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
    expect(throttled.ok === false && throttled.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(value(await login(rt, 'kato', oneTimePassword))).toMatchObject({ username: 'kato' });
  });

  it('locks itself after the idle time, whatever the renderer does', async () => {
    let now = Date.parse('2026-11-24T01:00:00Z');
    const { rt } = await desk({ now: () => new Date(now) });
    value(await rt.call('settings.update', { idleLockMinutes: 2 }));
    now += 60_000;
    expect((await rt.call('session.touch', {})).ok).toBe(true);
    now += 119_000;
    expect((await rt.call('settings.get', {})).ok).toBe(true);
    now += 120_000;
    expect(await rt.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'locked' });
  });

  it('screens left open keep polling (mail and backup status, desk status): still locked after the idle time', async () => {
    let now = Date.parse('2026-11-24T01:00:00Z');
    const { rt } = await desk({ now: () => new Date(now) });
    value(await rt.call('settings.update', { idleLockMinutes: 2 }));
    // Nobody touches the PC; the Outbox and the backup indicator poll every 15 s, the shell every 30 s.
    for (let t = 0; t < 105; t += 15) {
      now += 15_000;
      expect((await rt.call('mail.status', {})).ok, `at ${t + 15} s`).toBe(true);
      expect((await rt.call('backup.status', {})).ok).toBe(true);
      expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'unlocked' });
    }
    now += 15_000; // 2 minutes since the last thing the person did
    expect(await rt.call('mail.status', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'locked' });
  });

  it('weak new passwords are refused with a reason, at set-up and on a change; nothing is changed', async () => {
    const d = tempDir();
    dirs.push(d);
    const rt = await openRuntime(d.path);
    for (const [password, weakness] of [['1234567890', 'tooShort'], ['          ', 'tooShort'], ['password12', 'tooShort'], ['password1234', 'common']] as const) {
      expect(await rt.call('desk.setup', { desk: DESK, supervisor: { ...SUPERVISOR, password } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'supervisor.password', reason: { code: 'PASSWORD_WEAK', weakness } } });
    }
    expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'new' });
    value(await rt.call('desk.setup', { desk: DESK, supervisor: SUPERVISOR }));
    expect(await rt.call('auth.changePassword', { currentPassword: SUPERVISOR.password, newPassword: '123456789012' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'newPassword', reason: { code: 'PASSWORD_WEAK' } } });
    await rt.call('auth.lock', {});
    expect((await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password })).ok).toBe(true);
    await rt.close();
  });

  it('the contract marks which methods are background (polling) and so never count as a person’s activity', () => {
    const background = methodNames.filter((m) => (methods[m] as { background?: boolean }).background === true);
    // desk.changes: the shared desk's live refresh, polled every few seconds by the Shell (issue 17).
    expect(background.sort()).toEqual(['backup.status', 'desk.changes', 'mail.status']);
  });
});

describe('key slots', () => {
  it('no password is stored anywhere: the slot file holds only wrapped keys and KDF parameters', async () => {
    const { dir } = await desk();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(deskPaths(dir).keySlots, 'utf8');
    expect(text).not.toContain(SUPERVISOR.password);
    const slot = userSlot(readKeySlots(deskPaths(dir).keySlots), SUPERVISOR.username)!;
    expect(slot.kdf).toMatchObject({ name: 'scrypt' });
    const d = (await unlockWithPassword(await testDeskPaths(dir), SUPERVISOR.username, SUPERVISOR.password))!;
    expect(d).not.toBeNull();
    await lockDesk(d);
  });
});
