// "Closing the desk and starting it again, or going round it with the command line, gives no fresh
// tries; and the login screen does not tell who has an account by how long a wrong answer takes."
// (Timing itself is measured by `npm run bench -- login`; here: the same scrypt work on the same path.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { newDesk, openRuntime, SUPERVISOR, tempDir, TEST_KDF, value } from '../../support/desk.ts';
import { runCli } from '../../support/run-cli.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { lockDesk, unlockWithPassword } from '../../../electron/core/vault/vault.ts';
import * as wrap from '../../../electron/core/keys/wrap.ts';

vi.mock('../../../electron/core/keys/wrap.ts', async (original) => {
  const real = await original<typeof import('../../../electron/core/keys/wrap.ts')>();
  return { ...real, deriveKey: vi.fn(real.deriveKey) };
});

const dirs: Array<{ remove(): void }> = [];
const runtimes: DeskRuntime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
  dirs.splice(0).forEach((d) => d.remove());
});

async function lockedDesk(now?: () => Date) {
  const dir = tempDir();
  dirs.push(dir);
  const { rt } = await newDesk(dir.path, now ? { now } : {});
  value(await rt.dispatch('auth.lock', {}));
  return { rt, dir: dir.path };
}

const login = (rt: DeskRuntime, username: string, password: string) => rt.dispatch('auth.login', { username, password });

describe('failed-login counters outlive the process', () => {
  it('a throttled account is still throttled after the desk is closed and started again, and by the CLI', async () => {
    // A clock that runs ahead of the real one, so each wait is over before the next miss and the last
    // wait is still running for the restarted desk and the CLI (both on the real clock).
    let t = Date.now();
    const { rt, dir } = await lockedDesk(() => new Date(t));
    for (let i = 0; i < 8; i++) {
      t += 6 * 60_000;
      expect(await login(rt, SUPERVISOR.username, `wrong password ${i}`)).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    }
    await rt.close();

    const again = await openRuntime(dir);
    runtimes.push(again);
    expect(await login(again, SUPERVISOR.username, SUPERVISOR.password)).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED', field: 'password' } });
    await again.close();

    const cli = await runCli(['audit', 'verify', '--data-dir', dir, '--user', SUPERVISOR.username], SUPERVISOR.password);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/Too many wrong attempts\. Try again in \d+ seconds\./);
    // The file names no one: neither the user name nor the wrong passwords are in it.
    const file = readFileSync(deskPaths(dir).loginThrottle, 'utf8');
    expect(file).not.toContain(SUPERVISOR.username);
    expect(file).not.toContain('wrong password');
  });

  it('wrong passwords typed into the CLI count at the login screen', async () => {
    const start = Date.now();
    const { rt, dir } = await lockedDesk(() => new Date(start));
    await rt.close();
    for (const p of ['cli wrong one', 'cli wrong two']) {
      const r = await runCli(['audit', 'verify', '--data-dir', dir, '--user', SUPERVISOR.username], p);
      expect(r.stderr).toContain(`Wrong user name or password for ${SUPERVISOR.username}.`);
    }
    // Two misses were free; the third (the first at the screen) starts the wait. The screen's clock
    // stands still from here, so the wait cannot run out under a slow machine.
    const at = Date.now();
    const again = await openRuntime(dir, { now: () => new Date(at) });
    runtimes.push(again);
    expect(await login(again, SUPERVISOR.username, 'screen wrong three')).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(await login(again, SUPERVISOR.username, SUPERVISOR.password)).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
  });

  it('a good login at the CLI resets the account’s counter', async () => {
    const start = Date.now();
    const { rt, dir } = await lockedDesk(() => new Date(start));
    expect(await login(rt, SUPERVISOR.username, 'screen wrong one')).toMatchObject({ ok: false });
    expect(await login(rt, SUPERVISOR.username, 'screen wrong two')).toMatchObject({ ok: false });
    await rt.close();
    const ok = await runCli(['audit', 'verify', '--data-dir', dir, '--user', SUPERVISOR.username], SUPERVISOR.password);
    expect(ok.stdout).toMatch(/^OK/);
    const at = Date.now();
    const again = await openRuntime(dir, { now: () => new Date(at) });
    runtimes.push(again);
    expect(await login(again, SUPERVISOR.username, 'screen wrong three')).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(value(await login(again, SUPERVISOR.username, SUPERVISOR.password))).toMatchObject({ username: SUPERVISOR.username });
  });
});

describe('an unknown user name costs what a known one does', () => {
  it('a known name with a wrong password, an unknown name and a disabled one each take one scrypt of the desk’s cost, and all three fail alike', async () => {
    const { rt, dir } = await lockedDesk();
    value(await login(rt, SUPERVISOR.username, SUPERVISOR.password));
    value(await rt.dispatch('accounts.create', { username: 'suzuki', displayName: 'Suzuki', role: 'agent' }));
    value(await rt.dispatch('accounts.disable', { username: 'suzuki' }));
    await rt.close();
    const paths = deskPaths(dir);
    const derive = vi.mocked(wrap.deriveKey);

    const scrypts: Record<string, Array<{ N: number; r: number; p: number }>> = {};
    for (const name of [SUPERVISOR.username, 'nobody', 'suzuki']) {
      derive.mockClear();
      expect(await unlockWithPassword(paths, name, 'not the password at all')).toBeNull();
      scrypts[name] = derive.mock.calls.map(([, params]) => params).filter((p) => p.name === 'scrypt').map((p) => ({ N: (p as wrap.ScryptParams).N, r: (p as wrap.ScryptParams).r, p: (p as wrap.ScryptParams).p }));
    }
    expect(scrypts[SUPERVISOR.username]).toEqual([TEST_KDF]);
    expect(scrypts.nobody).toEqual(scrypts[SUPERVISOR.username]);
    expect(scrypts.suzuki).toEqual(scrypts[SUPERVISOR.username]);
    // The decoy never opens, whatever is typed.
    derive.mockClear();
    const real = await unlockWithPassword(paths, SUPERVISOR.username, SUPERVISOR.password);
    expect(real).not.toBeNull();
    await lockDesk(real!);
    expect(existsSync(paths.keySlots)).toBe(true);
  });
});
