// "Keys leave with the person": disabling an account re-keys the desk, so a disabled person holding
// their old key-slot file and password opens neither the desk nor a backup taken after; a supervisor's
// "re-key now" does the same for everyone else's copies. And a re-key killed (SIGKILL) at any step leaves
// a desk that opens, with the old key or the new one, never neither, with every case and a sound log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { createCases } from '../../support/backup.ts';
import { REPO } from '../../support/run-cli.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithRecovery } from '../../../electron/core/vault/vault.ts';
import { openUserSlot, readKeySlots, userSlot } from '../../../electron/core/keys/key-slots.ts';
import { recoverySecret } from '../../../electron/core/keys/recovery-key.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { openDatabase } from '../../../db/open.ts';
import { writeBackup } from '../../../electron/core/backup/backup.ts';
import { restoreBackup } from '../../../electron/core/backup/restore.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { RekeyStep } from '../../../electron/core/rekey/rekey.ts';

const BOB = { username: 'bob', password: 'bob long password 22' };
const TANAKA = { username: 'tanaka', password: 'tanaka long password 1' };
const dirs: Array<{ path: string; remove(): void }> = [];
const dir = (): string => {
  const d = tempDir('pd-rekey-');
  dirs.push(d);
  return d.path;
};
afterAll(() => dirs.splice(0).forEach((d) => d.remove()));

async function newAgent(rt: DeskRuntime, who: { username: string; password: string }): Promise<void> {
  const { oneTimePassword } = value(await rt.call('accounts.create', { username: who.username, displayName: who.username, role: 'agent' }));
  await rt.call('auth.lock', {});
  value(await rt.call('auth.login', { username: who.username, password: oneTimePassword }));
  value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: who.password }));
  await rt.call('auth.lock', {});
  value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
}

/** What a person can do with a key-slot file and their password: the data key, tried on a database file. */
async function opensWith(slotsPath: string, who: { username: string; password: string }, database: string): Promise<boolean> {
  const file = readKeySlots(slotsPath);
  const keys = await openUserSlot(file.deskId, userSlot(file, who.username)!, Buffer.from(who.password, 'utf8'));
  if (!keys) return false;
  try {
    const store = openDatabase(database, keys.dataKey);
    await store.close();
    return true;
  } catch {
    return false;
  }
}

async function caseCount(dataDir: string, who: { username: string; password: string } = SUPERVISOR): Promise<number> {
  const desk = await unlockDirect(dataDir, who.username, who.password);
  try {
    const v = await verifyAudit(desk.store.db);
    expect(v).toMatchObject({ ok: true });
    return Number((await desk.store.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  } finally {
    await lockDesk(desk);
  }
}

let template: string;
let recoveryKey: string;
beforeAll(async () => {
  template = dir();
  const made = await newDesk(template);
  recoveryKey = made.recoveryKey;
  await createCases(made.rt, 5);
  await newAgent(made.rt, TANAKA);
  await newAgent(made.rt, BOB);
  await made.rt.close();
}, 120_000);

describe('keys leave with the person', () => {
  it('after bob is disabled, his old slot file and password open neither the desk nor a backup taken after; everyone else still gets in', async () => {
    const live = dir();
    cpSync(template, live, { recursive: true });
    const paths = deskPaths(live);
    const oldSlots = join(live, 'bob-kept-keyslots.json');
    writeFileSync(oldSlots, readFileSync(paths.keySlots));
    expect(await opensWith(oldSlots, BOB, paths.database)).toBe(true); // before: his copy works

    const rt = await openRuntime(live);
    value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
    value(await rt.call('accounts.disable', { username: BOB.username }));
    await rt.close();

    expect(existsSync(join(paths.deskDir, 'keyslots.next.json'))).toBe(false);
    expect(await opensWith(oldSlots, BOB, paths.database)).toBe(false);
    const usb = dir();
    const desk = await unlockDirect(live);
    const backup = await writeBackup({ paths, deskId: desk.deskId, dataKey: desk.dataKey, deskName: { ja: 'x', en: 'x' } }, usb);
    const rows = (await desk.store.db.selectFrom('audit_log').select(['action', 'actor']).orderBy('seq').execute()).slice(-4);
    await lockDesk(desk);
    expect(rows.map((r) => r.action)).toEqual(['account.disable', 'desk.rekey', 'audit.system-key', 'auth.close']);
    expect(await opensWith(oldSlots, BOB, join(backup.path, 'desk.db'))).toBe(false);
    await expect(restoreBackup({ backupPath: backup.path, paths: deskPaths(dir()), secret: { kind: 'password', ...BOB } })).rejects.toMatchObject({ code: 'AUTH_FAILED' });

    expect(await caseCount(live)).toBe(5);
    expect(await caseCount(live, TANAKA)).toBe(5);
    const viaRecovery = await unlockWithRecovery(paths, recoverySecret(recoveryKey.replaceAll('-', '')));
    expect(viaRecovery).not.toBeNull();
    await lockDesk(viaRecovery!);
  }, 120_000);

  it('"re-key now" (desk.rekey): the old slot file of every account stops opening the desk; the accounts still log in', async () => {
    const live = dir();
    cpSync(template, live, { recursive: true });
    const paths = deskPaths(live);
    const before = join(live, 'kept.json');
    writeFileSync(before, readFileSync(paths.keySlots));
    const rt = await openRuntime(live);
    value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
    expect(value(await rt.call('desk.rekey', {}))).toEqual({ slots: 4, mustReset: [] });
    await rt.call('auth.lock', {});
    expect((await rt.call('auth.login', { username: TANAKA.username, password: TANAKA.password })).ok).toBe(true);
    expect((await rt.call('desk.rekey', {})).ok).toBe(false); // agents cannot
    await rt.close();
    for (const who of [SUPERVISOR, TANAKA, BOB]) expect(await opensWith(before, who, paths.database)).toBe(false);
    expect(await caseCount(live, BOB)).toBe(5);
  }, 120_000);
});

describe('a re-key killed at each step', () => {
  const steps: Array<RekeyStep | 'mid-rekey'> = ['next-slots', 'audited', 'journal', 'mid-rekey', 'rekeyed', 'switched', 'wal'];

  it.each(steps)('SIGKILL at %s: the desk opens (old or new key) for every account and the recovery key, cases and log intact', async (step) => {
    const live = dir();
    cpSync(template, live, { recursive: true });
    const child = spawn(process.execPath, [join(REPO, 'test/support/rekey-child.ts'), live, SUPERVISOR.username, SUPERVISOR.password, step === 'mid-rekey' ? 'none' : step], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<void>((ok) => child.on('exit', () => ok()));
    await new Promise<void>((ok, fail) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        // mid-rekey: killed as soon as the journal is switched, while PRAGMA rekey runs (or just after).
        if (line === `at ${step}` || (step === 'mid-rekey' && line === 'at journal')) {
          child.kill('SIGKILL');
          ok();
        }
        if (line === 'done') fail(new Error('the re-key finished before it could be killed'));
      });
      child.on('exit', () => ok());
    });
    await exited;
    for (const who of [SUPERVISOR, TANAKA, BOB]) expect(await caseCount(live, who), who.username).toBe(5);
    const viaRecovery = await unlockWithRecovery(deskPaths(live), recoverySecret(recoveryKey.replaceAll('-', '')));
    expect(viaRecovery).not.toBeNull();
    await lockDesk(viaRecovery!);
    expect(existsSync(join(live, 'desk', 'keyslots.next.json'))).toBe(false); // resolved at the first unlock
  }, 60_000);
});
