// Shared fixtures: throwaway data folders and desks set up through the same contract the UI uses.
import { mkdtempSync, rmSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openDeskRuntime, type DeskRuntime, type DeskRuntimeOptions } from '../../electron/core/runtime.ts';
import { ARTICLE_11_DESK, type Result } from '../../electron/contract/index.ts';

/** A cheaper scrypt for slots made in tests (a real desk uses N=2^17); the mechanism is the same. */
export const TEST_KDF = { N: 2 ** 12, r: 8, p: 1 };

export const SUPERVISOR = { username: 'sato', displayName: '佐藤 花子', password: 'correct horse battery' };

export const DESK = { ...ARTICLE_11_DESK };

export function tempDir(prefix = 'pd-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function openRuntime(dataDir: string, extra: Partial<DeskRuntimeOptions> = {}): Promise<DeskRuntime> {
  return openDeskRuntime({ dataDir, mode: 'browser', kdfCost: TEST_KDF, log: () => {}, ...extra });
}

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A desk set up and unlocked by its first supervisor; returns the recovery key too. */
export async function newDesk(dataDir: string, extra: Partial<DeskRuntimeOptions> = {}) {
  const rt = await openRuntime(dataDir, extra);
  const setup = value(await rt.call('desk.setup', { desk: DESK, supervisor: SUPERVISOR }));
  return { rt, recoveryKey: setup.recoveryKey };
}

/** Every file under a folder with the SHA-256 of its bytes: to show nothing was changed or deleted. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
