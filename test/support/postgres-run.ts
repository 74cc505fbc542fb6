// The vitest run's PostgreSQL cluster as a test file reaches it: started by the first file that asks (whichever
// vitest worker runs it), found by every later one through the run's folder (postgres-global.ts), stopped
// by the run's teardown. Files that never call testPostgres never start one. (postgres-shared.ts does the work.)
import { inject } from 'vitest';
import type { PostgresAccess } from './postgres.ts';
import { clusterOfRun } from './postgres-shared.ts';

let mine: Promise<PostgresAccess> | null = null;

/** The run's cluster (started now if no file has asked before). */
export function testPostgres(): Promise<PostgresAccess> {
  mine ??= clusterOfRun(inject('postgresRun'));
  return mine;
}
