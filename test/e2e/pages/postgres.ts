// The e2e run's PostgreSQL cluster (started by the first spec that asks; postgres-global.ts stops it).
import { clusterOfRun } from '../../support/postgres-shared.ts';
import type { PostgresAccess } from '../../support/postgres.ts';
import { RUN_FOLDER_ENV } from '../postgres-global.ts';

export function e2ePostgres(): Promise<PostgresAccess> {
  const dir = process.env[RUN_FOLDER_ENV];
  if (!dir) throw new Error(`${RUN_FOLDER_ENV} is not set: run the specs with -c test/e2e/playwright.config.ts (its globalSetup makes the run's folder)`);
  return clusterOfRun(dir);
}
