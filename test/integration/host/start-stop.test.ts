// Issue 11, item 11: `npm start` / `npm run serve` as a person runs them. Each prints its own usage for
// --help and suggests --help on an unknown option; an older Node gets one sentence; a SIGTERM to the npm
// process (not only to the desk) stops the desk cleanly: its data folder is unlocked again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/desk.ts';

const root = join(import.meta.dirname, '../../..');
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' } });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const dirs: Array<{ remove(): void }> = [];
afterAll(() => dirs.forEach((d) => d.remove()));

describe('usage', () => {
  it('npm start and npm run serve each print their own usage for --help', () => {
    const start = node(['electron/node-check.mjs', 'electron/launch.ts', '--help']);
    expect(start.status).toBe(0);
    expect(start.stdout).toMatch(/^Usage: npm start -- /);
    const serve = node(['electron/node-check.mjs', 'electron/host/main.ts', '--help']);
    expect(serve.status).toBe(0);
    expect(serve.stdout).toMatch(/^Usage: npm run serve -- /);
  });

  it('an unknown option is refused with a suggestion to use --help', () => {
    const serve = node(['electron/node-check.mjs', 'electron/host/main.ts', '--frobnicate']);
    expect(serve.status).toBe(1);
    expect(serve.stderr).toMatch(/Unknown option '--frobnicate'.* Try --help\./);
  });

  it('an older Node is told to use Node 24, in one sentence, instead of a loader error', () => {
    const old = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "Object.defineProperty(process.versions, 'node', { value: '22.11.0' }); process.argv = [process.argv[0], 'electron/node-check.mjs', 'electron/launch.ts']; await import('./electron/node-check.mjs');"],
      { cwd: root, encoding: 'utf8', env: { ...process.env, npm_lifecycle_event: 'start' } },
    );
    expect(old.status).toBe(1);
    expect(old.stderr.trim()).toBe('Privacy Desk needs Node 24: run `bash build/with-node24.sh npm start` (this is Node 22.11.0).');
  });
});

describe('stopping', () => {
  it('SIGTERM to the npm process stops the desk and unlocks its data folder', async () => {
    const data = tempDir('pd-stop-');
    dirs.push(data);
    const child = spawn(npm, ['run', 'serve', '--', '--data-dir', data.path, '--port', '0'], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    await new Promise<void>((ok, fail) => {
      const t = setTimeout(() => fail(new Error(`not ready: ${out}`)), 240_000);
      child.stdout.on('data', () => {
        if (out.includes('Privacy Desk is ready')) {
          clearTimeout(t);
          ok();
        }
      });
    });
    const lock = join(data.path, 'desk.lock');
    expect(existsSync(lock)).toBe(true);
    child.kill('SIGTERM'); // the npm process, as a service manager or `kill <npm pid>` would
    const deadline = Date.now() + 30_000;
    while (existsSync(lock) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(lock), 'the desk still holds its data folder').toBe(false);
  }, 300_000);
});
