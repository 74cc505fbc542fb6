// What the case methods return. The renderer shows these values; it never recomputes a deadline.
import type { CaseFlag } from './codes.ts';
import type * as v from './case-vocabulary.ts';
import type { OwedNotice } from './notice-delivery.ts';
import type { CaseWarning, Reason } from './codes.ts';
import type { LegalHold } from './retention.ts';
import { isOneOf } from './records.ts';

export type Urgency = 'overdue' | 'soon' | 'normal' | 'paused' | 'done';

/** The queue tabs a case belongs to: every open case is under all_open; a paused one under awaiting_requester too. */
export type QueueTab = 'all_open' | 'awaiting_requester' | 'closed';

export interface QueueRow {
  id: number;
  reference: string;
  type: v.CaseType;
  /** An inquiry or complaint: `due` is a reply target, not a legal deadline, and there is no Art. 39 mark. */
  target: boolean;
  kinds: string[];
  status: v.CaseStatus;
  assignee: string | null;
  assigneeName: string | null;
  memberName: string;
  memberKana: string;
  arrivedAt: string;
  dayZero: string;
  due: string;
  dueProvisional: boolean;
  /** Business days from today to the due date: 0 on the day, negative when overdue; null once answered. */
  businessDaysLeft: number | null;
  urgency: Urgency;
  legalMark: string;
  legalMarkState: 'ok' | 'near' | 'passed' | null;
  /** An email notice waits on a person (a draft to review, a failed one): the case file says which. */
  noticeOwed: boolean;
  /** On legal hold: the retention purge leaves the case whole (issue 16). */
  legalHold: boolean;
  /** The tab the case is listed under: a search looks through every case and says where each hit is. */
  tab: QueueTab;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Japan date the page was computed for. */
  today: string;
}

export interface DuplicateCandidate {
  id: number;
  reference: string;
  status: v.CaseStatus;
  memberName: string;
  memberEmail: string;
  arrivedAt: string;
}

export interface IdentityDocument {
  type: v.IdentityDocumentType;
  issuedOn: string | null;
  note: string;
}

export interface IdentityCheck {
  id: number;
  verified: boolean;
  documents: IdentityDocument[];
  note: string;
  checkedBy: string;
  checkedAt: string;
  /** Certificates issued more than 6 months before the check (representatives and agents). */
  staleCertificates: v.IdentityDocumentType[];
}

export interface FeeEntry {
  id: number;
  kind: 'payment' | 'refund';
  method: v.FeeMethod;
  amount: number;
  receivedOn: string;
  note: string;
  recordedBy: string;
  recordedAt: string;
}

export interface FeeLedger {
  required: number;
  paid: number;
  refunded: number;
  /** paid − refunded − required: negative is a shortfall, positive an excess to refund. */
  balance: number;
  entries: FeeEntry[];
}

export interface Note {
  id: number;
  text: string;
  by: string;
  at: string;
}

export interface NoticeRecord {
  id: number;
  kind: v.NoticeKind;
  channel: v.NoticeChannel;
  /** A second delivery a person chose (by the other channel) of a notice already delivered. */
  copy: boolean;
  /** What a person wrote when recording it ('' for an email the sender recorded). */
  note: string;
  /** For a notice sent by email: where it went and under which Message-ID (the screens word it). */
  mail: MailedNotice | null;
  recordedBy: string;
  recordedAt: string;
}

export interface MailedNotice {
  to: string;
  messageId: string;
  /** Sent again after an interrupted send: the member may have received it twice. */
  resent: boolean;
}

/**
 * The kinds of timeline event the core writes (core/cases/records.ts recordEvent takes only these) and the
 * renderer words (`event.<kind>` in its catalogs: a kind without words fails tsc).
 */
export const timelineEventKinds = [
  'received',
  'status',
  'pause',
  'resume',
  'extend',
  'decision',
  'returned',
  'approval',
  'withdrawn',
  'rejected',
  'notice',
  'closed',
  'assigned',
  'identity_check',
  'fee',
  'note',
  'due_recomputed',
  'mail_edited',
  'mail_failed',
  'mail_possibly_duplicated',
  'mail_draft_skipped',
  'letter_reprint',
  'mail_received',
  'mail_bounced',
  'legal_hold',
  'legal_hold_lifted',
  'answered',
  'converted',
  // Written since issues 10 and 11 and shown by their code until the kinds became one union (issue 12).
  'rejection_proposed',
  'withdrawal_proposed',
  'notice_copy',
  'mail_settled',
  'notices_dropped',
] as const;
export type TimelineEventKind = (typeof timelineEventKinds)[number];
/** A stored kind this version knows (rows from other versions may hold others). */
export const isTimelineEventKind = (k: string): k is TimelineEventKind => isOneOf(timelineEventKinds, k);

export interface TimelineEvent {
  id: number;
  at: string;
  actor: string | null;
  kind: TimelineEventKind;
  data: Record<string, unknown>;
}

/**
 * A resume recorded on the requester's reply (cases.resume with `reasonKind: 'requester_reply'`): which mail
 * and when it arrived. Stored as these facts on the resume event (no `reason`), carried by the deadline
 * history, and worded by the screens in their own language.
 */
export interface ResumedOnReply {
  reasonKind: 'requester_reply';
  inboxId: number;
  replyAt: string;
}

/** The reply a resume event's facts name; null for a resume on a person's note (or any other event's facts). */
export function resumedOnReply(data: Record<string, unknown>): ResumedOnReply | null {
  return data.reasonKind === 'requester_reply' && typeof data.inboxId === 'number' && typeof data.replyAt === 'string'
    ? { reasonKind: 'requester_reply', inboxId: data.inboxId, replyAt: data.replyAt }
    : null;
}

export interface DeadlineView {
  /** An inquiry's or complaint's reply target (issue 19): shown as a target, never as a legal deadline; no Art. 39 mark. */
  target: boolean;
  arrivedAt: string;
  days: number;
  dayZero: string;
  due: string;
  dueAt: string;
  provisional: boolean;
  paused: { since: string; on: string; reason: string } | null;
  extended: boolean;
  businessDaysLeft: number | null;
  urgency: Urgency;
  legalMark: string;
  legalMarkDaysLeft: number;
  legalMarkState: 'ok' | 'near' | 'passed';
  /**
   * The due date after each pause, resume and extension, oldest first. `reason` is what a person typed ('' for
   * a resume on the requester's reply, which `reply` names).
   */
  history: Array<{ type: 'pause' | 'resume' | 'extend'; at: string; by: string | null; reason: string; reply: ResumedOnReply | null; due: string }>;
}

/** A case linked to this one (issue 19): a complaint about its decision, the inquiry a request came from. */
export interface LinkedCase {
  id: number;
  reference: string;
  type: v.CaseType;
  status: v.CaseStatus;
}

export interface CaseDetail {
  id: number;
  reference: string;
  type: v.CaseType;
  /** The type an inquiry had before "this is a request" converted it. */
  convertedFrom: v.ContactType | null;
  /** An inquiry's or complaint's answer: the reply template it started from and its text (empty until answered). */
  replyTemplate: v.ReplyTemplate | null;
  replyJa: string;
  replyEn: string;
  kinds: string[];
  status: v.CaseStatus;
  channel: v.IntakeChannel;
  requesterKind: v.RequesterKind;
  requesterName: string;
  /** The representative's or agent's own contact ('' for the member): their notices go there. */
  requesterPostalCode: string;
  requesterAddress: string;
  requesterEmail: string;
  requesterPhone: string;
  memberName: string;
  memberKana: string;
  memberEmail: string;
  memberPostalCode: string;
  memberAddress: string;
  memberId: string;
  requestText: string;
  delivery: v.DeliveryPreference | null;
  assignee: string | null;
  outcome: v.Outcome | null;
  grounds: v.DisclosureGround[];
  reasoning: string;
  alternativeMeasure: string;
  decidedBy: string | null;
  decidedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  closureGround: string | null;
  closureReason: string;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
}

export interface CaseFile {
  case: CaseDetail;
  deadline: DeadlineView;
  identityChecks: IdentityCheck[];
  fees: FeeLedger | null;
  notes: Note[];
  notices: NoticeRecord[];
  /** Every notice the case owes or owed, its channel, state and the next thing to do (shown at the top). */
  owedNotices: OwedNotice[];
  timeline: TimelineEvent[];
  /** The moves the lifecycle allows this user now; the case file offers only these. */
  allowedActions: v.CaseAction[];
  /** Warnings as codes (contract/codes.ts): stale certificates, unpaid or excess fee, legal mark near. */
  warnings: CaseWarning[];
  /** Case-rule flags (sub-kind not known yet, due date after the Art. 39 mark), as codes. */
  flags: CaseFlag[];
  /** The case's version as read: send it back with a change (`version`) and a colleague's change in between is refused, not overwritten. */
  version: number;
  /** Set while a supervisor keeps the case from the retention purge: since when, by whom, why. */
  legalHold: LegalHold | null;
  /** The case this one names (a complaint's request, a request's inquiry), and the cases that name this one. */
  relatedCase: LinkedCase | null;
  linkedFrom: LinkedCase[];
}

export interface CreatedCase {
  id: number;
  reference: string;
  /** What intake should tell the person who typed it in (the same flags as the case file). */
  flags: CaseFlag[];
}

export interface BulkOutcome {
  done: number[];
  refused: Array<{ id: number; reference: string; reason: Reason }>;
}
