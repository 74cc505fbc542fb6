// Connection profiles per PC (issue 17): IT staff point a PC at the shared desk once per staff member with
// `npm run desk -- connect`, and people then log in with their own name and password — the PC's profile
// unwraps the database password, which is never stored in the clear. Real server, real CLI processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openRuntime, SUPERVISOR, DESK, tempDir, value } from '../../support/desk.ts';
import { freshDatabase, withAdmin, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { runCli } from '../../support/run-cli.ts';
import { parseDatabaseUrl } from '../../../db/postgres.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { openDatabasePassword, profiledServer, type Keychain, readConnectionProfile, wrapDatabasePassword, writeConnectionProfile } from '../../../electron/core/shared-desk/connection-profile.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { TEST_KDF } from '../../support/desk.ts';

const SUZUKI = { username: 'suzuki', displayName: '鈴木 一郎', password: 'suzuki password 123' };
const TANAKA = { username: 'tanaka', displayName: '田中 実', password: 'tanaka password 456' };

let database: TestDatabase;
const it_ = tempDir('pd-it-');
const pc = tempDir('pd-pc-');
const cleanups: Array<() => Promise<void> | void> = [];

const profileFile = () => deskPaths(pc.path).connectionProfile;
const connect = (args: string[], staffPassword: string, databasePassword?: string) =>
  runCli(['connect', '--data-dir', pc.path, ...args], staffPassword, { env: databasePassword === undefined ? {} : { PRIVACY_DESK_DATABASE_PASSWORD: databasePassword }, timeoutMs: 60_000 });

/** A runtime on the PC as `npm run serve`/`npm start` open it: no --database-url, the folder's profile. */
async function pcRuntime(dir = pc.path): Promise<DeskRuntime> {
  const server = profiledServer(dir);
  expect(server).toBeDefined();
  const rt = await openRuntime(dir, { server: server! });
  cleanups.push(() => rt.close());
  return rt;
}

beforeAll(async () => {
  database = await freshDatabase(await testPostgres());
  // The desk on the server, set up from IT's own folder; two colleagues with passwords of their own.
  const it = await openRuntime(it_.path, { server: { target: parseDatabaseUrl(database.url), password: database.password } });
  value(await it.call('desk.setup', { desk: DESK, supervisor: SUPERVISOR }));
  const made = [];
  for (const person of [SUZUKI, TANAKA]) {
    const { oneTimePassword } = value(await it.call('accounts.create', { username: person.username, displayName: person.displayName, role: 'agent' }));
    made.push({ person, oneTimePassword });
  }
  for (const { person, oneTimePassword } of made) {
    value(await it.call('auth.login', { username: person.username, password: oneTimePassword }));
    value(await it.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: person.password }));
  }
  await it.close();
}, 180_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await database?.drop();
  it_.remove();
  pc.remove();
});

describe('desk connect: a PC pointed at the shared desk once per staff member', () => {
  it('writes connection.json 0600 with the URL and per person a wrapped copy; no password of any kind in its bytes', async () => {
    const first = await connect(['--database-url', database.url, '--user', SUPERVISOR.username], SUPERVISOR.password, database.password);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`connected to the shared desk ${database.url} for sato`);
    // A second colleague on the same PC: the URL is already known.
    const second = await connect(['--user', SUZUKI.username], SUZUKI.password, database.password);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('2 staff member(s) on this PC: sato, suzuki');

    expect(statSync(profileFile()).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(profileFile());
    for (const secret of [database.password, SUPERVISOR.password, SUZUKI.password]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(secret, 'utf8').toString('base64'), 'utf8'))).toBe(false);
    }
    const profile = readConnectionProfile(profileFile())!;
    expect(profile.url).toBe(database.url);
    expect(profile.slots.map((s) => s.username)).toEqual(['sato', 'suzuki']);
    // The slot costs what the person's desk slot costs (the same scrypt), never less.
    expect(profile.slots[0]!.kdf).toMatchObject({ name: 'scrypt', N: TEST_KDF.N, r: TEST_KDF.r, p: TEST_KDF.p });
    const show = await runCli(['connect', '--show', '--data-dir', pc.path]);
    expect(show.stdout).toContain('Staff connected on this PC: sato, suzuki');
    expect(show.stdout).not.toContain(database.password);
  }, 120_000);

  it('a wrong database password or a wrong staff password writes no profile', async () => {
    const other = tempDir('pd-pc-other-');
    cleanups.push(() => other.remove());
    const badDb = await runCli(['connect', '--data-dir', other.path, '--database-url', database.url, '--user', 'sato'], SUPERVISOR.password, { env: { PRIVACY_DESK_DATABASE_PASSWORD: 'not the password' } });
    expect(badDb.code).toBe(1);
    expect(badDb.stderr).toContain('the database password is wrong');
    const badStaff = await runCli(['connect', '--data-dir', other.path, '--database-url', database.url, '--user', 'sato'], 'not sato password', { env: { PRIVACY_DESK_DATABASE_PASSWORD: database.password } });
    expect(badStaff.code).toBe(1);
    expect(badStaff.stderr).toContain('Wrong user name or password for sato.');
    expect(existsSync(deskPaths(other.path).connectionProfile)).toBe(false);
  }, 120_000);

  it('a folder holding a local desk is refused (the local desk is never hidden behind a profile)', async () => {
    const local = tempDir('pd-pc-local-');
    cleanups.push(() => local.remove());
    const rt = await openRuntime(local.path);
    value(await rt.call('desk.setup', { desk: DESK, supervisor: SUPERVISOR }));
    await rt.close();
    const r = await runCli(['connect', '--data-dir', local.path, '--database-url', database.url, '--user', 'sato'], SUPERVISOR.password, { env: { PRIVACY_DESK_DATABASE_PASSWORD: database.password } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds a local desk');
    expect(existsSync(deskPaths(local.path).connectionProfile)).toBe(false);
  }, 120_000);
});

describe('logging in through the profile', () => {
  it('two staff members each log in with their own password and work on the shared desk', async () => {
    const rt = await pcRuntime();
    // Before a login the server cannot be asked (no password yet): the login screen shows, not set-up.
    expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'locked', problem: null });
    expect(value(await rt.call('auth.login', { username: 'sato', password: SUPERVISOR.password }))).toMatchObject({ username: 'sato', role: 'supervisor' });
    const created = value(
      await rt.call('cases.create', {
        type: 'disclosure', channel: 'post', arrivedAt: '2026-11-24T09:30:00+09:00', requesterKind: 'member', memberName: '山田 太郎', memberKana: 'やまだ たろう',
        memberEmail: 'taro@example.jp', memberPostalCode: '160-0023', memberAddress: '東京都新宿区西新宿1-1-1', requestText: '開示を求めます。', delivery: 'paper',
      }),
    );
    value(await rt.call('auth.lock', {}));
    expect(value(await rt.call('auth.login', { username: 'suzuki', password: SUZUKI.password }))).toMatchObject({ username: 'suzuki', role: 'agent' });
    const page = value(await rt.call('cases.list', { search: created.reference }));
    expect(page.rows.map((r) => r.reference)).toEqual([created.reference]);
    const inDatabase = await withAdmin(await testPostgres(), async (c) => (await c.query('SELECT reference FROM cases')).rows.map((r) => r.reference as string), database.name);
    expect(inDatabase).toContain(created.reference);
    await rt.close();
  }, 120_000);

  it('the admin commands take --data-dir of a connected PC: the person\'s own password opens the shared desk (no database password asked)', async () => {
    const exported = await runCli(['export', '--data-dir', pc.path, '--user', 'sato', '--format', 'json'], SUPERVISOR.password, { timeoutMs: 60_000 });
    expect(exported.stderr).not.toContain('Wrong');
    expect(exported.code).toBe(0);
    const references = (JSON.parse(exported.stdout) as Array<{ reference: string }>).map((c) => c.reference);
    const inDatabase = await withAdmin(await testPostgres(), async (c) => (await c.query('SELECT reference FROM cases ORDER BY reference')).rows.map((r) => r.reference as string), database.name);
    expect(references.sort()).toEqual(inDatabase);
    expect(inDatabase.length).toBeGreaterThan(0);
    const wrong = await runCli(['audit', 'verify', '--data-dir', pc.path, '--user', 'sato'], 'not the password at all');
    expect({ code: wrong.code, stderr: wrong.stderr.trim() }).toEqual({ code: 1, stderr: 'Wrong user name or password for sato.' });
    const stranger = await runCli(['audit', 'verify', '--data-dir', pc.path, '--user', 'tanaka'], TANAKA.password);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('connect --user tanaka');
    // Nor is a local desk made in a connected folder, where the profile would hide it.
    const init = await runCli(['init', '--data-dir', pc.path, '--user', 'sato'], SUPERVISOR.password);
    expect(init.code).toBe(1);
    expect(init.stderr).toContain('is connected to a shared desk');
    expect(existsSync(join(pc.path, 'desk'))).toBe(false);
  }, 120_000);

  it('a wrong password is refused as on any desk (AUTH_FAILED, counted, then throttled) and the profile is unchanged', async () => {
    const before = readFileSync(profileFile());
    const rt = await pcRuntime();
    for (let i = 0; i < 3; i++) {
      const r = await rt.call('auth.login', { username: 'suzuki', password: `wrong password ${i}` });
      expect(r.ok).toBe(false);
      if (!r.ok) expect({ code: r.error.code, reason: r.error.reason.code, field: r.error.field }).toEqual({ code: 'AUTH_FAILED', reason: 'AUTH_FAILED', field: 'password' });
    }
    const throttled = await rt.call('auth.login', { username: 'suzuki', password: SUZUKI.password });
    expect(throttled.ok ? 'ok' : throttled.error.code).toBe('AUTH_THROTTLED');
    expect(readFileSync(profileFile()).equals(before)).toBe(true);
    expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'locked', user: null });
    await rt.close();
  }, 120_000);

  it('a colleague with a desk account but no copy on this PC is told IT must connect them (a code, not AUTH_FAILED)', async () => {
    const rt = await pcRuntime();
    const r = await rt.call('auth.login', { username: TANAKA.username, password: TANAKA.password });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.reason).toEqual({ code: 'CONNECTION_PROFILE_NO_SLOT', username: 'tanaka' });
      expect(r.error.field).toBe('username');
      expect(r.error.message).toContain('npm run desk -- connect --user tanaka');
    }
    await rt.close();
    // IT connects tanaka: now tanaka logs in.
    expect((await connect(['--user', TANAKA.username], TANAKA.password, database.password)).code).toBe(0);
    const again = await pcRuntime();
    expect(value(await again.call('auth.login', { username: TANAKA.username, password: TANAKA.password }))).toMatchObject({ username: 'tanaka' });
    await again.close();
  }, 120_000);

  it('a password change re-wraps that person\'s copy: the old password no longer unwraps it, the new one logs in', async () => {
    const rt = await pcRuntime();
    value(await rt.call('auth.login', { username: 'sato', password: SUPERVISOR.password }));
    const newPassword = 'a brand new sato passphrase';
    value(await rt.call('auth.changePassword', { currentPassword: SUPERVISOR.password, newPassword }));
    value(await rt.call('auth.lock', {}));
    const profile = readConnectionProfile(profileFile())!;
    expect(await openDatabasePassword(profile, 'sato', SUPERVISOR.password)).toEqual({ slot: true, password: null });
    expect(await openDatabasePassword(profile, 'sato', newPassword)).toEqual({ slot: true, password: database.password });
    expect(readFileSync(profileFile()).includes(Buffer.from(newPassword))).toBe(false);
    const old = await rt.call('auth.login', { username: 'sato', password: SUPERVISOR.password });
    expect(old.ok ? 'ok' : old.error.code).toBe('AUTH_FAILED');
    expect(value(await rt.call('auth.login', { username: 'sato', password: newPassword }))).toMatchObject({ username: 'sato' });
    value(await rt.call('auth.changePassword', { currentPassword: newPassword, newPassword: SUPERVISOR.password }));
    await rt.close();
  }, 120_000);

  it('a supervisor on a connected PC adds a colleague there: the one-time password opens it, the first change re-wraps, a reset too, disabling removes the copy', async () => {
    const rt = await pcRuntime();
    value(await rt.call('auth.login', { username: 'sato', password: SUPERVISOR.password }));
    const { oneTimePassword } = value(await rt.call('accounts.create', { username: 'yamada', displayName: '山田 花子', role: 'agent' }));
    value(await rt.call('auth.lock', {}));
    // No IT visit: the new colleague starts on this PC with the one-time password, and must change it.
    expect(value(await rt.call('auth.login', { username: 'yamada', password: oneTimePassword }))).toMatchObject({ username: 'yamada', mustChangePassword: true });
    const own = 'yamada own passphrase 77';
    value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: own }));
    let profile = readConnectionProfile(profileFile())!;
    expect(await openDatabasePassword(profile, 'yamada', oneTimePassword)).toEqual({ slot: true, password: null });
    expect(await openDatabasePassword(profile, 'yamada', own)).toEqual({ slot: true, password: database.password });
    // Forgot it: the supervisor resets the account here, and the new one-time password works on this PC.
    value(await rt.call('auth.login', { username: 'sato', password: SUPERVISOR.password }));
    const reset = value(await rt.call('accounts.reset', { username: 'yamada' }));
    value(await rt.call('auth.lock', {}));
    expect(value(await rt.call('auth.login', { username: 'yamada', password: reset.oneTimePassword }))).toMatchObject({ username: 'yamada' });
    // Disabled: the copy on this PC is gone, so the old password cannot even reach the database from here.
    value(await rt.call('auth.login', { username: 'sato', password: SUPERVISOR.password }));
    value(await rt.call('accounts.disable', { username: 'yamada' }));
    profile = readConnectionProfile(profileFile())!;
    expect(profile.slots.map((s) => s.username)).not.toContain('yamada');
    value(await rt.call('auth.lock', {}));
    const gone = await rt.call('auth.login', { username: 'yamada', password: reset.oneTimePassword });
    expect(gone.ok ? 'ok' : gone.error.reason.code).toBe('CONNECTION_PROFILE_NO_SLOT');
    await rt.close();
  }, 180_000);

  it('connect --remove-user forgets one person on this PC; disconnect forgets the desk', async () => {
    const removed = await runCli(['connect', '--data-dir', pc.path, '--remove-user', 'tanaka']);
    expect(removed.code).toBe(0);
    expect(readConnectionProfile(profileFile())!.slots.map((s) => s.username)).toEqual(['suzuki', 'sato']);
    const rt = await pcRuntime();
    const r = await rt.call('auth.login', { username: TANAKA.username, password: TANAKA.password });
    expect(r.ok ? 'ok' : r.error.reason.code).toBe('CONNECTION_PROFILE_NO_SLOT');
    await rt.close();
    const copy = readFileSync(profileFile());
    const gone = await runCli(['disconnect', '--data-dir', pc.path]);
    expect(gone.code).toBe(0);
    expect(profiledServer(pc.path)).toBeUndefined();
    writeFileSync(profileFile(), copy, { mode: 0o600 }); // the later tests use the PC again
  }, 120_000);

  it('a profile whose server does not answer gives SHARED_DESK_UNREACHABLE at login, nothing else', async () => {
    const port = await new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => ok(p));
      });
    });
    const dead = tempDir('pd-pc-dead-');
    cleanups.push(() => dead.remove());
    const url = `postgres://pd_desk@127.0.0.1:${port}/nowhere`;
    const base = { format: 1 as const, url, deskId: readConnectionProfile(profileFile())!.deskId, slots: [] };
    writeConnectionProfile(join(dead.path, 'connection.json'), { ...base, slots: [await wrapDatabasePassword(base, 'sato', SUPERVISOR.password, 'whatever', TEST_KDF)] });
    const rt = await pcRuntime(dead.path);
    expect(value(await rt.call('desk.status', {}))).toMatchObject({ state: 'locked' });
    const r = await rt.call('auth.login', { username: 'sato', password: SUPERVISOR.password });
    expect(r.ok).toBe(false);
    if (!r.ok) expect({ code: r.error.code, reason: r.error.reason }).toEqual({ code: 'UNAVAILABLE', reason: { code: 'SHARED_DESK_UNREACHABLE', host: '127.0.0.1', port } });
    await rt.close();
  }, 120_000);

  it('a damaged profile is refused with its code before anything is sent', () => {
    const broken = tempDir('pd-pc-broken-');
    cleanups.push(() => broken.remove());
    writeFileSync(join(broken.path, 'connection.json'), '{"format":1,');
    expect(() => profiledServer(broken.path)).toThrow(/cannot be read/);
  });

  it('the desktop app\'s OS keychain (connect --keychain): sealed once at a log-in, then a password changed on another PC still logs in and is re-wrapped here', async () => {
    // This OS account's keychain, as safeStorage would be: a key the account holds, never in the profile.
    const accountKey = randomBytes(32);
    const keychain: Keychain = {
      seal: async (secret) => {
        const iv = randomBytes(12);
        const c = createCipheriv('aes-256-gcm', accountKey, iv);
        const ct = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
        return Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64');
      },
      open: async (sealed) => {
        const b = Buffer.from(sealed, 'base64');
        try {
          const d = createDecipheriv('aes-256-gcm', accountKey, b.subarray(0, 12));
          d.setAuthTag(b.subarray(12, 28));
          return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
        } catch {
          return null;
        }
      },
    };
    const desktop = tempDir('pd-pc-desktop-');
    cleanups.push(() => desktop.remove());
    const r = await runCli(['connect', '--data-dir', desktop.path, '--database-url', database.url, '--user', 'suzuki', '--keychain'], SUZUKI.password, { env: { PRIVACY_DESK_DATABASE_PASSWORD: database.password } });
    expect(r.code).toBe(0);
    const file = deskPaths(desktop.path).connectionProfile;
    expect(readConnectionProfile(file)).toMatchObject({ useKeychain: true });
    expect(readConnectionProfile(file)!.keychain).toBeUndefined(); // the CLI has no keychain: the app seals it

    const open = async () => {
      const rt = await openRuntime(desktop.path, { server: profiledServer(desktop.path)!, keychain });
      cleanups.push(() => rt.close());
      return rt;
    };
    let rt = await open();
    value(await rt.call('auth.login', { username: 'suzuki', password: SUZUKI.password }));
    await rt.close();
    const sealed = readConnectionProfile(file)!.keychain!;
    expect(await keychain.open(sealed)).toBe(database.password);
    expect(readFileSync(file).includes(Buffer.from(database.password))).toBe(false);

    // suzuki changes the password on another PC (the IT folder, by URL): this PC's copy still wraps the old one.
    const elsewhere = await openRuntime(it_.path, { server: { target: parseDatabaseUrl(database.url), password: database.password } });
    value(await elsewhere.call('auth.login', { username: 'suzuki', password: SUZUKI.password }));
    const changed = 'suzuki changed it elsewhere';
    value(await elsewhere.call('auth.changePassword', { currentPassword: SUZUKI.password, newPassword: changed }));
    await elsewhere.close();

    rt = await open();
    const wrong = await rt.call('auth.login', { username: 'suzuki', password: 'not even close 99' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('AUTH_FAILED'); // the keychain connects; the desk's own slot refuses
    expect(value(await rt.call('auth.login', { username: 'suzuki', password: changed }))).toMatchObject({ username: 'suzuki' });
    // A colleague never connected on this PC logs in through the keychain too, and gets a copy of their own.
    value(await rt.call('auth.lock', {}));
    expect(value(await rt.call('auth.login', { username: TANAKA.username, password: TANAKA.password }))).toMatchObject({ username: 'tanaka' });
    await rt.close();
    const after = readConnectionProfile(file)!;
    expect(await openDatabasePassword(after, 'suzuki', changed)).toEqual({ slot: true, password: database.password });
    expect(await openDatabasePassword(after, 'suzuki', SUZUKI.password)).toEqual({ slot: true, password: null });
    expect(await openDatabasePassword(after, 'tanaka', TANAKA.password)).toEqual({ slot: true, password: database.password });

    // Another OS account (another keychain key) opens nothing: without a copy of one's own, the code says so.
    const stranger = await openRuntime(desktop.path, { server: profiledServer(desktop.path)!, keychain: { seal: async () => null, open: async () => null } });
    cleanups.push(() => stranger.close());
    const refused = await stranger.call('auth.login', { username: 'sato', password: SUPERVISOR.password });
    expect(refused.ok ? 'ok' : refused.error.reason.code).toBe('CONNECTION_PROFILE_NO_SLOT');
    await stranger.close();
  }, 180_000);
});
