// More desk hosts for one test (fixtures.ts starts one per test): e.g. a fresh, empty data folder to
// restore a backup into. Each is a browser-mode host on its own temporary folder and port; stop() ends
// it (the desk locks and closes on SIGTERM) and deletes the folder.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const READY_TIMEOUT_MS = 30_000;

export interface ExtraHost {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `args`/`env`: more for the host, e.g. a shared desk's `--database-url` and its PRIVACY_DESK_DATABASE_PASSWORD. */
export async function startExtraHost(options: { args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<ExtraHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'privacy-desk-e2e-extra-'));
  const child = spawn(process.execPath, ['electron/host/main.ts', '--data-dir', dataDir, '--port', '0', ...(options.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'test', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The second desk host printed no URL within ${READY_TIMEOUT_MS / 1000} s:\n${out}`)), READY_TIMEOUT_MS);
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /https?:\/\/\S+/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => void (out += chunk.toString('utf8')));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The second desk host exited (code ${code}) before it was ready:\n${out}`));
      });
    });
    return { url, dataDir, output: () => out, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
