// vitest global setup: one temporary PostgreSQL cluster for the whole run (test/support/postgres.ts), handed
// to the test files through provide/inject and stopped (its folder removed) when the run ends.
import type { TestProject } from 'vitest/node';
import { startPostgres, type PostgresAccess, type PostgresCluster } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresAccess;
  }
}

let cluster: PostgresCluster | null = null;

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  cluster = await startPostgres();
  project.provide('postgres', { host: cluster.host, port: cluster.port, adminPassword: cluster.adminPassword, deskPassword: cluster.deskPassword });
  return teardown;
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = null;
}
