// Each test gets its own browser-mode host on a fresh, empty data folder: a desk that has never been
// set up. The host prints "Privacy Desk is ready at http://127.0.0.1:PORT/#token=…"; the first http
// URL it prints is the launch link.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const READY_TIMEOUT_MS = 30_000;

export interface DeskHost {
  /** The launch link, token included. */
  url: string;
  dataDir: string;
  /** Everything the host printed so far, for failure messages. */
  output: () => string;
  /** Stops the host early (it is stopped after the test anyway). */
  stop: () => Promise<void>;
}

async function startHost(dataDir: string): Promise<{ host: DeskHost; child: ChildProcess }> {
  const child = spawn(process.execPath, ['electron/host/main.ts', '--data-dir', dataDir, '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const output = () => out;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The desk host printed no URL within ${READY_TIMEOUT_MS / 1000} s:\n${out}`)), READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /https?:\/\/\S+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => void (out += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The desk host exited (code ${code}) before it was ready:\n${out}`));
    });
  });
  return { host: { url, dataDir, output, stop: () => stopHost(child) }, child };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // The host locks the desk and closes the database on SIGTERM; only a stuck one is killed hard.
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Takes the page off a desk host that is about to stop (see the desk fixture). */
export async function leaveDesk(page: Page): Promise<void> {
  if (!page.isClosed()) await page.goto('about:blank').catch(() => undefined);
}

export const test = base.extend<{ desk: DeskHost; pageErrors: string[] }>({
  // Every test also fails on an uncaught error or a console error in the page: that is where CSP
  // violations and React warnings show up.
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
      });
      await use(errors);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  desk: async ({ page }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'privacy-desk-e2e-'));
    const { host, child } = await startHost(dataDir);
    try {
      await use(host);
    } finally {
      // The page leaves the desk before the desk stops, as a person closes the tab: Chromium asks for the
      // favicon again at every change of address, and on a loaded machine such a request can still be
      // waiting when the host stops — its empty answer would be logged as an error in the page.
      await leaveDesk(page);
      await stopHost(child);
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
