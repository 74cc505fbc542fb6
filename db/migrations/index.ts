// Every migration, listed statically (no folder scanning: the packaged app has no folder to scan).
// Append only; names sort in the order they run.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_desk_calendar.ts';
import * as m0003 from './0003_cases.ts';
import * as m0004 from './0004_queue_indexes.ts';
import * as m0005 from './0005_mail.ts';
import * as m0006 from './0006_notice_delivery.ts';
import * as m0008 from './0008_frozen_deadlines.ts';
import * as m0009 from './0009_name_keys.ts';
import * as m0010 from './0010_stored_codes.ts';
import * as m0012 from './0012_inbox.ts';
import * as m0014 from './0014_signed_audit.ts';
import * as m0016 from './0016_reports_training_retention.ts';
import * as m0018 from './0018_search_bigrams.ts';
import * as m0019 from './0019_saved_views.ts';
import * as m0020 from './0020_outbox_bounced.ts';
import * as m0022 from './0022_imported_holidays.ts';
import * as m0030 from './0030_report_facts.ts';
import * as m0032 from './0032_inquiries_complaints.ts';
import * as m0033 from './0033_reply_answers.ts';
import * as m0034 from './0034_case_versions.ts';
import * as m0037 from './0037_inbox_no_question.ts';
import * as m0038 from './0038_outbox_attachments.ts';
import * as m0039 from './0039_notice_mail_facts.ts';
import * as m0040 from './0040_status_unchanged_codes.ts';
import * as m0041 from './0041_queue_member_order.ts';
import * as m0042 from './0042_open_overdue.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_desk_calendar': m0002,
  '0003_cases': m0003,
  '0004_queue_indexes': m0004,
  '0005_mail': m0005,
  '0006_notice_delivery': m0006,
  '0008_frozen_deadlines': m0008,
  '0009_name_keys': m0009,
  '0010_stored_codes': m0010,
  '0012_inbox': m0012,
  '0014_signed_audit': m0014,
  '0016_reports_training_retention': m0016,
  '0018_search_bigrams': m0018,
  '0019_saved_views': m0019,
  '0020_outbox_bounced': m0020,
  '0022_imported_holidays': m0022,
  '0030_report_facts': m0030,
  '0032_inquiries_complaints': m0032,
  '0033_reply_answers': m0033,
  '0034_case_versions': m0034,
  '0037_inbox_no_question': m0037,
  '0038_outbox_attachments': m0038,
  '0039_notice_mail_facts': m0039,
  '0040_status_unchanged_codes': m0040,
  '0041_queue_member_order': m0041,
  '0042_open_overdue': m0042,
};
