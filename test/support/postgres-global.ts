// vitest global setup for the run's PostgreSQL cluster (test/support/postgres-shared.ts). Starting a cluster
// costs seconds of initdb, and most test files never talk to PostgreSQL (nor need it installed): so this only
// makes the run's rendezvous folder. The first test file that asks for the cluster (testPostgres in
// postgres-run.ts) starts it there for the whole run; the teardown stops it if it was started.
import type { TestProject } from 'vitest/node';
import { closeRunFolder, openRunFolder } from './postgres-shared.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder where the run's cluster is started once and found by every test file that needs it. */
    postgresRun: string;
  }
}

let runDir: string | null = null;

export function setup(project: TestProject): () => Promise<void> {
  runDir = openRunFolder();
  project.provide('postgresRun', runDir);
  return teardown;
}

export async function teardown(): Promise<void> {
  if (!runDir) return;
  const dir = runDir;
  runDir = null;
  await closeRunFolder(dir);
}
