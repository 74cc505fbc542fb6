// Result types of the contract's methods: what the core returns and the renderer shows.
import type { Locale, Role } from './fields.ts';
import type { Reason } from './codes.ts';
import type { HolidaysOutdated } from './holidays.ts';

export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

export interface DeskDetails {
  companyJa: string;
  companyEn: string;
  deskNameJa: string;
  deskNameEn: string;
  postalCode: string;
  addressJa: string;
  addressEn: string;
  email: string;
  phone: string;
}

export interface DeskSettings {
  desk: DeskDetails;
  idleLockMinutes: number;
  defaultLocale: Locale;
  /** Japan time, HH:MM; a request arriving at or after closing starts the next business day. */
  businessHours: { open: string; close: string };
  /** N of "due on the N-th business day after day 0", per request type. */
  daysByType: { disclosure: number; correction: number; suspension: number };
  /** Reply target of an inquiry and of a complaint, in business days after day 0 (issue 19); absent: 3 and 5. */
  replyTargetDays?: { inquiry: number; complaint: number };
  /** Warn this many calendar days before the APPI Art. 39 two-week mark. */
  legalMarkWarnDays: number;
  /** Automatic encrypted backups of the desk (see core/backup). */
  backup: BackupSettings;
  /** How notices go out and what letters say about the desk (issue 10); absent in desks made before it. */
  notices?: NoticeSettings;
  /** Notice texts a supervisor edited (notices.saveTemplate), by template key; absent: the defaults. */
  noticeTemplates?: Record<string, { ja: string; en: string }>;
  /** Security settings (issue 14); absent in desks made before them. */
  security?: SecuritySettings;
}

export interface SecuritySettings {
  /**
   * A supervisor's own address outside the desk: once a day, when online, the desk mails it the audit
   * log's head (core/audit/anchor-mail.ts), an anchor that `desk audit verify --anchor` checks. Null: off.
   */
  anchorEmail: string | null;
}

export interface NoticeSettings {
  /** Queue every new acknowledgement email at once (sent when online); off: staff review each draft. */
  autoSendAcknowledgements: boolean;
  /** 個人情報保護管理者 or the desk's manager, printed on letters; '' omits the line. */
  responsiblePerson: string;
  /** How a requester pays the disclosure fee by bank transfer (named in the documents/fee request). */
  feePayment: FeePaymentDetails;
}

export interface FeePaymentDetails {
  bankName: string;
  branchName: string;
  accountType: 'ordinary' | 'current';
  /** Digits only (full-width digits typed are normalised). */
  accountNumber: string;
  /** The account holder, as the bank shows it (カナ). */
  accountHolder: string;
  /** Business days the requester has to pay, counted from the date of the request. */
  deadlineDays: number;
}

export interface BackupSettings {
  /** A folder off this PC's disk (a USB drive, a network share); null: no automatic backups yet. */
  folder: string | null;
  /** How many of this desk's backups to keep in that folder; older ones are deleted, oldest first. */
  keep: number;
  /** Take one when the desk locks or closes (at most once an hour). */
  onLock: boolean;
  /** Take one when the last good backup is more than a day old (checked while the desk is open). */
  daily: boolean;
}

export interface BackupStatus {
  folder: string | null;
  lastSuccess: { at: string; path: string; cases: number } | null;
  /** The last failed attempt since the last good backup (cleared by the next good one): show it until then. */
  lastFailure: { at: string; reason: Reason } | null;
  /** When the next automatic backup is due (taken at the next chance after that); null: none planned. */
  nextDue: string | null;
  /** A backup is being written right now. */
  running: boolean;
}

export interface BackupResult {
  /** The backup folder written (…/PrivacyDesk-<desk>-<YYYYMMDD-HHMMSS>.pdbackup). */
  path: string;
  at: string;
  cases: number;
  bytes: number;
  /** Older backups of this desk deleted by the keep-N rule. */
  removed: string[];
}

export interface RestoreResult {
  restored: true;
  cases: number;
  /** Logged in when restored with a password; null (the desk stays locked) with the recovery key. */
  user: SessionUser | null;
}

export type DeskState = 'new' | 'locked' | 'unlocked';

export interface DeskStatus {
  state: DeskState;
  /** Set when the desk's files are damaged or incomplete: login cannot work until it is fixed. */
  problem: Reason | null;
  /** Names from the desk's settings; null while the desk is new or locked (they live in the database). */
  deskName: string | null;
  user: SessionUser | null;
  idleLockMinutes: number | null;
  mode: 'electron' | 'browser';
  version: string;
}

export interface Account {
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** Who a case can be assigned to: active staff, for every logged-in user. */
export interface StaffMember {
  username: string;
  displayName: string;
  role: Role;
}

export interface SetupResult {
  recoveryKey: string;
  user: SessionUser;
}

export interface OneTimePassword {
  username: string;
  oneTimePassword: string;
}

export interface ClosedDayView {
  date: string;
  kind: 'weekend' | 'holiday' | 'year-end' | 'desk';
  reasonJa: string;
  reasonEn: string;
  provisional: boolean;
}

export interface DeskDayView {
  date: string;
  kind: 'closed' | 'open';
  reason: string;
  reasonEn: string;
  createdBy: string;
  createdAt: string;
}

export interface CalendarYear {
  year: number;
  /** Equinox holidays of this year are not yet announced: they are computed and may move. */
  provisional: boolean;
  closedDays: ClosedDayView[];
  deskDays: DeskDayView[];
  businessHours: { open: string; close: string };
  /** The last year whose national holidays the desk knows for certain (announced or imported). */
  knownThrough: number;
  /** For supervisors, from February of `knownThrough`: next year's holidays are announced but not loaded. */
  outdated: HolidaysOutdated | null;
}

export interface DueDateMove {
  id: number;
  reference: string;
  memberName: string;
  oldDue: string;
  newDue: string;
}

export interface CalendarChange {
  /** Cases whose clock runs and whose due date the change moved (each written on its timeline). */
  moved: DueDateMove[];
  /** Decided or approved cases that keep their due date; `newDue` is what the calendar would now say. */
  held: DueDateMove[];
}
