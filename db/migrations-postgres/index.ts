// The shared desk's (PostgreSQL) migrations, listed statically like db/migrations/index.ts. Append only;
// names sort in the order they run. A change to the SQLite schema needs its PostgreSQL counterpart here
// (the schema test in test/integration/postgres/shared-desk.test.ts fails until it has one). Counterparts so far:
// 0001 = SQLite 0001–0019, 0002 = 0034, 0003 = 0020 + 0022, 0004 = 0030, 0005 = 0032, 0006 = 0033.
// 0039 and 0040 are PostgreSQL's own (the audit counter, change announcements; numbered in issue 17's reserved range so counterparts of
// other issues' migrations can take the numbers in between).
import type { Migration } from 'kysely/migration';
import * as p0001 from './0001_base.ts';
import * as p0002 from './0002_case_versions.ts';
import * as p0003 from './0003_bounced_holidays.ts';
import * as p0004 from './0004_report_facts.ts';
import * as p0005 from './0005_inquiries_complaints.ts';
import * as p0006 from './0006_reply_answers.ts';
import * as p0039 from './0039_audit_counter.ts';
import * as p0040 from './0040_change_notify.ts';

export const postgresMigrations: Record<string, Migration> = {
  '0001_base': p0001,
  '0002_case_versions': p0002,
  '0003_bounced_holidays': p0003,
  '0004_report_facts': p0004,
  '0005_inquiries_complaints': p0005,
  '0006_reply_answers': p0006,
  '0039_audit_counter': p0039,
  '0040_change_notify': p0040,
};
