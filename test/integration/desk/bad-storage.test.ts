// "When the data folder or the desk's files are wrong — a file in the way, no write permission, a
// damaged database or key-slot file, another copy of the app running, a desk from a newer version —
// the desk refuses with a code and a message someone can act on, and never rewrites or deletes the
// files it found."
import { sqliteStore } from '../../../db/open.ts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { DESK, newDesk, openRuntime, snapshot, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { runCli } from '../../../electron/cli/main.ts';

const REPO = resolve(import.meta.dirname, '..', '..', '..');
const NODE = process.execPath;
const LOGIN = { username: SUPERVISOR.username, password: SUPERVISOR.password };

const dirs: Array<{ path: string; remove(): void }> = [];
const runtimes: DeskRuntime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
  dirs.splice(0).forEach((d) => d.remove());
});

function dir() {
  const d = tempDir();
  dirs.push(d);
  return d.path;
}

async function open(dataDir: string) {
  const rt = await openRuntime(dataDir);
  runtimes.push(rt);
  return rt;
}

/** A desk set up, then closed: locked, checkpointed, just its two files in desk/. */
async function lockedDesk(dataDir = dir()) {
  const { rt } = await newDesk(dataDir);
  await rt.close();
  expect(readdirSync(deskPaths(dataDir).deskDir).sort()).toEqual(['desk.db', 'keyslots.json']);
  return dataDir;
}

function corrupt(file: string, at: number, bytes = 64): void {
  const buf = readFileSync(file);
  for (let i = at; i < at + bytes && i < buf.length; i++) buf[i] = buf[i]! ^ 0x5a;
  writeFileSync(file, buf);
}

describe('a data folder that cannot be used', () => {
  it('a file where the folder should be: DATA_DIR_UNUSABLE naming it, and the file is left alone', async () => {
    const file = join(dir(), 'Privacy Desk');
    writeFileSync(file, 'somebody’s notes');
    for (const dataDir of [file, join(file, 'inside')]) {
      await expect(openRuntime(dataDir)).rejects.toMatchObject({ code: 'DATA_DIR_UNUSABLE', message: expect.stringContaining(dataDir) });
      await expect(openRuntime(dataDir)).rejects.toThrow(/a file of that name is in the way.*--data-dir/);
    }
    expect(readFileSync(file, 'utf8')).toBe('somebody’s notes');
    expect(statSync(file).isFile()).toBe(true);
  });

  const root = process.getuid?.() === 0;
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
  const canDropPrivileges = !root || setpriv !== undefined;
  if (!canDropPrivileges) console.log('skipped: a read-only folder cannot be tested as root without setpriv to run as nobody');

  it.skipIf(!canDropPrivileges)('a folder this user cannot write: DATA_DIR_UNUSABLE naming it, nothing created (as root: checked as user nobody)', async () => {
    const parent = dir();
    const dataDir = join(parent, 'read-only');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'keep.txt'), 'x');
    chmodSync(dataDir, 0o555);
    chmodSync(parent, 0o755);
    const before = snapshot(dataDir);
    let outcome: { ok: boolean; code?: string; message?: string };
    if (root) {
      const child = join(REPO, 'test', 'support', 'open-runtime-child.ts');
      const r = spawnSync(setpriv!, ['--reuid=65534', '--regid=65534', '--clear-groups', NODE, child, dataDir], { cwd: '/', encoding: 'utf8', timeout: 20_000 });
      expect(r.stderr).toBe('');
      outcome = JSON.parse(r.stdout.trim()) as typeof outcome;
    } else {
      outcome = await openRuntime(dataDir).then(
        async (rt) => (await rt.close(), { ok: true }),
        (e: { code?: string; message?: string }) => ({ ok: false, code: e.code, message: e.message }),
      );
    }
    chmodSync(dataDir, 0o755);
    expect(outcome).toMatchObject({ ok: false, code: 'DATA_DIR_UNUSABLE' });
    expect(outcome.message).toContain(dataDir);
    expect(outcome.message).toMatch(/cannot be written/);
    expect(snapshot(dataDir)).toEqual(before);
  });
});

// One login and one `desk db check` per page of the database: the limit is for a loaded machine, not a speed check.
describe('a damaged case database', { timeout: 240_000 }, () => {
  let pristine: string;
  let pageSize: number;
  let accountsPage: number;
  beforeAll(async () => {
    const d = tempDir();
    pristine = await lockedDesk(d.path);
    const opened = await unlockDirect(pristine);
    pageSize = sqliteStore(opened.store).raw.pragma('page_size', { simple: true }) as number;
    accountsPage = (sqliteStore(opened.store).raw.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'accounts'`).get() as { rootpage: number }).rootpage;
    await lockDesk(opened);
    return () => d.remove();
  });

  /** A copy of the pristine desk with 64 bytes flipped inside page `page` (1-based). */
  function damagedCopy(page: number): { dataDir: string; db: string } {
    const dataDir = dir();
    cpSync(pristine, dataDir, { recursive: true });
    const db = deskPaths(dataDir).database;
    corrupt(db, (page - 1) * pageSize + 1000);
    return { dataDir, db };
  }

  async function refusedLogin(dataDir: string) {
    const before = snapshot(dataDir);
    const rt = await open(dataDir);
    const res = await rt.call('auth.login', LOGIN);
    // Refused at once: no connection left open (no WAL beside it), no byte of the damaged file rewritten.
    expect(snapshot(dataDir)).toEqual({ ...before, '/desk.lock': expect.any(String) });
    expect(value(await rt.call('desk.status', {})).state).toBe('locked');
    await rt.close();
    expect(snapshot(dataDir)).toEqual(before);
    return res;
  }

  async function dbCheck(dataDir: string) {
    let out = '';
    const sink = new PassThrough().on('data', (c: Buffer) => (out += c.toString()));
    const code = await runCli(['db', 'check', '--data-dir', dataDir, '--user', SUPERVISOR.username], { stdin: new PassThrough(), stdout: sink, stderr: sink, env: { PRIVACY_DESK_PASSWORD: SUPERVISOR.password } });
    return { code, out };
  }

  it('bytes overwritten inside the file, on a page every login reads (the accounts table): STORAGE_DAMAGED with a way forward, the file untouched', async () => {
    const pages = statSync(deskPaths(pristine).database).size / pageSize;
    expect(accountsPage).toBeGreaterThan(1);
    expect(accountsPage).toBeLessThan(pages);
    const { dataDir } = damagedCopy(accountsPage);
    const res = await refusedLogin(dataDir);
    expect(res).toMatchObject({ ok: false, error: { code: 'STORAGE_DAMAGED' } });
    if (!res.ok) expect(res.error.message).toMatch(/damaged.*backup/s);
  });

  it('page 1 (the header and schema) overwritten: STORAGE_DAMAGED naming the database file, the file untouched', async () => {
    const { dataDir, db } = damagedCopy(1);
    const res = await refusedLogin(dataDir);
    expect(res).toMatchObject({ ok: false, error: { code: 'STORAGE_DAMAGED', message: expect.stringContaining(db) } });
    if (!res.ok) expect(res.error.message).toMatch(/backup/);
  });

  it('whichever page is damaged: login refuses it harmlessly (never INTERNAL) or does not read it, and then `desk db check` finds it', async () => {
    const pages = statSync(deskPaths(pristine).database).size / pageSize;
    const outcomes: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const { dataDir } = damagedCopy(page);
      const before = snapshot(dataDir);
      const rt = await open(dataDir);
      const res = await rt.call('auth.login', LOGIN);
      await rt.close();
      outcomes.push(`${page}:${res.ok ? 'ok' : res.error.code}`);
      expect(readdirSync(deskPaths(dataDir).deskDir).sort(), `page ${page}`).toEqual(['desk.db', 'keyslots.json']);
      if (!res.ok) {
        expect(`${page}:${res.error.code}`).toBe(`${page}:STORAGE_DAMAGED`);
        expect(snapshot(dataDir), `page ${page}`).toEqual(before);
      }
      // The tool the damage message points to must see the damage too.
      const check = await dbCheck(dataDir);
      expect([page, check.code], check.out).toEqual([page, 1]);
      expect(check.out, `page ${page}`).toMatch(/damaged|integrity: FAILED|does not match/);
    }
    // Schema, accounts, settings and the audit log are read at every login.
    expect(outcomes.filter((o) => o.endsWith('STORAGE_DAMAGED')).length, outcomes.join(' ')).toBeGreaterThanOrEqual(5);
  });
});

describe('a missing or damaged key-slot file', () => {
  async function refused(dataDir: string, method: 'auth.login' | 'auth.recover', input: unknown) {
    const before = snapshot(dataDir);
    const rt = await open(dataDir);
    const res = await rt.dispatch(method, input);
    const status = value(await rt.call('desk.status', {}));
    await rt.close();
    // Nothing of the desk changes; a refused password is counted (core/auth/throttle.ts), in its own file.
    const { '/login-throttle.json': _counted, ...after } = snapshot(dataDir);
    expect(after).toEqual(before);
    return { res, status };
  }

  it('missing: the status shows the problem and login is STORAGE_DAMAGED naming the file; the database is kept', async () => {
    const dataDir = await lockedDesk();
    const { keySlots } = deskPaths(dataDir);
    rmSync(keySlots);
    const { res, status } = await refused(dataDir, 'auth.login', LOGIN);
    expect(res).toMatchObject({ ok: false, error: { code: 'STORAGE_DAMAGED', message: expect.stringContaining(keySlots) } });
    if (!res.ok) expect(res.error.message).toMatch(/missing.*backup/s);
    expect(status.problem).toEqual({ code: 'DESK_INCOMPLETE', missing: keySlots });
    expect((await refused(dataDir, 'auth.recover', { recoveryKey: 'A'.repeat(52), username: SUPERVISOR.username, newPassword: 'a brand new password' })).res).toMatchObject({ ok: false, error: { code: 'STORAGE_DAMAGED' } });
  });

  it('truncated (not JSON any more): STORAGE_DAMAGED naming the file; the file is not rewritten', async () => {
    const dataDir = await lockedDesk();
    const { keySlots } = deskPaths(dataDir);
    const text = readFileSync(keySlots, 'utf8');
    writeFileSync(keySlots, text.slice(0, Math.floor(text.length / 2)));
    const { res } = await refused(dataDir, 'auth.login', LOGIN);
    expect(res).toMatchObject({ ok: false, error: { code: 'STORAGE_DAMAGED', message: expect.stringContaining(keySlots) } });
    if (!res.ok) expect(res.error.message).toMatch(/damaged.*backup/s);
  });

  it('valid JSON of an unknown shape or version: STORAGE_DAMAGED', async () => {
    const dataDir = await lockedDesk();
    const { keySlots } = deskPaths(dataDir);
    const file = JSON.parse(readFileSync(keySlots, 'utf8')) as { format: number };
    writeFileSync(keySlots, JSON.stringify({ ...file, format: 2 }));
    expect((await refused(dataDir, 'auth.login', LOGIN)).res).toMatchObject({ ok: false, error: { code: 'STORAGE_DAMAGED' } });
  });

  it('a tampered slot (ciphertext, tag, salt or cost changed) does not unlock: AUTH_FAILED, the file is not rewritten', async () => {
    const pristine = await lockedDesk();
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[0] = b[0]! ^ 1;
      return b.toString('base64');
    };
    // The slot's box: its private key wrapped under the password key, and the data key sealed to it.
    type Wrapped = Record<string, string>;
    type Slot = { kind: string; username: string | null; box: { publicKey: string; private: Wrapped; sealed: { epk: string; wrapped: Wrapped } }; kdf: Record<string, unknown> };
    const tamperings: Array<[string, (s: Slot) => void]> = [
      ['ct', (s) => (s.box.private.ct = flip(s.box.private.ct!))],
      ['tag', (s) => (s.box.private.tag = flip(s.box.private.tag!))],
      ['iv', (s) => (s.box.private.iv = flip(s.box.private.iv!))],
      ['sealed ct', (s) => (s.box.sealed.wrapped.ct = flip(s.box.sealed.wrapped.ct!))],
      ['sealed key', (s) => (s.box.sealed.epk = flip(s.box.sealed.epk))],
      ['salt', (s) => (s.kdf.salt = flip(s.kdf.salt as string))],
      ['cost', (s) => (s.kdf.N = (s.kdf.N as number) * 2)],
    ];
    for (const [what, tamper] of tamperings) {
      const dataDir = dir();
      cpSync(pristine, dataDir, { recursive: true });
      const { keySlots } = deskPaths(dataDir);
      const file = JSON.parse(readFileSync(keySlots, 'utf8')) as { slots: Slot[] };
      tamper(file.slots.find((s) => s.kind === 'user' && s.username === SUPERVISOR.username)!);
      writeFileSync(keySlots, JSON.stringify(file, null, 2));
      const { res } = await refused(dataDir, 'auth.login', LOGIN);
      expect([what, res]).toMatchObject([what, { ok: false, error: { code: 'AUTH_FAILED', field: 'password' } }]);
    }
  });
});

describe('one running desk per data folder', () => {
  it('a second runtime in the same process is DATA_DIR_BUSY naming the holder; after close the folder opens again', async () => {
    const dataDir = await lockedDesk();
    const first = await openRuntime(dataDir);
    const err = await openRuntime(dataDir).then(
      () => null,
      (e: { code: string; message: string }) => e,
    );
    expect(err).toMatchObject({ code: 'DATA_DIR_BUSY' });
    expect(err!.message).toContain(`process ${process.pid} on ${hostname()}`);
    expect(err!.message).toContain(dataDir);
    // The refused second one did not disturb the first.
    value(await first.call('auth.login', LOGIN));
    await first.close();
    expect(existsSync(deskPaths(dataDir).instanceLock)).toBe(false);
    const again = await open(dataDir);
    expect(value(await again.call('auth.login', LOGIN)).username).toBe(SUPERVISOR.username);
  });

  it('another process (the admin command line) is refused with DATA_DIR_BUSY naming this process, before any password is asked', async () => {
    const dataDir = await lockedDesk();
    const first = await open(dataDir);
    const env = { ...process.env };
    delete env.PRIVACY_DESK_PASSWORD;
    const r = spawnSync(NODE, ['electron/cli/main.ts', 'db', 'check', '--data-dir', dataDir, '--user', SUPERVISOR.username], { cwd: REPO, env, encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Another Privacy Desk (process ${process.pid} on ${hostname()}`);
    expect(r.stderr).toContain(dataDir);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(value(await first.call('desk.status', {})).state).toBe('locked');
  });

  const built = existsSync(join(REPO, 'dist', 'renderer', 'index.html'));
  if (!built) console.log('skipped: the browser-host process test needs the built renderer (npm run build:renderer)');

  it.skipIf(!built)('another process (the browser host) is refused while this one holds the folder, and starts once it is released', async () => {
    const dataDir = await lockedDesk();
    const first = await openRuntime(dataDir);
    const busy = spawnSync(NODE, ['electron/host/main.ts', '--data-dir', dataDir, '--port', '0'], { cwd: REPO, encoding: 'utf8', timeout: 20_000 });
    expect(busy.status).toBe(1);
    expect(busy.stderr).toContain(`Another Privacy Desk (process ${process.pid} on ${hostname()}`);
    expect(busy.stderr).toContain(dataDir);
    await first.close();

    const host = spawn(NODE, ['electron/host/main.ts', '--data-dir', dataDir, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((ok) => host.once('exit', ok));
    try {
      const ready = await new Promise<string>((ok, fail) => {
        let out = '';
        host.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (/ready at/.test(out)) ok(out);
        });
        host.once('exit', (code) => fail(new Error(`host exited with ${code}: ${out}`)));
      });
      expect(ready).toMatch(/ready at http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/);
      // While it runs, this process is the one refused.
      await expect(openRuntime(dataDir)).rejects.toMatchObject({ code: 'DATA_DIR_BUSY', message: expect.stringContaining(`process ${host.pid}`) });
    } finally {
      host.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(existsSync(deskPaths(dataDir).instanceLock)).toBe(false);
  });

  it('opening and closing the folder many times leaves nothing behind: no lock file, no exit listeners', async () => {
    const dataDir = await lockedDesk();
    const listeners = process.listenerCount('exit');
    for (let i = 0; i < 15; i++) await (await openRuntime(dataDir)).close();
    expect(process.listenerCount('exit')).toBe(listeners);
    expect(existsSync(deskPaths(dataDir).instanceLock)).toBe(false);
  });

  it('a lock left by a process that died is taken over; one from another PC is not', async () => {
    const dataDir = await lockedDesk();
    const { instanceLock } = deskPaths(dataDir);
    const dead = spawnSync(NODE, ['-e', '']).pid;
    writeFileSync(instanceLock, JSON.stringify({ pid: dead, host: hostname(), startedAt: '2026-01-05T09:00:00.000Z' }));
    const rt = await openRuntime(dataDir);
    expect(JSON.parse(readFileSync(instanceLock, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    value(await rt.call('auth.login', LOGIN));
    await rt.close();

    writeFileSync(instanceLock, ''); // torn by a crash mid-write
    await (await openRuntime(dataDir)).close();

    // A holder on another PC (a shared folder) cannot be checked: refuse, and say who.
    writeFileSync(instanceLock, JSON.stringify({ pid: dead, host: 'reception-pc', startedAt: '2026-01-05T09:00:00.000Z' }));
    await expect(openRuntime(dataDir)).rejects.toMatchObject({ code: 'DATA_DIR_BUSY', message: expect.stringContaining('reception-pc') });
    expect(JSON.parse(readFileSync(instanceLock, 'utf8'))).toMatchObject({ host: 'reception-pc' });
  });
});

describe('a desk that exists already, or is newer than this version', () => {
  it('set-up on a folder that has a desk is ALREADY_SET_UP and changes nothing (locked or logged in)', async () => {
    const dataDir = await lockedDesk();
    const setup = { desk: DESK, supervisor: { username: 'intruder', displayName: 'Someone Else', password: 'a different long password' } };
    const before = snapshot(dataDir);
    const rt = await open(dataDir);
    expect(await rt.call('desk.setup', setup)).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    expect(snapshot(dataDir)).toEqual({ ...before, '/desk.lock': expect.any(String) });
    await rt.close();
    expect(snapshot(dataDir)).toEqual(before);

    const rt2 = await open(dataDir);
    value(await rt2.call('auth.login', LOGIN));
    const during = snapshot(dataDir);
    expect(await rt2.call('desk.setup', setup)).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    expect(snapshot(dataDir)).toEqual(during);
    expect(value(await rt2.call('desk.status', {})).user?.username).toBe(SUPERVISOR.username);
    expect(await rt2.call('auth.login', { username: 'intruder', password: 'a different long password' })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
  });

  it('a database written by a newer version: DESK_TOO_NEW telling to install the newer version; nothing written', async () => {
    const dataDir = await lockedDesk();
    const desk = await unlockDirect(dataDir);
    sqliteStore(desk.store).raw.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999_future', new Date().toISOString());
    await lockDesk(desk);
    const before = snapshot(dataDir);
    const rt = await open(dataDir);
    const res = await rt.call('auth.login', LOGIN);
    expect(res).toMatchObject({ ok: false, error: { code: 'DESK_TOO_NEW' } });
    if (!res.ok) expect(res.error.message).toMatch(/newer version.*9999_future.*Install the newer version/s);
    expect(value(await rt.call('desk.status', {})).state).toBe('locked');
    await rt.close();
    expect(snapshot(dataDir)).toEqual(before);
  });
});
