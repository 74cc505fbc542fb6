// The desk's vocabulary (DOMAIN.md): request types, what each may ask, its outcomes and grounds, the
// lifecycle's statuses. One owner: the core checks against these lists, the renderer labels them.
import { isOneOf } from './records.ts';

export const requestTypes = ['disclosure', 'correction', 'suspension'] as const;
export type RequestType = (typeof requestTypes)[number];

/**
 * Inquiries (Art. 11: the desk is the contact for questions about the policy) and complaints (APPI Art. 40)
 * are cases too, answered by a reply target of N business days, never a legal deadline (no Art. 39 mark).
 */
export const contactTypes = ['inquiry', 'complaint'] as const;
export type ContactType = (typeof contactTypes)[number];

/** Every case type the desk keeps: the three requests, then inquiries and complaints. */
export const caseTypes = [...requestTypes, ...contactTypes] as const;
export type CaseType = (typeof caseTypes)[number];

export function isRequestType(type: string): type is RequestType {
  return isOneOf(requestTypes, type);
}
export function isContactType(type: string): type is ContactType {
  return isOneOf(contactTypes, type);
}

/** What an inquiry is about, or what a complaint is about; may be unknown at intake, like every kind. */
export const contactKinds = {
  inquiry: ['purpose_of_use', 'third_party_provision', 'promotional_mail', 'how_to_request', 'account_login', 'other'],
  complaint: ['handling', 'decision', 'other'],
} as const satisfies Record<ContactType, readonly string[]>;
export type ContactKind = (typeof contactKinds)[ContactType][number];

/** The kinds a case of any type may carry (one owner for intake, import and conversion). */
export function kindsOfType(type: CaseType): readonly string[] {
  return isRequestType(type) ? requestKinds[type] : contactKinds[type];
}

/** The answers drawn from the policy (issue 19): bilingual templates a supervisor can edit. */
export const replyTemplates = ['purpose_of_use', 'third_party_provision', 'promotional_mail', 'how_to_request', 'blank'] as const;
export type ReplyTemplate = (typeof replyTemplates)[number];

/** Reply targets in business days after day 0 (desk setting `replyTargetDays`). */
export const DEFAULT_REPLY_TARGET_DAYS: Readonly<Record<ContactType, number>> = Object.freeze({ inquiry: 3, complaint: 5 });

/** What the member asks for, per type (a correction can ask to correct, add and delete at once). */
export const requestKinds = {
  disclosure: ['records', 'third_party_records'],
  correction: ['correct', 'add', 'delete'],
  suspension: ['stop_use', 'delete', 'stop_third_party'],
} as const satisfies Record<RequestType, readonly string[]>;
export type RequestKind = (typeof requestKinds)[RequestType][number];

export const outcomes = {
  disclosure: ['disclosed_full', 'disclosed_partial', 'not_disclosed', 'no_information'],
  correction: ['done', 'done_partial', 'not_done_accurate', 'not_done_not_personal'],
  suspension: ['use_stopped', 'deleted', 'provision_stopped', 'alternative_measure', 'declined'],
} as const satisfies Record<RequestType, readonly string[]>;
export type Outcome = (typeof outcomes)[RequestType][number];
const allOutcomes: readonly string[] = Object.values(outcomes).flat();
export const isOutcome = (s: string): s is Outcome => allOutcomes.includes(s);

/** Outcomes that withhold something: the decision must cite grounds (disclosure) or give reasons. */
export const refusalOutcomes: readonly Outcome[] = ['disclosed_partial', 'not_disclosed', 'done_partial', 'not_done_accurate', 'not_done_not_personal', 'declined'];

/** Art. 6 grounds to withhold a disclosure, and the Art. 6 rule on non-personal information. */
export const disclosureGrounds = ['harm_to_interests', 'business_hindrance', 'violation_of_law', 'not_personal_information'] as const;
export type DisclosureGround = (typeof disclosureGrounds)[number];

export const requesterKinds = ['member', 'representative', 'agent'] as const;
export type RequesterKind = (typeof requesterKinds)[number];

export const intakeChannels = ['email', 'post', 'phone', 'web_form'] as const;
export type IntakeChannel = (typeof intakeChannels)[number];

export const deliveryPreferences = ['electronic', 'paper'] as const;
export type DeliveryPreference = (typeof deliveryPreferences)[number];

export const caseStatuses = ['received', 'awaiting_requester', 'in_review', 'decided', 'approved', 'withdrawn', 'rejected', 'notified', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const openStatuses: readonly CaseStatus[] = ['received', 'awaiting_requester', 'in_review', 'decided', 'approved', 'withdrawn', 'rejected', 'notified'];

export const pauseReasons = ['identity_documents', 'fee', 'clarification'] as const;
export type PauseReason = (typeof pauseReasons)[number];

export const rejectionGrounds = ['identity_not_verified', 'not_a_member', 'requester_not_entitled', 'incomplete_request', 'other'] as const;
export type RejectionGround = (typeof rejectionGrounds)[number];

export const identityDocumentTypes = [
  'drivers_license',
  'my_number_card',
  'passport',
  'residence_card',
  'health_insurance_card',
  'certificate_of_residence',
  'seal_certificate',
  'power_of_attorney',
  'family_register',
  'guardianship_certificate',
  'other',
] as const;
export type IdentityDocumentType = (typeof identityDocumentTypes)[number];
/** Certificates a representative or agent brings: issued within the last 6 months (DOMAIN.md). */
export const certificateDocumentTypes: readonly IdentityDocumentType[] = ['certificate_of_residence', 'seal_certificate', 'family_register', 'guardianship_certificate'];

export const feeMethods = ['postal_money_order', 'bank_transfer', 'cash', 'other'] as const;
export type FeeMethod = (typeof feeMethods)[number];
export const DISCLOSURE_FEE_YEN = 1000;

export const noticeKinds = ['acknowledgement', 'documents_request', 'decision', 'extension', 'withdrawal', 'rejection', 'reply'] as const;
export type NoticeKind = (typeof noticeKinds)[number];
/** Notices that answer the case: recording one sent moves the case to `notified` (an inquiry's or complaint's reply: "answered"). */
export const finalNoticeKinds = ['decision', 'withdrawal', 'rejection', 'reply'] as const satisfies readonly NoticeKind[];
export type FinalNoticeKind = (typeof finalNoticeKinds)[number];
/** Whether a notice answers the case (one owner of the list: the lifecycle, the outbox and the screens ask here). */
export const isFinalNoticeKind = (kind: NoticeKind): kind is FinalNoticeKind => isOneOf(finalNoticeKinds, kind);

export const noticeChannels = ['mail', 'letter'] as const;
export type NoticeChannel = (typeof noticeChannels)[number];

/** Every move of the lifecycle the case file can offer. */
export const caseActions = [
  'startReview',
  'pause',
  'resume',
  'decide',
  'returnForRevision',
  'approve',
  'withdraw',
  'reject',
  'recordNotice',
  'close',
  'extend',
  'assign',
  'recordIdentityCheck',
  'recordFee',
  'addNote',
  'answer',
  'convert',
] as const;
export type CaseAction = (typeof caseActions)[number];

const OPEN_BEFORE_DECISION: readonly CaseStatus[] = ['received', 'awaiting_requester', 'in_review'];

/**
 * From which statuses each move may be made: the lifecycle's rule (core/cases/lifecycle.ts refuses with
 * WRONG_STATUS from anywhere else). In the contract so the queue's bulk bar offers only the moves every
 * selected case allows and explains the others, without a rule of its own.
 */
export const moveFrom: Record<CaseAction, readonly CaseStatus[]> = {
  startReview: ['received'],
  pause: ['received', 'in_review'],
  resume: ['awaiting_requester'],
  decide: ['in_review'],
  returnForRevision: ['decided', 'approved'],
  approve: ['decided'],
  withdraw: ['received', 'awaiting_requester', 'in_review', 'decided', 'approved'],
  reject: OPEN_BEFORE_DECISION,
  recordNotice: openStatuses,
  close: ['notified'],
  extend: ['received', 'awaiting_requester', 'in_review', 'decided', 'approved'],
  assign: openStatuses,
  recordIdentityCheck: OPEN_BEFORE_DECISION,
  recordFee: [...openStatuses, 'closed'],
  addNote: [...openStatuses, 'closed'],
  // Inquiries and complaints (issue 19): answered, or an inquiry converted, before its answer is ready.
  answer: OPEN_BEFORE_DECISION,
  convert: OPEN_BEFORE_DECISION,
};
