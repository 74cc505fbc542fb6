// `npm run serve -- --database-url URL`: the browser-mode desk on a shared desk. The host is started as a
// person starts it (a child process, the database password in PRIVACY_DESK_DATABASE_PASSWORD), prints
// where the desk is without any password, and the desk it serves is the one in the database.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freshDatabase, withAdmin, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { DESK, SUPERVISOR, openRuntime, tempDir, value } from '../../support/desk.ts';
import { runCli } from '../../support/run-cli.ts';
import { parseDatabaseUrl } from '../../../db/postgres.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function host(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<string>; output: () => string } {
  const child = spawn(process.execPath, ['electron/host/main.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Press Ctrl+C')) resolve(out);
    });
    child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${out}`)));
  });
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  });
  return { child, ready, output: () => out };
}

describe('npm run serve -- --database-url', () => {
  it('serves the shared desk in the database: set up and a case taken in over HTTP land there; no password printed', async () => {
    const database: TestDatabase = await freshDatabase(await testPostgres());
    cleanups.push(() => database.drop());
    const dir = tempDir('pd-serve-');
    cleanups.push(() => dir.remove());
    const h = host(['--data-dir', dir.path, '--database-url', database.url, '--port', '0'], { PRIVACY_DESK_DATABASE_PASSWORD: database.password });
    const out = await h.ready;
    expect(out).toContain(`Shared desk: ${database.url} (this PC's folder: ${dir.path})`);
    expect(out).not.toContain(database.password);
    const link = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/.exec(out)!;
    const call = async (method: string, input: unknown) =>
      (await (await fetch(`http://127.0.0.1:${link[1]}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${link[2]}`, 'content-type': 'application/json' }, body: JSON.stringify(input) })).json()) as {
        ok: boolean;
        value?: { state?: string; reference?: string };
      };
    expect(await call('desk.status', {})).toMatchObject({ ok: true, value: { state: 'new' } });
    expect(await call('desk.setup', { desk: DESK, supervisor: SUPERVISOR })).toMatchObject({ ok: true });
    const created = await call('cases.create', {
      type: 'disclosure', channel: 'post', arrivedAt: '2026-11-24T09:30:00+09:00', requesterKind: 'member', memberName: '山田 太郎', memberKana: 'やまだ たろう',
      memberEmail: 'taro@example.jp', memberPostalCode: '160-0023', memberAddress: '東京都新宿区西新宿1-1-1', requestText: '開示を求めます。', delivery: 'paper',
    });
    expect(created).toMatchObject({ ok: true });
    const inDatabase = await withAdmin(await testPostgres(), async (c) => (await c.query('SELECT reference FROM cases')).rows.map((r) => r.reference as string), database.name);
    expect(inDatabase).toEqual([created.value!.reference]);
  }, 120_000);

  it('with only --data-dir of a folder IT connected (connection.json), serves the shared desk: people log in with their own password', async () => {
    const database: TestDatabase = await freshDatabase(await testPostgres());
    cleanups.push(() => database.drop());
    const it_ = tempDir('pd-serve-it-');
    const dir = tempDir('pd-serve-pc-');
    cleanups.push(() => it_.remove(), () => dir.remove());
    const it = await openRuntime(it_.path, { server: { target: parseDatabaseUrl(database.url), password: database.password } });
    value(await it.call('desk.setup', { desk: DESK, supervisor: SUPERVISOR }));
    await it.close();
    const connected = await runCli(['connect', '--data-dir', dir.path, '--database-url', database.url, '--user', SUPERVISOR.username], SUPERVISOR.password, { env: { PRIVACY_DESK_DATABASE_PASSWORD: database.password } });
    expect(connected.code).toBe(0);

    // No --database-url and no database password anywhere: the profile is all the PC has.
    const h = host(['--data-dir', dir.path, '--port', '0'], { PRIVACY_DESK_DATABASE_PASSWORD: '' });
    const out = await h.ready;
    expect(out).toContain(`Shared desk: ${database.url} through this PC's connection profile ${join(dir.path, 'connection.json')}`);
    expect(out).not.toContain(database.password);
    const link = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/.exec(out)!;
    const call = async (method: string, input: unknown) =>
      (await (await fetch(`http://127.0.0.1:${link[1]}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${link[2]}`, 'content-type': 'application/json' }, body: JSON.stringify(input) })).json()) as {
        ok: boolean;
        value?: { state?: string; reference?: string };
      };
    expect(await call('desk.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password })).toMatchObject({ ok: true });
    const created = await call('cases.create', {
      type: 'disclosure', channel: 'post', arrivedAt: '2026-11-24T09:30:00+09:00', requesterKind: 'member', memberName: '山田 太郎', memberKana: 'やまだ たろう',
      memberEmail: 'taro@example.jp', memberPostalCode: '160-0023', memberAddress: '東京都新宿区西新宿1-1-1', requestText: '開示を求めます。', delivery: 'paper',
    });
    expect(created).toMatchObject({ ok: true });
    const inDatabase = await withAdmin(await testPostgres(), async (c) => (await c.query('SELECT reference FROM cases')).rows.map((r) => r.reference as string), database.name);
    expect(inDatabase).toEqual([created.value!.reference]);
    // Nothing of the desk in the PC's folder: the profile, the lock, the counters (no local desk was made).
    expect(existsSync(join(dir.path, 'desk', 'desk.db'))).toBe(false);
  }, 180_000);

  it('a URL with a password in it is refused before anything connects, in one line', async () => {
    const dir = tempDir('pd-serve-');
    cleanups.push(() => dir.remove());
    const h = host(['--data-dir', dir.path, '--database-url', 'postgres://pd_desk:secret@127.0.0.1:5999/desk', '--port', '0'], { PRIVACY_DESK_DATABASE_PASSWORD: 'x' });
    await expect(h.ready).rejects.toThrow(/host exited \(1\)/);
    expect(h.output()).toMatch(/^Privacy Desk could not start: --database-url: .*password/m);
    expect(h.output()).not.toContain('secret@');
  }, 60_000);
});
