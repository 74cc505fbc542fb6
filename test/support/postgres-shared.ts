// One throwaway PostgreSQL cluster shared by a whole test run (vitest's or Playwright's): initdb costs seconds,
// so the run starts at most one. The runner's global setup makes a rendezvous folder (openRunFolder); the
// first test file that asks (clusterOfRun) starts the cluster there — whichever worker runs it — and every
// later file finds it through the folder; the global teardown stops it if it was started (closeRunFolder).
// Runs that never ask never start one (nor need PostgreSQL installed). Each test still gets a database of its
// own (freshDatabase in postgres.ts).
import { mkdirSync, mkdtempSync, readFileSync, renameSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLUSTER_FILE, startPostgres, stopClusterAt, type PostgresAccess, type RunCluster } from './postgres.ts';

const STARTING = 'starting';
const FAILED = 'failed.txt';

/** A new rendezvous folder for one run. */
export function openRunFolder(): string {
  return mkdtempSync(join(tmpdir(), 'pd-pgrun-'));
}

/** Stops the run's cluster if a test file started one, then removes the folder. */
export async function closeRunFolder(dir: string): Promise<void> {
  const file = join(dir, CLUSTER_FILE);
  if (existsSync(file)) {
    const cluster = JSON.parse(readFileSync(file, 'utf8')) as RunCluster;
    await stopClusterAt(cluster.root);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** The run's cluster in `dir`: started now if no file has asked before, else the one already (being) started. */
export async function clusterOfRun(dir: string): Promise<PostgresAccess> {
  const file = join(dir, CLUSTER_FILE);
  try {
    mkdirSync(join(dir, STARTING)); // atomic: exactly one worker becomes the starter
  } catch {
    return waitForStarter(dir, file);
  }
  try {
    const c = await startPostgres({ outliveCaller: true });
    const found: RunCluster = { host: c.host, port: c.port, adminPassword: c.adminPassword, deskPassword: c.deskPassword, root: c.root };
    writeFileSync(`${file}.tmp`, JSON.stringify(found), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    return found;
  } catch (e) {
    writeFileSync(join(dir, FAILED), (e as Error).message);
    throw e;
  }
}

async function waitForStarter(dir: string, file: string): Promise<PostgresAccess> {
  // Generous: initdb on a loaded machine. Not a timed assertion: it only bounds a hang.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as RunCluster;
    if (existsSync(join(dir, FAILED))) throw new Error(`the run's PostgreSQL cluster did not start: ${readFileSync(join(dir, FAILED), 'utf8')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the run's PostgreSQL cluster did not start within 180 s");
}
