// Labels for the contract's vocabulary. Each helper builds its catalog key from the value's type, so a
// value the catalog lacks is a tsc error here (and the checks below list any that are missing).
import type {
  CaseAction,
  CaseStatus,
  DeliveryPreference,
  DisclosureGround,
  FeeMethod,
  IdentityDocumentType,
  IntakeChannel,
  NoticeChannel,
  NoticeKind,
  Outcome,
  PauseReason,
  RejectionGround,
  ResumedOnReply,
  RequesterKind,
  RequestType,
  CaseType,
  ContactType,
  Urgency,
  ClosedDayView,
  TimelineEventKind,
} from '../../../electron/contract/index.ts';
import { contactKinds, isTimelineEventKind, kindsOfType, requestKinds } from '../../../electron/contract/index.ts';
import type { Locale, MessageKey, Translate } from './catalog.ts';
import { formatDateTime } from './format.ts';

type KindKey =
  | { [T in RequestType]: `kind.${T}.${(typeof requestKinds)[T][number]}` }[RequestType]
  | { [T in ContactType]: `kind.${T}.${(typeof contactKinds)[T][number]}` }[ContactType];

/** Every label key the vocabulary needs. */
type VocabularyKey =
  | `type.${CaseType}`
  | `type.${CaseType}.long`
  | KindKey
  | `outcome.${Outcome}`
  | `ground.${DisclosureGround}`
  | `ground.${DisclosureGround}.text`
  | `status.${CaseStatus}`
  | `pauseReason.${PauseReason}`
  | `resumeReason.${ResumedOnReply['reasonKind']}`
  | `rejectionGround.${RejectionGround}`
  | `document.${IdentityDocumentType}`
  | `feeMethod.${FeeMethod}`
  | `feeKind.${'payment' | 'refund'}`
  | `noticeKind.${NoticeKind}`
  | `noticeChannel.${NoticeChannel}`
  | `channel.${IntakeChannel}`
  | `requesterKind.${RequesterKind}`
  | `requesterKind.${RequesterKind}.hint`
  | `delivery.${DeliveryPreference}`
  | `urgency.${Urgency}`
  | `action.${CaseAction}`
  | `event.${TimelineEventKind}`
  | `dayKind.${ClosedDayView['kind'] | 'open'}`;

type Unlabelled = Exclude<VocabularyKey, MessageKey>;
export const everyVocabularyValueLabelled: [Unlabelled] extends [never] ? true : Unlabelled = true;


/** A request kind of a type ("delete" means 削除 for a correction and 消去 for a suspension). */
export function kindLabel(t: Translate, type: CaseType, kind: string): string {
  const allowed = kindsOfType(type);
  return allowed.includes(kind) ? t(`kind.${type}.${kind}` as MessageKey) : kind;
}

export const typeLabel = (t: Translate, type: CaseType) => t(`type.${type}`);
export const statusLabel = (t: Translate, s: CaseStatus) => t(`status.${s}`);
export const outcomeLabel = (t: Translate, o: Outcome) => t(`outcome.${o}`);
/**
 * Why a case resumed, in the reader's language: the requester's reply with when it arrived (the desk keeps
 * it as facts), else what the person who resumed it typed (older resumes on a reply hold such words too).
 */
export const resumeReasonText = (t: Translate, locale: Locale, reason: string, reply: ResumedOnReply | null): string =>
  reply ? t(`resumeReason.${reply.reasonKind}`, { date: formatDateTime(locale, reply.replyAt) }) : reason;

/** An event kind the core added after this renderer was built is shown by its name. */
export const eventLabel = (t: Translate, kind: string) => (isTimelineEventKind(kind) ? t(`event.${kind}`) : kind);

/** Badge colour of each status: open work in blues, waiting in grey, answered in teal, refusals in red. */
export const statusColor: Record<CaseStatus, string> = {
  received: 'blue',
  awaiting_requester: 'gray',
  in_review: 'indigo',
  decided: 'violet',
  approved: 'grape',
  withdrawn: 'orange',
  rejected: 'red',
  notified: 'teal',
  closed: 'green',
};

/** Row and badge colour of each urgency the core computed. */
export const urgencyColor: Record<Urgency, string> = {
  overdue: 'red',
  soon: 'yellow',
  normal: 'blue',
  paused: 'gray',
  done: 'green',
};
