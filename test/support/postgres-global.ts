// vitest global setup for the run's PostgreSQL cluster (test/support/postgres.ts). Starting a cluster costs
// seconds of initdb, and most test files never talk to PostgreSQL (nor need it installed): so this only
// makes the run's rendezvous folder. The first test file that asks for the cluster (testPostgres in
// postgres-run.ts) starts it there for the whole run; the teardown stops it if it was started.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CLUSTER_FILE, stopClusterAt, type RunCluster } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder where the run's cluster is started once and found by every test file that needs it. */
    postgresRun: string;
  }
}

let runDir: string | null = null;

export function setup(project: TestProject): () => Promise<void> {
  runDir = mkdtempSync(join(tmpdir(), 'pd-pgrun-'));
  project.provide('postgresRun', runDir);
  return teardown;
}

export async function teardown(): Promise<void> {
  if (!runDir) return;
  const file = join(runDir, CLUSTER_FILE);
  if (existsSync(file)) {
    const cluster = JSON.parse(readFileSync(file, 'utf8')) as RunCluster;
    await stopClusterAt(cluster.root);
  }
  rmSync(runDir, { recursive: true, force: true });
  runDir = null;
}
