// The shared desk's (PostgreSQL) migrations, listed statically like db/migrations/index.ts. Append only;
// names sort in the order they run. A change to the SQLite schema needs its PostgreSQL counterpart here
// (test/integration/postgres/schema-parity.test.ts fails until it has one).
import type { Migration } from 'kysely/migration';
import * as p0001 from './0001_base.ts';
import * as p0002 from './0002_case_versions.ts';
import * as p0003 from './0003_bounced_holidays.ts';

export const postgresMigrations: Record<string, Migration> = {
  '0001_base': p0001,
  '0002_case_versions': p0002,
  '0003_bounced_holidays': p0003,
};
