// The shared desk's (PostgreSQL) migrations, listed statically like db/migrations/index.ts. Append only;
// names sort in the order they run. A change to the SQLite schema needs its PostgreSQL counterpart here
// and a line in sqliteCounterparts below (test/integration/postgres/shared-desk.test.ts checks both: every
// SQLite migration is covered, and the two schemas have the same tables and columns). A PostgreSQL-only
// migration (the audit counter, change announcements) stands for no SQLite one: [].
import type { Migration } from 'kysely/migration';
import * as p0001 from './0001_base.ts';
import * as p0002 from './0002_case_versions.ts';
import * as p0003 from './0003_bounced_holidays.ts';
import * as p0004 from './0004_report_facts.ts';
import * as p0005 from './0005_inquiries_complaints.ts';
import * as p0006 from './0006_reply_answers.ts';
import * as p0007 from './0007_inbox_no_question.ts';
import * as p0008 from './0008_outbox_attachments.ts';
import * as p0009 from './0009_audit_counter.ts';
import * as p0010 from './0010_change_notify.ts';
import * as p0011 from './0011_notice_mail_facts.ts';
import * as p0012 from './0012_status_unchanged_codes.ts';
import * as p0013 from './0013_queue_member_order.ts';
import * as p0014 from './0014_open_overdue.ts';

export const postgresMigrations: Record<string, Migration> = {
  '0001_base': p0001,
  '0002_case_versions': p0002,
  '0003_bounced_holidays': p0003,
  '0004_report_facts': p0004,
  '0005_inquiries_complaints': p0005,
  '0006_reply_answers': p0006,
  '0007_inbox_no_question': p0007,
  '0008_outbox_attachments': p0008,
  '0009_audit_counter': p0009,
  '0010_change_notify': p0010,
  '0011_notice_mail_facts': p0011,
  '0012_status_unchanged_codes': p0012,
  '0013_queue_member_order': p0013,
  '0014_open_overdue': p0014,
};

/** The SQLite migrations (db/migrations/index.ts) each PostgreSQL migration stands for; each is covered once. */
export const sqliteCounterparts: Record<keyof typeof postgresMigrations, readonly string[]> = {
  '0001_base': ['0001_foundation', '0002_desk_calendar', '0003_cases', '0004_queue_indexes', '0005_mail', '0006_notice_delivery', '0008_frozen_deadlines',
    '0009_name_keys', '0010_stored_codes', '0012_inbox', '0014_signed_audit', '0016_reports_training_retention', '0018_search_bigrams', '0019_saved_views'],
  '0002_case_versions': ['0034_case_versions'],
  '0003_bounced_holidays': ['0020_outbox_bounced', '0022_imported_holidays'],
  '0004_report_facts': ['0030_report_facts'],
  '0005_inquiries_complaints': ['0032_inquiries_complaints'],
  '0006_reply_answers': ['0033_reply_answers'],
  '0007_inbox_no_question': ['0037_inbox_no_question'],
  '0008_outbox_attachments': ['0038_outbox_attachments'],
  '0009_audit_counter': [],
  '0010_change_notify': [],
  '0011_notice_mail_facts': ['0039_notice_mail_facts'],
  '0012_status_unchanged_codes': ['0040_status_unchanged_codes'],
  '0013_queue_member_order': ['0041_queue_member_order'],
  '0014_open_overdue': ['0042_open_overdue'],
};
