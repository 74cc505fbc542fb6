// Every migration, listed statically (no folder scanning: the packaged app has no folder to scan).
// Append only; names sort in the order they run.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
