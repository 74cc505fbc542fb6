// A PC IT connected to a shared desk (`desk connect`, issue 17): the person starts Privacy Desk with no
// database URL or password and logs in on the usual screen with their own name and password. A name IT
// never connected on this PC is told, in Japanese, to ask IT; a wrong password is the usual refusal. The
// shared desk is a database of its own in the e2e run's real PostgreSQL cluster (pages/postgres.ts).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { QueuePage, ShellPage } from './pages/ShellPage.ts';
import { supervisor } from './pages/flows.ts';
import { freshDatabase, type TestDatabase } from '../support/postgres.ts';
import { e2ePostgres } from './pages/postgres.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let database: TestDatabase;
let pc: string;
let host: ChildProcess | undefined;

const desk = (args: string[], env: NodeJS.ProcessEnv) =>
  execFileSync(process.execPath, ['electron/cli/main.ts', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  database = await freshDatabase(await e2ePostgres());
  pc = mkdtempSync(join(tmpdir(), 'privacy-desk-e2e-pc-'));
  const passwords = { PRIVACY_DESK_PASSWORD: supervisor.password, PRIVACY_DESK_DATABASE_PASSWORD: database.password };
  desk(['init', '--database-url', database.url, '--user', supervisor.username, '--display-name', supervisor.displayName], passwords);
  desk(['connect', '--data-dir', pc, '--database-url', database.url, '--user', supervisor.username], passwords);
});

test.afterAll(async () => {
  if (host && host.exitCode === null) {
    const exited = new Promise((r) => host!.once('exit', r));
    host.kill('SIGTERM');
    await exited;
  }
  await database?.drop();
  if (pc) rmSync(pc, { recursive: true, force: true });
});

test('on a connected PC people log in as always; a name IT never connected here is told to ask IT', async ({ page }) => {
  // Started as a person starts it: only the data folder (here --data-dir; by default the per-user folder).
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' };
  delete env.PRIVACY_DESK_DATABASE_PASSWORD;
  host = spawn(process.execPath, ['electron/host/main.ts', '--data-dir', pc, '--port', '0'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    host!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /https?:\/\/\S+/.exec(out);
      if (m && out.includes('Press Ctrl+C')) resolve(m[0]);
    });
    host!.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
    host!.once('exit', (code) => reject(new Error(`host exited (${code}):\n${out}`)));
  });
  expect(out).not.toContain(database.password);

  await page.goto(url);
  const login = new LoginPage(page, 'ja');
  await login.expectVisible(); // the login, not the set-up: the PC knows its desk before anyone logs in

  await login.login('tanaka', 'some password 123');
  await expect(login.username).toHaveAccessibleDescription(/tanaka さんの接続設定はまだありません。IT 担当者にこの PC での接続設定を依頼してください。/);

  await login.login(supervisor.username, 'not the password 123');
  await login.expectPasswordError('ユーザー名またはパスワードが違います。');

  await login.login(supervisor.username, supervisor.password);
  await new ShellPage(page, 'ja').expectVisible();
  await new QueuePage(page, 'ja').expectEmpty();
});
