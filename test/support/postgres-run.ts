// The run's PostgreSQL cluster as a test file reaches it: started by the first file that asks (whichever
// vitest worker runs it), found by every later one through the run's folder (postgres-global.ts), stopped
// by the run's teardown. Files that never call testPostgres never start one.
import { mkdirSync, readFileSync, renameSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { CLUSTER_FILE, startPostgres, type PostgresAccess, type RunCluster } from './postgres.ts';

const STARTING = 'starting';
const FAILED = 'failed.txt';

let mine: Promise<PostgresAccess> | null = null;

/** The run's cluster (started now if no file has asked before). */
export function testPostgres(): Promise<PostgresAccess> {
  mine ??= clusterOfRun(inject('postgresRun'));
  return mine;
}

async function clusterOfRun(dir: string): Promise<PostgresAccess> {
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
