// What the mail and notice methods return: the outbox as the Outbox screen shows it (state, tries,
// next try, last error in plain words, what can be done now), the sender's view of the mail server,
// the SMTP settings without the password, the notice texts and a rendered notice.
import type { NoticeKind, Outcome, RequestType } from './case-vocabulary.ts';
import type { OutboxState } from './mail.ts';
import type { DraftCancelled, MailFailure, SendRefusal } from './codes.ts';

export type OutboxAction = 'update' | 'send' | 'retry' | 'cancel' | 'sendCopy';

export interface OutboxSummary {
  id: number;
  caseId: number;
  reference: string;
  memberName: string;
  noticeKind: NoticeKind;
  /** The recipient exactly as the mail server will see it (validated, normalised). */
  to: string;
  subject: string;
  state: OutboxState;
  /** Every try, including those made while the mail server could not be reached. */
  attempts: number;
  /** When the sender tries again (queued after a temporary failure); null: as soon as it can. */
  nextAttemptAt: string | null;
  /** The last failure, with the server's own reply where it gave one. */
  lastError: MailFailure | null;
  /** The desk stopped after the server accepted this message and before it was marked sent: it was
   * (or will be) sent again with the same Message-ID, so the member may see it twice. */
  possiblyDuplicated: boolean;
  /** What the desk allows now: the Outbox screen offers only these. */
  allowedActions: OutboxAction[];
  /** Why `send` is not offered for a draft (e.g. the decision is not approved yet); null when it is. */
  sendBlockedReason: SendRefusal | null;
  cancelReason: DraftCancelled | null;
  createdBy: string;
  createdAt: string;
  queuedBy: string | null;
  queuedAt: string | null;
  sentAt: string | null;
  updatedAt: string;
}

export interface OutboxMessage extends OutboxSummary {
  messageId: string;
  body: string;
  /** Files sent with it (issue 19: the request form PDF with the "how to make a request" answer). */
  attachments: OutboxAttachmentInfo[];
}

export interface OutboxAttachmentInfo {
  filename: string;
  contentType: string;
  size: number;
}

export interface OutboxPage {
  rows: OutboxSummary[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<OutboxState, number>;
}

export type MailConnection = 'not_configured' | 'unknown' | 'online' | 'offline' | 'auth_failed';

export interface MailStatus {
  /** As last seen by the sender: online (the server answered), offline (it could not be reached),
   * auth_failed (it refused the user name or password: nothing is sent until the settings change). */
  connection: MailConnection;
  lastContactAt: string | null;
  lastError: MailFailure | null;
  /** When the sender next tries the queue (null: idle, or sending now). */
  nextTryAt: string | null;
  sending: boolean;
  counts: Record<OutboxState, number>;
  oldestQueuedAt: string | null;
}

export type MailTlsMode = 'none' | 'starttls' | 'tls';

export interface MailSettingsView {
  host: string;
  port: number;
  tls: MailTlsMode;
  user: string;
  /** The password never leaves the desk's database; this says whether one is stored. */
  passwordSet: boolean;
  configured: boolean;
  /** The sender address (the desk's email from the desk details). */
  from: string;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface MailTestResult {
  sent: boolean;
  /** Why it was not sent; null when the server took it (its reply is in serverResponse). */
  failure: MailFailure | null;
  serverResponse: string | null;
}

// The one shape of a notice's content, shared by the email (core/mail), the printed letter
// (core/letters) and the renderer's preview: the same words go out both ways. Japanese first; English is
// the reference translation.
export interface BilingualText {
  ja: string;
  en: string;
}

/** A labelled fact printed as a table row in a letter and as "label: value" lines in an email. */
export interface NoticeFact {
  label: BilingualText;
  /** Values are often the same in both languages (a reference, an amount); dates differ (era / Western). */
  value: BilingualText;
  /** Words staff wrote (in Japanese): the English half labels them "(original Japanese)". */
  staffWritten?: boolean;
}

export interface NoticeContent {
  kind: NoticeKind;
  /** e.g. 開示決定通知書 / Notice of Decision on Disclosure */
  title: BilingualText;
  /** The email subject: includes the case reference. */
  subject: BilingualText;
  /** Salutation line, e.g. 山田 太郎 様 / Dear Taro Yamada, */
  salutation: BilingualText;
  /** Body paragraphs, in order; each entry is one paragraph in each language. */
  paragraphs: BilingualText[];
  /** Reference, dates, request as received, outcome, grounds, fee … */
  facts: NoticeFact[];
  /** Policy article quotes a decision rests on (e.g. Article 6's grounds), quoted verbatim. */
  citations: BilingualText[];
  /** Desk hours and contact: closed weekends, holidays and December 29 – January 3. */
  closing: BilingualText[];
  /** The date of issue in both forms: 令和8年11月24日 / 24 November 2026. */
  issuedOn: BilingualText;
}

export interface NoticeTemplateVariable {
  name: string;
  description: BilingualText;
}

export interface NoticeTemplateView {
  /** acknowledgement, documents_request, extension, withdrawal, rejection, or decision.<outcome>. */
  key: string;
  kind: NoticeKind;
  outcome: Outcome | null;
  requestType: RequestType | null;
  title: BilingualText;
  /** The variables this text may use, as {{name}}; anything else is refused on save. */
  variables: NoticeTemplateVariable[];
  ja: string;
  en: string;
  defaultJa: string;
  defaultEn: string;
  customised: boolean;
}

export interface NoticePreview {
  content: NoticeContent;
  /** The email as it would be drafted; `to` is null when the case has no email address (letter only). */
  email: { to: string | null; subject: string; body: string };
}
