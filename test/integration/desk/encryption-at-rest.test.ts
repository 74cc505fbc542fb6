// "Whenever the desk is locked or closed, the case database is encrypted on disk and unreadable
// without a staff password or the recovery key."
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { unlockWithPassword, lockDesk } from '../../../electron/core/vault/vault.ts';
import { openRaw } from '../../../db/open.ts';
import { appendAudit } from '../../../electron/core/audit/audit-log.ts';

const KNOWN_NAME = '山田太郎 Yamada Taro';
const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

describe('encryption at rest', () => {
  it('neither the database nor its WAL holds a written name, the SQLite header, or the data key', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { rt } = await newDesk(dir.path);
    // A display name and a setting hold the known name; both are written through the contract.
    value(await rt.call('accounts.create', { username: 'yamada', displayName: KNOWN_NAME, role: 'agent' }));
    value(await rt.call('settings.update', { desk: { ...value(await rt.call('settings.get', {})).desk, addressEn: KNOWN_NAME } }));

    const paths = deskPaths(dir.path);
    const desk = (await unlockWithPassword(paths, SUPERVISOR.username, SUPERVISOR.password))!;
    const dataKey = Buffer.from(desk.dataKey);
    // While the desk is open the WAL holds the newest pages: check it too, before any checkpoint.
    const files = allFiles(dir.path);
    expect(files.some((f) => f.endsWith('desk.db-wal'))).toBe(true);
    for (const f of files) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from(KNOWN_NAME, 'utf8')), f).toBe(false);
      expect(bytes.includes(Buffer.from('Yamada Taro', 'utf8')), f).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3', 'latin1')), f).toBe(false);
      expect(bytes.includes(dataKey), f).toBe(false);
      expect(bytes.includes(Buffer.from(dataKey.toString('hex'))), f).toBe(false);
      expect(bytes.includes(Buffer.from(dataKey.toString('base64'))), f).toBe(false);
    }
    await lockDesk(desk);
    await rt.close();
  });

  it('opening with a wrong key fails with a clear error, and a staff password is the way in', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { rt } = await newDesk(dir.path);
    await rt.close();
    const paths = deskPaths(dir.path);
    expect(() => openRaw(paths.database, Buffer.alloc(32, 7))).toThrow(/does not open with this key/);

    const again = await openRuntime(dir.path);
    const wrong = await again.call('auth.login', { username: SUPERVISOR.username, password: 'not the password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', field: 'password' } });
    const right = await again.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password });
    expect(right).toMatchObject({ ok: true, value: { username: SUPERVISOR.username, role: 'supervisor' } });
    await again.close();
  });

  it('locking forgets the key: data calls fail until someone logs in again', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { rt } = await newDesk(dir.path);
    value(await rt.call('auth.lock', {}));
    expect(await rt.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'locked', user: null, deskName: null });
    await rt.close();
  });

  it('the recovery key unlocks the desk and gives a supervisor a new password', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { rt, recoveryKey } = await newDesk(dir.path);
    value(await rt.call('auth.lock', {}));
    // Typed back by hand: lower case, spaces instead of hyphens, full-width digits.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/[2-7]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const bad = await rt.call('auth.recover', { recoveryKey: 'A'.repeat(52), username: SUPERVISOR.username, newPassword: 'a brand new password' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', field: 'recoveryKey' } });
    const ok = await rt.call('auth.recover', { recoveryKey: typed, username: SUPERVISOR.username, newPassword: 'a brand new password' });
    expect(ok).toMatchObject({ ok: true, value: { username: SUPERVISOR.username } });
    value(await rt.call('auth.lock', {}));
    expect((await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password })).ok).toBe(false);
    expect((await rt.call('auth.login', { username: SUPERVISOR.username, password: 'a brand new password' })).ok).toBe(true);
    await rt.close();
  });
});

describe('audit trail of the foundation', () => {
  it('records set-up, logins, locks and account changes with who did them', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { rt } = await newDesk(dir.path);
    value(await rt.call('accounts.create', { username: 'tanaka', displayName: '田中', role: 'agent' }));
    value(await rt.call('auth.lock', {}));
    await rt.close();
    const desk = (await unlockWithPassword(deskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
    await appendAudit(desk.store.db, { actor: 'test', action: 'probe', entity: 'test' });
    const rows = await desk.store.db.selectFrom('audit_log').select(['actor', 'action', 'entity_id']).orderBy('seq').execute();
    // The desk's own signing key first, then the first supervisor's account (made by the set-up itself).
    expect(rows.slice(0, 2)).toEqual([
      { actor: null, action: 'audit.system-key', entity_id: null },
      { actor: null, action: 'account.create', entity_id: SUPERVISOR.username },
    ]);
    expect(rows.map((r) => r.action).filter((a) => a !== 'settings.update').slice(2)).toEqual(['desk.create', 'auth.login', 'account.create', 'auth.lock', 'probe']);
    expect(rows[2]!.action).toBe('settings.update'); // the desk's first settings are recorded too
    expect(rows.filter((r) => r.action === 'account.create')[1]).toMatchObject({ actor: SUPERVISOR.username, entity_id: 'tanaka' });
    await lockDesk(desk);
  });
});
