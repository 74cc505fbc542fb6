// Table types for kysely: one interface per table, as the tables stand after the newest migration.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
// The status, type and kind columns take the contract's vocabularies: a value outside them does not compile.
import type { CaseStatus, ContactType, DeliveryPreference, DisclosureGround, FeeMethod, IdentityDocument, IntakeChannel, NoticeKind, Outcome, ReplyTemplate, RequesterKind, TimelineEventKind } from '../electron/contract/index.ts';
import type { Json, JsonColumn } from './json.ts';

export interface AccountsTable {
  username: string;
  display_name: string;
  role: 'agent' | 'supervisor';
  /** The key slot this account may unlock with; a slot from an old copy of the slot file is refused. */
  slot_id: string | null;
  disabled: ColumnType<number, number | undefined, number>;
  must_change_password: ColumnType<number, number | undefined, number>;
  created_at: string;
  last_login_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
  updated_at: string;
  updated_by: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string; // JSON: before/after for changes
  prev_hash: string;
  hash: string;
  /** SHA-256 of detail; NULL only on rows written before migration 0014. detail is '' once redacted. */
  detail_hash: string | null;
  /** The acting person's user name or '@system'; NULL on rows before 0014. */
  signer: string | null;
  signature: string | null;
  /** On rows that introduce a signing key: that public key (SPKI DER, base64). */
  public_key: string | null;
}

export interface AuditKeysTable {
  principal: '@system';
  public_key: string;
  private_key: string; // PKCS#8 DER, base64: inside the encrypted file only
  created_at: string;
}

export interface DeskDaysTable {
  date: string;
  kind: 'closed' | 'open';
  reason: string;
  reason_en: string;
  created_by: string;
  created_at: string;
}

export interface CasesTable {
  id: Generated<number>;
  reference: string;
  type: 'disclosure' | 'correction' | 'suspension' | 'inquiry' | 'complaint';
  /** What the member asks for (the type's sub-kinds). */
  kinds: JsonColumn<string[]>;
  status: CaseStatus;
  paused_from: CaseStatus | null;
  channel: IntakeChannel;
  arrived_at: string;
  days: number;
  day_zero: string;
  due_date: string;
  due_provisional: number;
  paused: number;
  legal_mark: string;
  requester_kind: RequesterKind;
  requester_name: string;
  requester_postal_code: ColumnType<string, string | undefined, string>;
  requester_address: ColumnType<string, string | undefined, string>;
  requester_email: ColumnType<string, string | undefined, string>;
  requester_phone: ColumnType<string, string | undefined, string>;
  member_name: string;
  /** normalize.ts nameKey(member_name): what duplicate detection compares (migration 0009). */
  member_name_key: ColumnType<string, string | undefined, string>;
  member_kana: string;
  member_email: string;
  member_postal_code: string;
  member_address: string;
  member_id: string;
  request_text: string;
  delivery: DeliveryPreference | null;
  assignee: string | null;
  outcome: Outcome | null;
  grounds: ColumnType<Json<DisclosureGround[]>, Json<DisclosureGround[]> | undefined, Json<DisclosureGround[]>>;
  reasoning: ColumnType<string, string | undefined, string>;
  alternative_measure: ColumnType<string, string | undefined, string>;
  decided_by: string | null;
  decided_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  closure_ground: string | null;
  closure_reason: ColumnType<string, string | undefined, string>;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** 1 for a test/training case (migration 0016): never in reports, never mailed. */
  training: ColumnType<number, number | undefined, number>;
  /** 1 while a legal hold keeps the retention purge away. */
  legal_hold: ColumnType<number, number | undefined, number>;
  /** When the retention purge removed the personal data. */
  purged_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Raised by every change (migration 0034): a change made from an older version is refused (CASE_CHANGED). */
  version: ColumnType<number, number | undefined, number>;
  /** Who made the last change the version counts (null before 0034 or for automatic changes). */
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the first final notice (decision, rejection, withdrawal) was recorded: kept by a trigger on notices (migration 0030). */
  answered_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** A complaint's request, or a request's inquiry (migration 0032). */
  related_case_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The type an inquiry had before it was converted into a request. */
  converted_from: ColumnType<ContactType | null, ContactType | null | undefined, ContactType | null>;
  /** An inquiry's or complaint's answer: the template it started from and its bilingual text. */
  reply_template: ColumnType<ReplyTemplate | null, ReplyTemplate | null | undefined, ReplyTemplate | null>;
  reply_ja: ColumnType<string, string | undefined, string>;
  reply_en: ColumnType<string, string | undefined, string>;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  at: string;
  actor: string | null;
  kind: TimelineEventKind;
  data: JsonColumn<Record<string, unknown>>;
}

export interface IdentityChecksTable {
  id: Generated<number>;
  case_id: number;
  verified: number;
  documents: JsonColumn<IdentityDocument[]>;
  note: string;
  checked_by: string;
  checked_at: string;
}

export interface FeeEntriesTable {
  id: Generated<number>;
  case_id: number;
  kind: 'payment' | 'refund';
  method: FeeMethod;
  amount: number;
  received_on: string;
  note: string;
  recorded_by: string;
  recorded_at: string;
}

export interface CaseNotesTable {
  id: Generated<number>;
  case_id: number;
  text: string;
  by: string;
  at: string;
}

export interface NoticesTable {
  id: Generated<number>;
  case_id: number;
  kind: NoticeKind;
  channel: 'mail' | 'letter';
  /** 1: a second delivery of a notice already recorded, chosen by a person (a copy). */
  copy: ColumnType<number, number | undefined, number>;
  note: string;
  /** The outbox message that delivered it, for a notice sent by email (its address, Message-ID, resend flag). */
  outbox_id: ColumnType<number | null, number | null | undefined, number | null>;
  recorded_by: string;
  recorded_at: string;
}

export interface CaseSearchTable {
  rowid: number;
  body: string;
}

export interface OutboxTable {
  id: Generated<number>;
  case_id: number;
  notice_kind: NoticeKind;
  /** <uuid@privacy-desk.local>, set when the message is drafted and kept through every resend. */
  message_id: string;
  to_address: string;
  subject: string;
  body_text: string;
  state: 'draft' | 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'cancelled';
  attempts: ColumnType<number, number | undefined, number>;
  /** Tries in which the mail server was reached: the retry limit counts these. */
  server_attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: string | null;
  last_error: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
  queued_by: string | null;
  queued_at: string | null;
  sent_at: string | null;
  /** A code (delivered_by_letter, superseded, case_closed, by_staff, …), never a sentence. */
  cancel_reason: string | null;
  cancelled_by: ColumnType<string | null, string | null | undefined, string | null>;
  cancel_note: ColumnType<string, string | undefined, string>;
  possibly_duplicated: ColumnType<number, number | undefined, number>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MailSettingsTable {
  id: number;
  host: string;
  port: number;
  tls: 'none' | 'starttls' | 'tls';
  username: string;
  password: string;
  updated_at: string;
  updated_by: string | null;
}

/** Incoming mail (0012_inbox): see electron/core/inbox/README.md. */
export interface InboxMessagesTable {
  id: Generated<number>;
  message_id: string | null;
  content_hash: string;
  raw: Buffer;
  size: number;
  source: 'imap' | 'file';
  imap_mailbox: string | null;
  imap_uidvalidity: string | null;
  imap_uid: number | null;
  arrived_at: string;
  arrival_source: 'received' | 'internaldate' | 'date' | 'imported';
  date_header: string | null;
  from_address: string;
  from_name: string;
  subject: string;
  recipient_count: number;
  body_text: string;
  in_reply_to: string | null;
  references: string; // JSON array
  parse_state: 'ok' | 'unreadable';
  kind: 'mail' | 'auto_reply' | 'bounce';
  status: 'inbox' | 'attached' | 'dismissed';
  case_id: number | null;
  attached_by_rule: 'reference' | 'message_id' | 'staff' | 'created' | null;
  dismiss_reason: 'spam' | 'other' | null;
  oversize: ColumnType<number, number | undefined, number>;
  after_close: ColumnType<number, number | undefined, number>;
  handled_by: string | null;
  handled_at: string | null;
  stored_at: string;
}

export interface InboxAttachmentsTable {
  id: Generated<number>;
  message_id: number;
  position: number;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
}

export interface MailboxSettingsTable {
  id: number;
  host: string;
  port: number;
  tls: 'none' | 'starttls' | 'tls';
  username: string;
  password: string;
  folder: string;
  after_fetch: 'move' | 'seen';
  move_to: string;
  max_message_bytes: number;
  updated_at: string;
  updated_by: string | null;
}

export interface MailboxStateTable {
  mailbox: string;
  uidvalidity: string;
  last_uid: number;
  updated_at: string;
}

export interface OutboxBouncesTable {
  id: Generated<number>;
  outbox_id: number;
  inbox_message_id: number;
  status: string;
  diagnostic: string;
  at: string;
}

/** A file sent with one outbox message (migration 0038): copied when the message is drafted. */
export interface OutboxAttachmentsTable {
  id: Generated<number>;
  outbox_id: number;
  position: number;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
}

/** A document the desk keeps to send with its mail (migration 0038): the request form PDF. */
export interface DeskDocumentsTable {
  name: 'request_form_pdf';
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  stored_by: string;
  stored_at: string;
}

export interface DB {
  accounts: AccountsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  audit_keys: AuditKeysTable;
  desk_days: DeskDaysTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  identity_checks: IdentityChecksTable;
  fee_entries: FeeEntriesTable;
  case_notes: CaseNotesTable;
  notices: NoticesTable;
  case_search: CaseSearchTable;
  outbox: OutboxTable;
  outbox_attachments: OutboxAttachmentsTable;
  desk_documents: DeskDocumentsTable;
  mail_settings: MailSettingsTable;
  inbox_messages: InboxMessagesTable;
  inbox_attachments: InboxAttachmentsTable;
  mailbox_settings: MailboxSettingsTable;
  mailbox_state: MailboxStateTable;
  outbox_bounces: OutboxBouncesTable;
  saved_views: SavedViewsTable;
  case_search_bigram: { rowid: number; terms: string };
  /** A shared desk's key-slot file (PostgreSQL only: a local desk keeps keyslots.json beside its file). */
  desk_key_slots: { id: number; body: string; updated_at: string };
  imported_holidays: ImportedHolidaysTable;
}

/** A national holiday from the Cabinet Office's list (migration 0022). */
export interface ImportedHolidaysTable {
  date: string;
  year: number;
  name: string;
  imported_by: string;
  imported_at: string;
}

/** A queue view someone saved (migration 0019). */
export interface SavedViewsTable {
  id: Generated<number>;
  owner: string;
  name: string;
  /** The queue's address query, e.g. view=overdue&type=disclosure. */
  params: string;
  shared: ColumnType<number, number | undefined, number>;
  created_at: string;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type OutboxRow = Selectable<OutboxTable>;

export type InboxMessageRow = Selectable<InboxMessagesTable>;
