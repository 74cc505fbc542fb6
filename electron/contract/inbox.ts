// The incoming side of the desk's mail: the Inbox (mail that reached the desk and is not part of a case
// yet), the correspondence thread of a case, the desk's mailbox (IMAP) settings and status, and .eml
// imports. Every status a person sees is a code here, worded by the renderer's catalogs.
import { z } from 'zod';
import { caseId, intakeInput } from './cases.ts';
import { mailServerConnection } from './mail-server.ts';

/** What became of one incoming mail (the CLI's `status`, the Inbox drop's per-file result). */
export const mailIntakeStatuses = ['inbox', 'attached', 'duplicate', 'ignored', 'bounce', 'error'] as const;
export type MailIntakeStatus = (typeof mailIntakeStatuses)[number];

/** Why an .eml file could not be taken in at all (`status: 'error'`). */
export const mailIntakeErrors = ['file_unreadable', 'file_empty', 'file_too_large'] as const;
export type MailIntakeError = (typeof mailIntakeErrors)[number];

/** inbox: waiting for a person; attached: part of a case; dismissed: spam or nothing to answer (kept, out of the way). */
export const inboxStatuses = ['inbox', 'attached', 'dismissed'] as const;
export type InboxStatus = (typeof inboxStatuses)[number];
/**
 * Why a mail was set aside. A question is not one of them (issue 19): it becomes an inquiry and is answered.
 * Migration 0037 returned mail set aside as a question to the Inbox.
 */
export const dismissReasons = ['spam', 'other'] as const;
export type DismissReason = (typeof dismissReasons)[number];
/** mail: written by a person; auto_reply: an automatic answer (vacation, "received"); bounce: a delivery report. */
export const inboxKinds = ['mail', 'auto_reply', 'bounce'] as const;
export type InboxKind = (typeof inboxKinds)[number];
/** How a mail found its case: a reply to the desk's Message-ID, the reference in its subject, a person, or it made the case. */
export const attachRules = ['message_id', 'reference', 'staff', 'created'] as const;
export type AttachRule = (typeof attachRules)[number];
/** Where the arrival time came from (the first that exists): the desk's server's Received header, IMAP INTERNALDATE, the sender's Date, the import. */
export const arrivalSources = ['received', 'internaldate', 'date', 'imported'] as const;
export type ArrivalSource = (typeof arrivalSources)[number];

/** The mailbox connection as last seen. auth_failed waits for the settings to change; it is never retried on its own. */
export const mailboxConnections = ['not_configured', 'unknown', 'online', 'offline', 'auth_failed', 'folder_missing', 'server_error'] as const;
export type MailboxConnection = (typeof mailboxConnections)[number];

/** The default largest mail stored with its attachments (25 MB); a bigger one is kept without them, flagged. */
export const DEFAULT_MAX_MESSAGE_MB = 25;
/** An .eml file bigger than this is not read at all (a mail server would not have accepted it). */
export const MAX_EML_FILE_BYTES = 200 * 1024 * 1024;

const inboxId = z.number().int().positive();
const folderName = z
  .string()
  .trim()
  .min(1, 'Enter a folder name (e.g. INBOX).')
  .max(200, 'At most 200 characters.')
  .refine((s) => !/[\r\n\0*%]/.test(s), 'A folder name cannot contain line breaks, * or %.');

export const inboxInputs = {
  list: z
    .object({
      status: z.enum(inboxStatuses).default('inbox'),
      page: z.number().int().min(1).max(100_000).default(1),
      pageSize: z.number().int().min(10).max(200).default(50),
    })
    .strict(),
  get: z.object({ id: inboxId }).strict(),
  attachment: z.object({ id: inboxId, attachmentId: z.number().int().positive() }).strict(),
  /** The intake form, prefilled from the mail and checked by a person; the mail becomes the case's first correspondence. */
  createCase: z.object({ id: inboxId, intake: intakeInput }).strict(),
  attach: z.object({ id: inboxId, caseId }).strict(),
  dismiss: z.object({ id: inboxId, reason: z.enum(dismissReasons) }).strict(),
  /** Mail dropped onto the Inbox: each file's bytes (base64), at most 20 files and 100 MB each at a time. */
  importFiles: z
    .object({
      files: z
        .array(z.object({ name: z.string().max(255), base64: z.string().max(Math.ceil((100 * 1024 * 1024 * 4) / 3) + 4) }).strict())
        .min(1, 'Drop at least one .eml file.')
        .max(20, 'At most 20 files at a time.'),
    })
    .strict(),
  thread: z.object({ caseId }).strict(),
  settingsUpdate: z
    .object({
      // An empty host: no mailbox; mail comes in only from .eml files.
      ...mailServerConnection('imap.example.co.jp'),
      folder: folderName.default('INBOX'),
      afterFetch: z.enum(['move', 'seen']).default('seen'),
      moveTo: folderName.default('Processed'),
      maxMessageMb: z.number().int().min(1, 'At least 1 MB.').max(200, 'At most 200 MB.').default(DEFAULT_MAX_MESSAGE_MB),
    })
    .strict()
    .refine((s) => s.afterFetch !== 'move' || s.moveTo !== s.folder, { message: 'Processed mail must go to another folder.', path: ['moveTo'] }),
} as const;

export interface InboxRow {
  id: number;
  status: InboxStatus;
  kind: InboxKind;
  fromAddress: string;
  fromName: string;
  subject: string;
  arrivedAt: string;
  arrivalSource: ArrivalSource;
  attachmentNames: string[];
  /** Kept as raw bytes only: it could not be read. */
  unreadable: boolean;
  /** Over the size limit: stored without its attachments. */
  oversize: boolean;
  size: number;
  caseId: number | null;
  reference: string | null;
  attachedBy: AttachRule | null;
  dismissReason: DismissReason | null;
  /** A reply that arrived after its case was closed. */
  afterClose: boolean;
  recipientCount: number;
}

export interface InboxAttachmentInfo {
  id: number;
  filename: string;
  contentType: string;
  size: number;
}

export interface InboxMessage extends InboxRow {
  /** The mail as text (HTML converted; nothing remote is ever loaded). */
  text: string;
  dateHeader: string | null;
  messageId: string | null;
  attachments: InboxAttachmentInfo[];
  /** What the intake form is prefilled with when a case is created from this mail. */
  prefill: { memberName: string; memberEmail: string; requestText: string; arrivedAt: string; channel: 'email' };
}

export interface InboxPage {
  rows: InboxRow[];
  total: number;
  counts: Record<InboxStatus, number>;
}

export interface InboxAttachmentContent extends InboxAttachmentInfo {
  base64: string;
}

export interface MailImportResult {
  file: string;
  status: MailIntakeStatus;
  reference: string | null;
  subject: string;
  from: string;
  arrivedAt: string | null;
  attachments: string[];
  reason: MailIntakeError | null;
  unreadable: boolean;
  oversize: boolean;
}

/** One entry of a case's correspondence, in time order. */
export type ThreadEntry =
  | { kind: 'incoming'; at: string; inbox: InboxRow }
  | { kind: 'outgoing'; at: string; outboxId: number; noticeKind: string; subject: string; state: string; to: string; bounced: { status: string; diagnostic: string } | null }
  | { kind: 'letter'; at: string; noticeKind: string; note: string };

export interface CaseThread {
  caseId: number;
  entries: ThreadEntry[];
  /** The case waits for the requester and a reply came after the pause: a person may resume with its date. */
  resumeOffer: { inboxId: number; arrivedAt: string } | null;
}

export interface MailboxStatus {
  connection: MailboxConnection;
  /** The server's own words when it refused (never the password). */
  serverResponse: string | null;
  lastContactAt: string | null;
  nextTryAt: string | null;
  /** The server announced IDLE: new mail arrives at once; otherwise polled. */
  idle: boolean;
  waiting: number;
}

export interface MailboxSettingsView {
  configured: boolean;
  host: string;
  port: number;
  tls: 'none' | 'starttls' | 'tls';
  user: string;
  passwordSet: boolean;
  folder: string;
  afterFetch: 'move' | 'seen';
  moveTo: string;
  maxMessageMb: number;
}
