// Backups as the desk takes them: before every lock and close (at most once an hour), once a day while
// open, on demand by a supervisor; never in the way of locking, never silent when they fail; and a
// backup restored on a new PC through the contract (desk.restore), as the first-run screen will.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupStatus } from '../../../electron/contract/index.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { backupStatusPath } from '../../../electron/core/backup/status.ts';
import { DESK, newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { createCases } from '../../support/backup.ts';

const dirs: Array<{ path: string; remove(): void }> = [];
const dir = (prefix = 'pd-rtb-') => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d.path;
};
afterAll(() => dirs.splice(0).forEach((d) => d.remove()));

const HOUR = 3_600_000;
const backupsIn = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.pdbackup')).sort();
const login = async (rt: DeskRuntime) => value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
const status = async (rt: DeskRuntime) => value(await rt.call('backup.status', {}));

async function settled(rt: DeskRuntime): Promise<BackupStatus> {
  for (let i = 0; i < 200; i++) {
    const s = await status(rt);
    if (!s.running) return s;
    await new Promise((ok) => setTimeout(ok, 25));
  }
  throw new Error('the backup did not finish');
}

async function deskWithFolder(settings: { onLock?: boolean; daily?: boolean; keep?: number } = {}) {
  let now = Date.parse('2026-11-24T01:00:00Z');
  const data = dir();
  const usb = dir('pd-usb-');
  const { rt, recoveryKey } = await newDesk(data, { now: () => new Date(now) });
  value(await rt.call('settings.update', { backup: { folder: usb, keep: 10, onLock: true, daily: false, ...settings } }));
  return { rt, data, usb, recoveryKey, advance: (ms: number) => (now += ms), at: () => now };
}

describe('automatic backups', () => {
  it('no folder set (a new desk): nothing is written, nothing is due, and locking is as before', async () => {
    const data = dir();
    const { rt } = await newDesk(data);
    expect(await status(rt)).toEqual({ folder: null, lastSuccess: null, lastFailure: null, nextDue: null, running: false });
    value(await rt.call('auth.lock', {}));
    await rt.close();
    expect(readdirSync(data).sort()).toEqual(['desk']);
  });

  it('on lock and on close, before the key is forgotten; at most once an hour', async () => {
    const d = await deskWithFolder();
    await createCases(d.rt, 2);
    value(await d.rt.call('auth.lock', {}));
    expect(backupsIn(d.usb)).toHaveLength(1);
    expect(value(await d.rt.call('desk.status', {}))).toMatchObject({ state: 'locked' });

    await login(d.rt);
    d.advance(30 * 60_000);
    value(await d.rt.call('auth.lock', {}));
    expect(backupsIn(d.usb), 'within the hour: no second backup').toHaveLength(1);

    await login(d.rt);
    const s = await status(d.rt);
    expect(s.lastSuccess).toMatchObject({ path: join(d.usb, backupsIn(d.usb)[0]!), cases: 2, at: '2026-11-24T01:00:00.000Z' });
    expect(s).toMatchObject({ folder: d.usb, lastFailure: null, nextDue: '2026-11-24T02:00:00.000Z' });
    d.advance(HOUR);
    await d.rt.close(); // closing the desk takes one too
    expect(backupsIn(d.usb)).toHaveLength(2);
  });

  it('daily: taken in the background while the desk is open, once the last good one is a day old', async () => {
    const d = await deskWithFolder({ onLock: false, daily: true });
    // The check after the folder was set finds no backup at all: one is taken in the background.
    value(await d.rt.call('session.touch', {}));
    expect((await settled(d.rt)).lastSuccess).not.toBeNull();
    expect(backupsIn(d.usb)).toHaveLength(1);
    // Activity within the day takes none (staff keep working: the idle lock is 10 minutes).
    for (let i = 0; i < 5; i++) {
      d.advance(9 * 60_000);
      value(await d.rt.call('session.touch', {}));
    }
    await settled(d.rt);
    expect(backupsIn(d.usb)).toHaveLength(1);
    // The status file carries the history over a restart; a day later the next check takes one.
    await d.rt.close();
    expect(backupsIn(d.usb), 'onLock off, daily not yet due: closing takes none').toHaveLength(1);
    const file = JSON.parse(readFileSync(backupStatusPath(d.data), 'utf8')) as { lastAttemptAt: string; lastSuccess: { at: string } };
    expect(file.lastSuccess.at).toBe('2026-11-24T01:00:00.000Z');
    d.advance(24 * HOUR);
    const rt = await openRuntime(d.data, { now: () => new Date(d.at()) });
    try {
      await login(rt);
      value(await rt.call('session.touch', {}));
      expect((await settled(rt)).lastSuccess?.at).toBe(new Date(d.at()).toISOString());
      expect(backupsIn(d.usb)).toHaveLength(2);
    } finally {
      await rt.close();
    }
  });

  it('keeps the last N in the folder', async () => {
    const d = await deskWithFolder({ keep: 2 });
    for (let i = 0; i < 4; i++) {
      value(await d.rt.call('auth.lock', {}));
      await login(d.rt);
      d.advance(HOUR);
    }
    expect(backupsIn(d.usb)).toHaveLength(2);
    // Locked at 10:00, 11:00, 12:00 and 13:00 Tokyo time: the newest two remain.
    expect(backupsIn(d.usb).map((n) => /-(\d{8}-\d{6})\.pdbackup$/.exec(n)?.[1])).toEqual(['20261124-120000', '20261124-130000']);
    await d.rt.close();
  });

  it('a failing backup never stops the desk from locking, and is never silent: backup.status shows it until one works', async () => {
    const d = await deskWithFolder();
    const away = `${d.usb}-unplugged`;
    renameSync(d.usb, away); // the drive is not plugged in
    value(await d.rt.call('auth.lock', {}));
    expect(value(await d.rt.call('desk.status', {}))).toMatchObject({ state: 'locked', user: null });
    await login(d.rt);
    const s = await status(d.rt);
    expect(s.lastSuccess).toBeNull();
    expect(s.lastFailure).toEqual({ at: '2026-11-24T01:00:00.000Z', reason: { code: 'BACKUP_FOLDER_MISSING', folder: d.usb } });
    expect(s.nextDue).toBe('2026-11-24T02:00:00.000Z');
    // The drive is back; a supervisor takes one now.
    renameSync(away, d.usb);
    const r = value(await d.rt.call('backup.now', {}));
    expect(r.path.startsWith(d.usb)).toBe(true);
    const after = await status(d.rt);
    expect(after).toMatchObject({ lastFailure: null, lastSuccess: { path: r.path } });
    await d.rt.close();
  });

  it('backup.now: supervisors only; a clear error with no folder set', async () => {
    const data = dir();
    const { rt } = await newDesk(data);
    try {
      expect(await rt.call('backup.now', {})).toMatchObject({ ok: false, error: { code: 'DATA_DIR_UNUSABLE', message: expect.stringContaining('No backup folder is set yet') } });
      const { oneTimePassword } = value(await rt.call('accounts.create', { username: 'tanaka', displayName: '田中', role: 'agent' }));
      value(await rt.call('auth.lock', {}));
      value(await rt.call('auth.login', { username: 'tanaka', password: oneTimePassword }));
      value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: 'tanaka password 123' }));
      expect(await rt.call('backup.now', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(value(await rt.call('backup.status', {}))).toMatchObject({ folder: null });
      value(await rt.call('auth.lock', {}));
      expect(await rt.call('backup.status', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    } finally {
      await rt.close();
    }
  });

  it('settings.update takes a full folder path only', async () => {
    const data = dir();
    const { rt } = await newDesk(data);
    try {
      for (const folder of ['backups', '', '..\\x', 'C:backups']) {
        expect(await rt.call('settings.update', { backup: { folder, keep: 10, onLock: true, daily: true } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'backup.folder' } });
      }
      for (const folder of ['/media/usb', 'E:\\Backups', 'E:/Backups', '\\\\server\\share\\desk', null]) {
        expect(value(await rt.call('settings.update', { backup: { folder, keep: 10, onLock: true, daily: true } }))).toMatchObject({ backup: { folder } });
      }
      expect(await rt.call('settings.update', { backup: { folder: null, keep: 0, onLock: true, daily: true } })).toMatchObject({ ok: false, error: { field: 'backup.keep' } });
    } finally {
      await rt.close();
    }
  });
});

describe('desk.restore (the first-run "Restore from backup")', () => {
  async function aBackup() {
    const d = await deskWithFolder();
    await createCases(d.rt, 3);
    const r = value(await d.rt.call('backup.now', {}));
    await d.rt.close();
    return { ...d, backup: r.path };
  }

  it('with a password: restored, and that person is logged in, as after auth.login', async () => {
    const { backup } = await aBackup();
    const target = dir();
    const rt = await openRuntime(target);
    try {
      expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'new' });
      const r = value(await rt.call('desk.restore', { backupPath: backup, username: SUPERVISOR.username, password: SUPERVISOR.password }));
      expect(r).toEqual({ restored: true, cases: 3, user: { username: SUPERVISOR.username, displayName: SUPERVISOR.displayName, role: 'supervisor', mustChangePassword: false } });
      expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'unlocked', deskName: DESK.deskNameJa, user: { username: SUPERVISOR.username } });
      expect(value(await rt.call('cases.list', {})).total).toBe(3);
      // The backup settings came along: the next lock backs up to the same folder (if it is plugged in here).
      expect(value(await rt.call('settings.get', {}))).toMatchObject({ backup: { onLock: true } });
      // Only while the folder holds no desk.
      expect(await rt.call('desk.restore', { backupPath: backup, username: SUPERVISOR.username, password: SUPERVISOR.password })).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    } finally {
      await rt.close();
    }
  });

  it('with the recovery key: restored and left locked; staff log in as before', async () => {
    const { backup, recoveryKey } = await aBackup();
    const target = dir();
    const rt = await openRuntime(target);
    try {
      const r = value(await rt.call('desk.restore', { backupPath: backup, recoveryKey }));
      expect(r).toEqual({ restored: true, cases: 3, user: null });
      expect(value(await rt.call('desk.status', {})).state).toBe('locked');
      await login(rt);
      expect(value(await rt.call('cases.list', {})).total).toBe(3);
    } finally {
      await rt.close();
    }
  });

  it('a wrong password: AUTH_FAILED on the password field, the folder still new, nothing left but the lock file and the failed-login counters; repeated tries are throttled', async () => {
    const { backup } = await aBackup();
    const target = dir();
    const rt = await openRuntime(target);
    try {
      for (let i = 0; i < 3; i++) {
        expect(await rt.call('desk.restore', { backupPath: backup, username: SUPERVISOR.username, password: 'wrong password' })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', field: 'password' } });
      }
      expect(await rt.call('desk.restore', { backupPath: backup, username: SUPERVISOR.username, password: 'wrong password' })).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
      expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'new' });
      expect(readdirSync(target).sort()).toEqual(['desk.lock', 'login-throttle.json']); // the counters outlive the process (core/auth/throttle.ts)
    } finally {
      await rt.close();
    }
  });

  it('the input: a password or the recovery key, not both, not neither; a user name with a password', async () => {
    const rt = await openRuntime(dir());
    try {
      const bad = [
        [{ backupPath: '/x.pdbackup' }, 'password'],
        [{ backupPath: '/x.pdbackup', password: 'pw' }, 'username'],
        [{ backupPath: '/x.pdbackup', username: 'sato', password: 'pw', recoveryKey: 'A'.repeat(52) }, 'recoveryKey'],
        [{ backupPath: '', recoveryKey: 'A'.repeat(52) }, 'backupPath'],
      ] as const;
      for (const [input, field] of bad) expect(await rt.call('desk.restore', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
      expect(await rt.call('desk.restore', { backupPath: '/no/such.pdbackup', recoveryKey: 'A'.repeat(52) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'backupPath', message: expect.stringContaining('There is no backup at') } });
    } finally {
      await rt.close();
    }
  });
});

describe('status file', () => {
  it('an unreadable status file is a fresh start, not a failure', async () => {
    const d = await deskWithFolder();
    writeFileSync(backupStatusPath(d.data), '{ torn');
    value(await d.rt.call('auth.lock', {}));
    await login(d.rt);
    expect((await status(d.rt)).lastSuccess).not.toBeNull();
    await d.rt.close();
  });
});
