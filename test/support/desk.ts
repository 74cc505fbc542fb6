// Shared fixtures: throwaway data folders and desks set up through the same contract the UI uses.
import { mkdtempSync, rmSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openDeskRuntime, type DeskRuntime, type DeskRuntimeOptions } from '../../electron/core/runtime.ts';
import { ARTICLE_11_DESK, type Result } from '../../electron/contract/index.ts';
import { deskPaths, type DeskPaths, type SharedDeskServer } from '../../electron/core/storage/data-dir.ts';
import { parseDatabaseUrl } from '../../db/postgres.ts';
import { freshDatabase } from './postgres.ts';
import { testPostgres } from './postgres-run.ts';

/** A cheaper scrypt for slots made in tests (a real desk uses N=2^17); the mechanism is the same. */
export const TEST_KDF = { N: 2 ** 12, r: 8, p: 1 };

export const SUPERVISOR = { username: 'sato', displayName: '佐藤 花子', password: 'correct horse battery' };

export const DESK = { ...ARTICLE_11_DESK };

export function tempDir(prefix = 'pd-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Which database the integration suite runs its desks on: `PRIVACY_DESK_TEST_DATABASE=postgres` puts every
 * desk a test opens through openRuntime/newDesk in its own database on the run's PostgreSQL cluster
 * (test/support/postgres.ts); unset or `sqlite`, in the data folder's encrypted SQLite file.
 */
export const TEST_DATABASE: 'sqlite' | 'postgres' = process.env.PRIVACY_DESK_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

const serverOfDir = new Map<string, SharedDeskServer>();

/** The shared-desk server of a test's data folder (one database per folder, made at first use). */
export async function testServerFor(dataDir: string): Promise<SharedDeskServer> {
  let server = serverOfDir.get(dataDir);
  if (!server) {
    const db = await freshDatabase(await testPostgres());
    server = { target: parseDatabaseUrl(db.url), password: db.password };
    serverOfDir.set(dataDir, server);
  }
  return server;
}

export async function openRuntime(dataDir: string, extra: Partial<DeskRuntimeOptions> = {}): Promise<DeskRuntime> {
  const server = TEST_DATABASE === 'postgres' && !extra.server ? await testServerFor(dataDir) : extra.server;
  return openDeskRuntime({ dataDir, mode: 'browser', kdfCost: TEST_KDF, log: () => {}, ...extra, ...(server ? { server } : {}) });
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

/** The desk's paths as the runtime sees them: with its shared-desk server when the suite runs on PostgreSQL. */
export async function testDeskPaths(dataDir: string): Promise<DeskPaths> {
  return deskPaths(dataDir, TEST_DATABASE === 'postgres' ? await testServerFor(dataDir) : undefined);
}

/** The shared-desk server a test's data folder was given, if the suite runs on PostgreSQL and it has one. */
export function knownTestServer(dataDir: string): SharedDeskServer | undefined {
  return serverOfDir.get(dataDir);
}
