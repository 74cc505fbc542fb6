// Everything the desk can say to a person, as data: a code and its parameters. The core never writes a
// sentence for staff; the renderer words each code from its ja/en catalogs (renderer/src/i18n/*-codes.ts)
// and the CLI from its English table (electron/cli/english.ts). A code missing from either fails tsc.
//
// To add one: add a member to the right union below (parameters are facts — statuses, names, numbers,
// dates — never words), give it its error category in `codeCategory` if it is thrown, then word it in
// renderer/src/i18n/ja-codes.ts, en-codes.ts and electron/cli/english.ts (tsc lists what is missing).
import type { CaseChangedConflict, SharedDeskProblem } from './shared-desk.ts';
import type { CaseAction, CaseStatus, CaseType, NoticeChannel, NoticeKind, RequestType } from './case-vocabulary.ts';
import type { ErrorCode } from './errors.ts';
import type { AuditProblem } from './audit.ts';
import type { HolidayFileProblem, HolidaysOutdated } from './holidays.ts';
import { keysOf } from './records.ts';

/** What a deadline rule refused (core/calendar): the rule's own code, with the date it concerns. */
export type CalendarProblem =
  | 'INVALID_DATE' // not a real YYYY-MM-DD date
  | 'INVALID_INSTANT' // not an ISO 8601 date-time
  | 'MISSING_OFFSET' // a date-time without Z or ±HH:MM: ambiguous on a PC in another time zone
  | 'OUT_OF_RANGE' // outside the supported years
  | 'INVALID_DAYS' // N is not a non-negative integer
  | 'INVALID_RULES' // desk calendar rules malformed or contradictory
  | 'INVALID_HISTORY' // a stored deadline history that cannot have been recorded through validation
  | 'REASON_REQUIRED'
  | 'BACKDATED'
  | 'FUTURE_DATED'
  | 'OUT_OF_ORDER' // an event earlier than the arrival or the previous event
  | 'RESUME_BEFORE_PAUSE'
  | 'ALREADY_PAUSED'
  | 'NOT_PAUSED'
  | 'EXTENSION_NOT_LATER'
  | 'EXTENSION_ON_CLOSED_DAY';

export type OutboxStateCode = 'draft' | 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'cancelled';

/** Why a notice cannot be sent (or recorded) from the case's status. One owner: core/cases/notice-rules.ts. */
export type SendRefusal =
  | { code: 'NEEDS_APPROVAL' }
  | { code: 'CASE_CLOSED_NO_SEND' }
  | { code: 'DECISION_SUPERSEDED' }
  | { code: 'NOTICE_DOES_NOT_ANSWER'; kind: NoticeKind; needs: CaseStatus; status: CaseStatus }
  /** An acknowledgement still unsent once the request is decided would arrive after the answer (issue 10). */
  | { code: 'ACKNOWLEDGEMENT_AFTER_DECISION' };

/** Why a backup could not be written or read. `folder` is a path the supervisor chose, never data. */
export type BackupFailure =
  | { code: 'BACKUP_FOLDER_NOT_SET' }
  | { code: 'BACKUP_FOLDER_MISSING'; folder: string }
  | { code: 'BACKUP_FOLDER_VANISHED'; folder: string }
  | { code: 'DISK_FULL'; folder: string }
  | { code: 'FOLDER_NOT_WRITABLE'; folder: string }
  | { code: 'FOLDER_CHANGED'; folder: string }
  | { code: 'FOLDER_IO_ERROR'; folder: string }
  | { code: 'BACKUP_SOURCE_DAMAGED' }
  | { code: 'TOO_MANY_BACKUPS_THIS_SECOND'; folder: string }
  | { code: 'ACCOUNTS_KEPT_CHANGING' }
  | { code: 'BACKUP_FAILED'; folder: string; system: string }
  /** A failure recorded by an older version, whose words were not kept. */
  | { code: 'BACKUP_FAILED_EARLIER' };

/** Why a backup cannot be restored. */
export type RestoreProblem =
  | { code: 'NO_BACKUP_AT'; path: string }
  | { code: 'NOT_A_BACKUP_FOLDER'; path: string }
  | { code: 'MANIFEST_MISSING'; path: string }
  | { code: 'MANIFEST_DAMAGED' }
  | { code: 'BACKUP_FILE_MISSING'; file: string }
  | { code: 'BACKUP_FILE_TRUNCATED'; file: string; bytes: number; expected: number }
  | { code: 'BACKUP_FILE_ALTERED'; file: string; bytes: number; expected: number }
  | { code: 'BACKUP_FILE_CHECKSUM'; file: string }
  | { code: 'BACKUP_TOO_NEW'; unknown: string[] }
  | { code: 'BACKUP_SLOTS_OTHER_DESK' }
  | { code: 'BACKUP_NO_RECOVERY_SLOT' }
  | { code: 'BACKUP_PASSWORD_WRONG' }
  | { code: 'BACKUP_RECOVERY_KEY_WRONG' }
  | { code: 'BACKUP_DOES_NOT_OPEN' }
  | { code: 'BACKUP_MANIFEST_ALTERED'; manifestField: string }
  | { code: 'PASSWORD_WEAK'; weakness: 'tooShort' | 'common' | 'repeated' | 'guessable' | 'personal' }
  | { code: 'BACKUP_INTEGRITY'; details: string[] }
  | { code: 'RESTORE_WOULD_OVERWRITE'; dataDir?: string };

/** What went wrong talking to the mail server. `response` is the server's own words (capped). */
export type MailFailure =
  | { code: 'SMTP_AUTH'; response: string }
  | { code: 'SMTP_REJECTED'; response: string; responseCode: number | null }
  | { code: 'SMTP_LATER'; response: string; responseCode: number | null }
  | { code: 'SMTP_UNREACHABLE'; server: string; cause: 'refused' | 'not_found' | 'lookup_failed' | 'no_network' | 'no_route' | 'server_down' | 'no_address' | 'reset' | 'no_answer' | 'no_connection' }
  | { code: 'SMTP_TIMEOUT'; server: string; phase: 'greeting' | 'response' }
  | { code: 'SMTP_TLS'; server: string; detail: string }
  | { code: 'SMTP_CONNECTION'; server: string; detail: string }
  | { code: 'SMTP_HANDOVER'; system: string }
  | { code: 'MAIL_NOT_CONFIGURED' }
  | { code: 'MAIL_GAVE_UP'; after: number; last: MailFailureBase }
  | { code: 'MAIL_RECIPIENT_INVALID' }
  | { code: 'MAIL_HEADER_LINE_BREAK'; what: 'recipient' | 'subject' | 'Message-ID' | 'sender address' }
  | { code: 'MAIL_SENDER_ADDRESS_INVALID'; address: string }
  | { code: 'MAIL_NO_MESSAGE_ID' }
  /** The member's mail server sent the notice back (a delivery report): its status and own words. */
  | { code: 'MAIL_BOUNCED'; status: string; diagnostic: string }
  /** A failure recorded by an older version, whose words were not kept (migration 0010). */
  | { code: 'MAIL_FAILED_EARLIER' };
type MailFailureBase = Exclude<MailFailure, { code: 'MAIL_GAVE_UP' }>;

/** Why an unsent mail was cancelled: stored on the outbox row as JSON (migration 0010 converted old rows). */
export type DraftCancelled = {
  code: 'DRAFT_CANCELLED';
  reason: 'case_closed' | 'superseded' | 'decision_returned' | 'withdrawn' | 'rejected' | 'delivered_by_letter' | 'by_staff';
  /** Who cancelled it: the person who cancelled it, or whose action settled it (printed the letter,
   * closed the case, approved the rejection …). Absent on rows from before issue 10. */
  by?: string;
  /** What the person typed when they cancelled it (their own words, not the desk's). */
  note?: string;
};

/** Why the desk recomputed a case's due date (stored in its `due_recomputed` timeline event). */
export type DueRecomputedWhy =
  | { cause: 'business_hours' }
  | { cause: 'desk_day'; date: string; kind: 'closed' | 'open' | 'removed' }
  /** The Cabinet Office's holiday list was imported for these years (issue 11). */
  | { cause: 'holidays_imported'; years: number[] };

/** The case file's warnings. */
export type CaseWarning =
  | { code: 'STALE_CERTIFICATE'; issuedAfter: string; documents: string[] }
  | { code: 'FEE_SHORT'; amount: number }
  | { code: 'FEE_EXCESS'; amount: number }
  | { code: 'LEGAL_MARK_NEAR'; date: string }
  | { code: 'LEGAL_MARK_PASSED'; date: string }
  | { code: 'PROVISIONAL_DUE'; checkAfterYear: number };

/** What a person should notice about a case, at intake and in its header (core/cases/flags.ts). */
export type CaseFlag =
  /** The request did not say which sub-kind is asked; the decision will need it. */
  | { code: 'KINDS_NOT_KNOWN'; type: RequestType }
  /** The due date falls after the Art. 39 two-week mark (arrival + 14 calendar days). */
  | { code: 'DUE_AFTER_LEGAL_MARK'; due: string; mark: string }
  /** Issue 19: an inquiry or complaint taken in without an email or postal address: no reply can be sent. */
  | { code: 'NO_CONTACT' };

/**
 * Why a notice sent by email left its case as it was (the timeline's `statusUnchanged`): the case had moved
 * on while the email was on its way, and recording the notice was refused with this reason. An event an
 * older version stored with an English sentence there that migration 0040 could not read back holds
 * STATUS_UNCHANGED_EARLIER.
 */
export type StatusUnchanged = Reason | { code: 'STATUS_UNCHANGED_EARLIER' };

/** A warning about one row of an import file (the row is imported unless told to skip it). */
export type ImportWarning = { code: 'DUPLICATE_OF_OPEN_CASE'; reference: string };

/** Refusals and errors: the reason of every DeskErrorData, and of each refused case in a bulk action. */
export type Reason =
  // the gate and the session
  | { code: 'INVALID_INPUT' }
  // case rules (issue 11): a decision records what the member asks for
  | { code: 'KINDS_REQUIRED'; type: RequestType }
  | { code: 'KIND_NOT_ASKED'; kind: string; type: RequestType }
  | { code: 'UNKNOWN_METHOD'; method: string }
  | { code: 'SUPERVISOR_ONLY' }
  | { code: 'FORBIDDEN' }
  | { code: 'LOCKED' }
  | { code: 'DESK_CLOSED' }
  | { code: 'PASSWORD_CHANGE_REQUIRED' }
  | { code: 'INTERNAL' }
  | { code: 'DATABASE_DAMAGED' }
  /** A value stored as JSON (a setting, a timeline event's facts) does not read as JSON: `column` is table.column, never the value. */
  | { code: 'STORED_VALUE_UNREADABLE'; column: string }
  // the transports (Electron IPC, the browser host, the renderer's own client)
  | { code: 'FOREIGN_SENDER' }
  | { code: 'NO_ANSWER' }
  | { code: 'UNREACHABLE' }
  | { code: 'NO_TOKEN' }
  | { code: 'BAD_ANSWER'; status: number }
  | { code: 'BAD_TOKEN' }
  | { code: 'FOREIGN_HOST' }
  | { code: 'CROSS_ORIGIN' }
  | { code: 'POST_ONLY' }
  | { code: 'JSON_ONLY' }
  | { code: 'REQUEST_TOO_LARGE'; megabytes: number }
  | { code: 'REQUEST_NOT_JSON' }
  | { code: 'PRINT_FAILED' }
  | { code: 'PDF_FAILED' }
  // the data folder and the vault
  | { code: 'NOT_SET_UP' }
  | { code: 'ALREADY_SET_UP' }
  | { code: 'DESK_INCOMPLETE'; missing: string }
  | { code: 'DATABASE_KEY_MISMATCH'; path: string }
  | { code: 'DATABASE_UNREADABLE'; path: string; detail: string }
  | { code: 'DESK_TOO_NEW'; migrations: string[] }
  | { code: 'KEYSLOTS_MISSING'; path: string }
  | { code: 'KEYSLOTS_DAMAGED'; path: string }
  | { code: 'NO_RECOVERY_SLOT' }
  | { code: 'DATA_DIR_UNUSABLE'; path: string; cause: 'not_writable' | 'in_the_way' | 'disk_full' | 'other'; system?: string }
  | { code: 'DATA_DIR_BUSY'; path: string; pid?: number; host?: string; since?: string }
  // the shared desk on a PostgreSQL server (shared-desk.ts)
  | SharedDeskProblem
  | CaseChangedConflict
  // log-in and accounts
  | { code: 'AUTH_FAILED' }
  | { code: 'RECOVERY_KEY_WRONG' }
  | { code: 'AUTH_THROTTLED'; seconds: number }
  | { code: 'ACCOUNT_DISABLED' }
  | { code: 'ACCOUNT_NOT_FOUND'; username: string }
  | { code: 'SUPERVISOR_NOT_FOUND'; username: string }
  | { code: 'ACCOUNT_EXISTS'; username: string }
  | { code: 'CANNOT_RESET_SELF' }
  | { code: 'CANNOT_DISABLE_SELF' }
  | { code: 'LAST_SUPERVISOR' }
  | { code: 'CANNOT_CHANGE_OWN_ROLE' }
  | { code: 'ACCOUNT_NOT_DISABLED'; username: string }
  | { code: 'CURRENT_PASSWORD_WRONG' }
  | { code: 'PASSWORD_UNCHANGED' }
  // cases: the lifecycle and the records
  | { code: 'CASE_NOT_FOUND'; id: number }
  | { code: 'CASE_REFERENCE_NOT_FOUND'; reference: string }
  | { code: 'SAVED_VIEW_NOT_FOUND'; id: number }
  | { code: 'WRONG_STATUS'; status: CaseStatus; action: CaseAction }
  | { code: 'IDENTITY_NOT_VERIFIED' }
  | { code: 'FEE_UNPAID'; short: number; fee: number }
  | { code: 'FOUR_EYES' }
  | { code: 'NOTICE_NOT_RECORDED' }
  | SendRefusal
  | { code: 'OUTCOME_NOT_OF_TYPE'; type: RequestType }
  | { code: 'GROUNDS_REQUIRED' }
  | { code: 'GROUNDS_DISCLOSURE_ONLY' }
  | { code: 'ALTERNATIVE_MEASURE_REQUIRED' }
  | { code: 'REASONS_REQUIRED' }
  | { code: 'DEADLINE_RULE'; problem: CalendarProblem; date?: string }
  /** A resume on the requester's reply named a mail that is not the one the case's correspondence offers
   * (the first mail on this case since its pause; core/inbox/resume-offer.ts): another case's, an older one. */
  | { code: 'REPLY_NOT_OFFERED'; inboxId: number }
  | { code: 'NO_ACTIVE_ACCOUNT'; username: string }
  | { code: 'DOCUMENT_DATED_FUTURE'; index: number; date: string }
  | { code: 'FEE_DISCLOSURE_ONLY' }
  /** Issue 19: a move the case's type does not have (deciding an inquiry, converting a complaint …). */
  | { code: 'NOT_FOR_CASE_TYPE'; action: CaseAction; type: CaseType }
  /** Issue 19: a converted inquiry's request arrived before the inquiry itself did. */
  | { code: 'CONVERSION_BEFORE_ARRIVAL'; arrivedAt: string; inquiryArrivedAt: string }
  /** Issue 19: a linked case that does not exist (or is the case itself). */
  | { code: 'RELATED_CASE_NOT_FOUND'; id: number }
  /** Issue 19: converting into a disclosure needs the delivery the member chose (electronic or paper). */
  | { code: 'DELIVERY_REQUIRED' }
  | { code: 'DATE_IN_FUTURE'; date: string }
  | { code: 'REFUND_TOO_LARGE'; amount: number; held: number }
  | { code: 'ARRIVAL_IN_FUTURE'; at: string }
  | { code: 'DEMO_DESK_NOT_EMPTY' }
  // notices, letters and mail
  | { code: 'NOTHING_OUTSTANDING' }
  | { code: 'NO_DECISION_YET' }
  | { code: 'NOT_WITHDRAWN' }
  | { code: 'NOT_REJECTED' }
  | { code: 'NOT_EXTENDED' }
  | { code: 'TEMPLATE_BRACES'; problem: 'stray_close' | 'unclosed' | 'nested' | 'not_a_name'; line: number; text?: string }
  | { code: 'TEMPLATE_UNKNOWN_VARIABLE'; name: string; allowed: string[] }
  /** The file saved as the request form (issue 19) is not a PDF, or is larger than the desk sends by mail. */
  | { code: 'REQUEST_FORM_NOT_PDF' }
  | { code: 'REQUEST_FORM_TOO_LARGE'; bytes: number; limit: number }
  | { code: 'REPRINT_WITHOUT_ORIGINAL'; kind: NoticeKind; reference: string }
  | { code: 'ALREADY_RECORDED'; kind: NoticeKind; reference: string; channel: NoticeChannel; on: string }
  // one notice, one delivery (issue 10; core/notices/delivery.ts)
  | { code: 'NOTICE_ALREADY_DELIVERED'; kind: NoticeKind; channel: NoticeChannel; at: string }
  | { code: 'OWED_NOTICES_UNSENT'; kinds: NoticeKind[] }
  | { code: 'DESKTOP_ONLY' }
  | { code: 'INBOX_MESSAGE_NOT_FOUND'; id: number }
  | { code: 'INBOX_ATTACHMENT_NOT_FOUND'; id: number; attachmentId: number }
  | { code: 'INBOX_ALREADY_ATTACHED' }
  | { code: 'OUTBOX_MESSAGE_NOT_FOUND'; id: number }
  | { code: 'MESSAGE_WRONG_STATE'; state: OutboxStateCode; action: 'edit' | 'send' | 'retry' | 'cancel' }
  | { code: 'RECIPIENT_INVALID'; to: string }
  | MailFailure
  // desk calendar, backups and restore
  | { code: 'NOT_A_DATE'; date: string }
  | HolidayFileProblem
  | BackupFailure
  | RestoreProblem;

export type LetterAddressWarning =
  | { code: 'NO_POSTAL_ADDRESS'; reference: string }
  /** The address block leaves the 長形3号 window (core/letters/window-fit.ts): which field, by how many mm. */
  | { code: 'WINDOW_OVERFLOW'; reference: string; field: 'postalCode' | 'address' | 'onBehalfOf' | 'name'; overflowMm: number };

/** Everything the desk can say to a person. */
export type Coded = StatusUnchanged | CaseWarning | CaseFlag | ImportWarning | DraftCancelled | LetterAddressWarning | AuditProblem | HolidaysOutdated;
export type Code = Coded['code'];
/** The value of one code (a member whose `code` is a union, like AuditProblem, counts for each of its codes). */
export type CodeOf<C extends Code> = Coded extends infer U ? (U extends { code: infer K } ? (C extends K ? U : never) : never) : never;

/**
 * The error category each thrown reason falls in: what a program reacts to (the renderer goes to log-in
 * on LOCKED, the CLI picks its exit code). People are told the reason, never the category.
 */
export const codeCategory: { [C in Reason['code']]: ErrorCode } = {
  INVALID_INPUT: 'INVALID_INPUT',
  KINDS_REQUIRED: 'INVALID_INPUT',
  KIND_NOT_ASKED: 'INVALID_INPUT',
  UNKNOWN_METHOD: 'UNKNOWN_METHOD',
  SUPERVISOR_ONLY: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  LOCKED: 'LOCKED',
  DESK_CLOSED: 'LOCKED',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  INTERNAL: 'INTERNAL',
  DATABASE_DAMAGED: 'STORAGE_DAMAGED',
  STORED_VALUE_UNREADABLE: 'STORAGE_DAMAGED',
  FOREIGN_SENDER: 'FORBIDDEN',
  NO_ANSWER: 'INTERNAL',
  UNREACHABLE: 'INTERNAL',
  NO_TOKEN: 'FORBIDDEN',
  BAD_ANSWER: 'INTERNAL',
  BAD_TOKEN: 'FORBIDDEN',
  FOREIGN_HOST: 'FORBIDDEN',
  CROSS_ORIGIN: 'FORBIDDEN',
  POST_ONLY: 'FORBIDDEN',
  JSON_ONLY: 'INVALID_INPUT',
  REQUEST_TOO_LARGE: 'INVALID_INPUT',
  REQUEST_NOT_JSON: 'INVALID_INPUT',
  PRINT_FAILED: 'INTERNAL',
  PDF_FAILED: 'INTERNAL',
  NOT_SET_UP: 'NOT_SET_UP',
  ALREADY_SET_UP: 'ALREADY_SET_UP',
  DESK_INCOMPLETE: 'STORAGE_DAMAGED',
  DATABASE_KEY_MISMATCH: 'STORAGE_DAMAGED',
  DATABASE_UNREADABLE: 'STORAGE_DAMAGED',
  DESK_TOO_NEW: 'DESK_TOO_NEW',
  KEYSLOTS_MISSING: 'STORAGE_DAMAGED',
  KEYSLOTS_DAMAGED: 'STORAGE_DAMAGED',
  NO_RECOVERY_SLOT: 'STORAGE_DAMAGED',
  DATA_DIR_UNUSABLE: 'DATA_DIR_UNUSABLE',
  DATA_DIR_BUSY: 'DATA_DIR_BUSY',
  SHARED_DESK_URL_INVALID: 'INVALID_INPUT',
  SHARED_DESK_TLS_REQUIRED: 'INVALID_INPUT',
  SHARED_DESK_CA_UNREADABLE: 'INVALID_INPUT',
  SHARED_DESK_PASSWORD_MISSING: 'INVALID_INPUT',
  SHARED_DESK_HOST_UNKNOWN: 'UNAVAILABLE',
  SHARED_DESK_UNREACHABLE: 'UNAVAILABLE',
  SHARED_DESK_AUTH_FAILED: 'AUTH_FAILED',
  SHARED_DESK_TLS_FAILED: 'UNAVAILABLE',
  SHARED_DESK_NOT_A_DESK: 'STORAGE_DAMAGED',
  SHARED_DESK_UNSUPPORTED: 'CONFLICT',
  SHARED_DESK_COPY_MISMATCH: 'STORAGE_DAMAGED',
  SHARED_DESK_MOVE_TARGET_HAS_DESK: 'CONFLICT',
  DESK_MOVED_TO_SERVER: 'CONFLICT',
  SHARED_DESK_SECRET_UNREADABLE: 'STORAGE_DAMAGED',
  CONNECTION_PROFILE_NO_SLOT: 'FORBIDDEN',
  CONNECTION_PROFILE_DAMAGED: 'STORAGE_DAMAGED',
  CONNECTION_PROFILE_PASSWORD_REFUSED: 'FORBIDDEN',
  CASE_CHANGED: 'CONFLICT',
  AUTH_FAILED: 'AUTH_FAILED',
  RECOVERY_KEY_WRONG: 'AUTH_FAILED',
  AUTH_THROTTLED: 'AUTH_THROTTLED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  ACCOUNT_NOT_FOUND: 'NOT_FOUND',
  SUPERVISOR_NOT_FOUND: 'NOT_FOUND',
  ACCOUNT_EXISTS: 'CONFLICT',
  CANNOT_RESET_SELF: 'CONFLICT',
  CANNOT_DISABLE_SELF: 'CONFLICT',
  LAST_SUPERVISOR: 'CONFLICT',
  CANNOT_CHANGE_OWN_ROLE: 'CONFLICT',
  ACCOUNT_NOT_DISABLED: 'CONFLICT',
  CURRENT_PASSWORD_WRONG: 'AUTH_FAILED',
  PASSWORD_UNCHANGED: 'INVALID_INPUT',
  CASE_NOT_FOUND: 'NOT_FOUND',
  CASE_REFERENCE_NOT_FOUND: 'NOT_FOUND',
  SAVED_VIEW_NOT_FOUND: 'NOT_FOUND',
  WRONG_STATUS: 'CONFLICT',
  IDENTITY_NOT_VERIFIED: 'CONFLICT',
  FEE_UNPAID: 'CONFLICT',
  FOUR_EYES: 'CONFLICT',
  NOTICE_NOT_RECORDED: 'CONFLICT',
  NEEDS_APPROVAL: 'CONFLICT',
  CASE_CLOSED_NO_SEND: 'CONFLICT',
  DECISION_SUPERSEDED: 'CONFLICT',
  NOTICE_DOES_NOT_ANSWER: 'CONFLICT',
  OUTCOME_NOT_OF_TYPE: 'INVALID_INPUT',
  GROUNDS_REQUIRED: 'INVALID_INPUT',
  GROUNDS_DISCLOSURE_ONLY: 'INVALID_INPUT',
  ALTERNATIVE_MEASURE_REQUIRED: 'INVALID_INPUT',
  REASONS_REQUIRED: 'INVALID_INPUT',
  DEADLINE_RULE: 'INVALID_INPUT',
  REPLY_NOT_OFFERED: 'CONFLICT',
  NO_ACTIVE_ACCOUNT: 'INVALID_INPUT',
  DOCUMENT_DATED_FUTURE: 'INVALID_INPUT',
  FEE_DISCLOSURE_ONLY: 'CONFLICT',
  NOT_FOR_CASE_TYPE: 'CONFLICT',
  CONVERSION_BEFORE_ARRIVAL: 'INVALID_INPUT',
  RELATED_CASE_NOT_FOUND: 'NOT_FOUND',
  DELIVERY_REQUIRED: 'INVALID_INPUT',
  DATE_IN_FUTURE: 'INVALID_INPUT',
  REFUND_TOO_LARGE: 'INVALID_INPUT',
  ARRIVAL_IN_FUTURE: 'INVALID_INPUT',
  DEMO_DESK_NOT_EMPTY: 'CONFLICT',
  NOTHING_OUTSTANDING: 'CONFLICT',
  NO_DECISION_YET: 'CONFLICT',
  NOT_WITHDRAWN: 'CONFLICT',
  NOT_REJECTED: 'CONFLICT',
  NOT_EXTENDED: 'CONFLICT',
  TEMPLATE_BRACES: 'INVALID_INPUT',
  TEMPLATE_UNKNOWN_VARIABLE: 'INVALID_INPUT',
  REQUEST_FORM_NOT_PDF: 'INVALID_INPUT',
  REQUEST_FORM_TOO_LARGE: 'INVALID_INPUT',
  REPRINT_WITHOUT_ORIGINAL: 'CONFLICT',
  ALREADY_RECORDED: 'CONFLICT',
  NOTICE_ALREADY_DELIVERED: 'CONFLICT',
  OWED_NOTICES_UNSENT: 'CONFLICT',
  ACKNOWLEDGEMENT_AFTER_DECISION: 'CONFLICT',
  DESKTOP_ONLY: 'CONFLICT',
  INBOX_MESSAGE_NOT_FOUND: 'NOT_FOUND',
  INBOX_ATTACHMENT_NOT_FOUND: 'NOT_FOUND',
  INBOX_ALREADY_ATTACHED: 'CONFLICT',
  OUTBOX_MESSAGE_NOT_FOUND: 'NOT_FOUND',
  MESSAGE_WRONG_STATE: 'CONFLICT',
  RECIPIENT_INVALID: 'INVALID_INPUT',
  SMTP_AUTH: 'CONFLICT',
  SMTP_REJECTED: 'CONFLICT',
  SMTP_LATER: 'CONFLICT',
  SMTP_UNREACHABLE: 'CONFLICT',
  SMTP_TIMEOUT: 'CONFLICT',
  SMTP_TLS: 'CONFLICT',
  SMTP_CONNECTION: 'CONFLICT',
  SMTP_HANDOVER: 'CONFLICT',
  MAIL_NOT_CONFIGURED: 'CONFLICT',
  MAIL_GAVE_UP: 'CONFLICT',
  MAIL_RECIPIENT_INVALID: 'INVALID_INPUT',
  MAIL_HEADER_LINE_BREAK: 'INVALID_INPUT',
  MAIL_SENDER_ADDRESS_INVALID: 'INVALID_INPUT',
  MAIL_NO_MESSAGE_ID: 'INVALID_INPUT',
  MAIL_BOUNCED: 'CONFLICT',
  MAIL_FAILED_EARLIER: 'CONFLICT',
  NOT_A_DATE: 'INVALID_INPUT',
  HOLIDAY_FILE_EMPTY: 'INVALID_INPUT',
  HOLIDAY_FILE_ENCODING: 'INVALID_INPUT',
  HOLIDAY_FILE_TOO_LARGE: 'INVALID_INPUT',
  HOLIDAY_FILE_COLUMNS: 'INVALID_INPUT',
  HOLIDAY_FILE_SYNTAX: 'INVALID_INPUT',
  HOLIDAY_FILE_ROW_FIELDS: 'INVALID_INPUT',
  HOLIDAY_FILE_BAD_DATE: 'INVALID_INPUT',
  HOLIDAY_FILE_NO_NAME: 'INVALID_INPUT',
  HOLIDAY_FILE_OUT_OF_RANGE: 'INVALID_INPUT',
  HOLIDAY_FILE_DUPLICATE: 'INVALID_INPUT',
  HOLIDAY_FILE_NO_YEARS: 'INVALID_INPUT',
  HOLIDAY_FILE_CONTRADICTS_LAW: 'CONFLICT',
  BACKUP_FOLDER_NOT_SET: 'DATA_DIR_UNUSABLE',
  BACKUP_FOLDER_MISSING: 'DATA_DIR_UNUSABLE',
  BACKUP_FOLDER_VANISHED: 'DATA_DIR_UNUSABLE',
  DISK_FULL: 'DATA_DIR_UNUSABLE',
  FOLDER_NOT_WRITABLE: 'DATA_DIR_UNUSABLE',
  FOLDER_CHANGED: 'DATA_DIR_UNUSABLE',
  FOLDER_IO_ERROR: 'DATA_DIR_UNUSABLE',
  BACKUP_SOURCE_DAMAGED: 'DATA_DIR_UNUSABLE',
  TOO_MANY_BACKUPS_THIS_SECOND: 'DATA_DIR_UNUSABLE',
  ACCOUNTS_KEPT_CHANGING: 'DATA_DIR_UNUSABLE',
  BACKUP_FAILED: 'DATA_DIR_UNUSABLE',
  BACKUP_FAILED_EARLIER: 'DATA_DIR_UNUSABLE',
  NO_BACKUP_AT: 'INVALID_INPUT',
  NOT_A_BACKUP_FOLDER: 'INVALID_INPUT',
  MANIFEST_MISSING: 'INVALID_INPUT',
  MANIFEST_DAMAGED: 'INVALID_INPUT',
  BACKUP_FILE_MISSING: 'INVALID_INPUT',
  BACKUP_FILE_TRUNCATED: 'INVALID_INPUT',
  BACKUP_FILE_ALTERED: 'INVALID_INPUT',
  BACKUP_FILE_CHECKSUM: 'INVALID_INPUT',
  BACKUP_TOO_NEW: 'DESK_TOO_NEW',
  BACKUP_SLOTS_OTHER_DESK: 'INVALID_INPUT',
  BACKUP_NO_RECOVERY_SLOT: 'STORAGE_DAMAGED',
  BACKUP_PASSWORD_WRONG: 'AUTH_FAILED',
  BACKUP_RECOVERY_KEY_WRONG: 'AUTH_FAILED',
  BACKUP_DOES_NOT_OPEN: 'STORAGE_DAMAGED',
  BACKUP_MANIFEST_ALTERED: 'INVALID_INPUT',
  PASSWORD_WEAK: 'INVALID_INPUT',
  BACKUP_INTEGRITY: 'STORAGE_DAMAGED',
  RESTORE_WOULD_OVERWRITE: 'ALREADY_SET_UP',
};

/** Every code, for tests that check each is worded (the type checks already require it). */
export const reasonCodes = keysOf(codeCategory);
export const warningCodes = ['STALE_CERTIFICATE', 'FEE_SHORT', 'FEE_EXCESS', 'LEGAL_MARK_NEAR', 'LEGAL_MARK_PASSED', 'PROVISIONAL_DUE'] as const satisfies readonly CaseWarning['code'][];
