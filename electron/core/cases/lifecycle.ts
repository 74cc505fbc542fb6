// The lifecycle of a case (DOMAIN.md), as a pure state machine: which moves exist from which status,
// who may make them, and what must hold first. Every refusal is a code with its facts (contract/codes.ts).
import { DISCLOSURE_FEE_YEN, moveFrom, outcomes, type Reason, type SendRefusal, type CaseAction, type CaseStatus, type CaseType, type DisclosureGround, type RequestType, type Role, type FinalNoticeKind, isContactType, keysOf, isOneOf } from '../../contract/index.ts';

export interface LifecycleFacts {
  status: CaseStatus;
  type: CaseType;
  decidedBy: string | null;
  /** Whether the latest identity check verified the requester. */
  identityVerified: boolean;
  /** paid − refunded − required; only meaningful for a disclosure. */
  feeBalance: number;
  /** Whether a notice answering the request (decision, withdrawal, rejection) was recorded. */
  finalNoticeRecorded: boolean;
}

export interface Actor {
  username: string;
  role: Role;
}

/** From which statuses each move may be made: the contract's table (the queue's bulk bar reads it too). */
const FROM = moveFrom;

/**
 * Inquiries and complaints (issue 19) have no decision, fee, identity check, extension or Art. 39 mark:
 * they are answered (`answer`: an inquiry's reply is ready at once; a complaint's is proposed and a
 * supervisor approves it, four eyes as for every answer speaking for the business), the reply is recorded
 * as sent or printed (notified: "answered"), then closed. Only an inquiry converts into a request.
 */
const CONTACT_MOVES: ReadonlySet<CaseAction> = new Set(['startReview', 'pause', 'resume', 'answer', 'approve', 'returnForRevision', 'recordNotice', 'close', 'assign', 'addNote', 'convert']);
const REQUEST_ONLY_NOT: ReadonlySet<CaseAction> = new Set(['answer', 'convert']);

function typeRefusal(action: CaseAction, type: CaseType): Reason | null {
  if (isContactType(type)) {
    if (!CONTACT_MOVES.has(action) || (action === 'convert' && type !== 'inquiry')) return { code: 'NOT_FOR_CASE_TYPE', action, type };
    return null;
  }
  return REQUEST_ONLY_NOT.has(action) ? { code: 'NOT_FOR_CASE_TYPE', action, type } : null;
}

const SUPERVISOR_ONLY: ReadonlySet<CaseAction> = new Set(['approve', 'returnForRevision', 'extend']);

/** The reason a move is refused, or null when it is allowed. Notice kind matters for recordNotice only. */
export function refusal(action: CaseAction, facts: LifecycleFacts, actor: Actor): Reason | null {
  const wrongType = typeRefusal(action, facts.type);
  if (wrongType) return wrongType;
  if (SUPERVISOR_ONLY.has(action) && actor.role !== 'supervisor') return { code: 'SUPERVISOR_ONLY' };
  if (!FROM[action].includes(facts.status)) return { code: 'WRONG_STATUS', status: facts.status, action };
  switch (action) {
    case 'decide':
      if (!facts.identityVerified) return { code: 'IDENTITY_NOT_VERIFIED' };
      if (facts.type === 'disclosure' && facts.feeBalance < 0) return { code: 'FEE_UNPAID', short: -facts.feeBalance, fee: DISCLOSURE_FEE_YEN };
      return null;
    case 'approve':
      if (facts.decidedBy === actor.username) return { code: 'FOUR_EYES' };
      return null;
    case 'close':
      if (!facts.finalNoticeRecorded) return { code: 'NOTICE_NOT_RECORDED' };
      return null;
    default:
      return null;
  }
}

/**
 * A final answer other than a decision (a rejection, or a withdrawal recorded without the member's
 * written withdrawal) waits in `decided` for a second supervisor, like a decision (four eyes on every
 * final answer); the case's closure ground says which it is.
 */
export function proposedEnding(row: { status: string; closure_ground: string | null }): 'rejection' | 'withdrawal' | null {
  if (row.status !== 'decided' || row.closure_ground === null) return null;
  return row.closure_ground === 'withdrawn' ? 'withdrawal' : 'rejection';
}

export function allowedActions(facts: LifecycleFacts, actor: Actor): CaseAction[] {
  return keysOf(FROM).filter((a) => refusal(a, facts, actor) === null);
}

/**
 * The status a final notice answers: a decision once approved (four eyes), a withdrawal or rejection once
 * made, an inquiry's or complaint's reply once its answer is ready (a complaint's approved by a supervisor).
 */
export const FINAL_NOTICE_ANSWERS: Record<FinalNoticeKind, CaseStatus> = { decision: 'approved', withdrawal: 'withdrawn', rejection: 'rejected', reply: 'approved' };

/**
 * Why a final notice cannot be recorded (or sent) from this status; null when it can. The one owner of the
 * rule: recordNotice asks it with `sending: false`, the outbox with `sending: true` (a mail may still go out
 * once the case is notified, e.g. after a letter; never once it is closed).
 */
export function finalNoticeRefusal(kind: FinalNoticeKind, status: CaseStatus, sending = false): SendRefusal | null {
  if (sending && status === 'closed') return { code: 'CASE_CLOSED_NO_SEND' };
  const needs = FINAL_NOTICE_ANSWERS[kind];
  if (status === needs || (sending && status === 'notified')) return null;
  // A complaint's answer speaks for the business: it goes out only once a supervisor approved it.
  if ((kind === 'decision' || kind === 'reply') && status === 'decided') return { code: 'NEEDS_APPROVAL' };
  if (sending && kind === 'decision') return { code: 'DECISION_SUPERSEDED' };
  return { code: 'NOTICE_DOES_NOT_ANSWER', kind, needs, status };
}

export interface DecisionInput {
  outcome: string;
  grounds: DisclosureGround[];
  reasoning: string;
  alternativeMeasure: string;
}

/** What a decision must carry for its type and outcome; null when it is complete. */
export function decisionProblem(type: RequestType, d: DecisionInput): { field: string; reason: Reason } | null {
  if (!isOneOf(outcomes[type], d.outcome)) return { field: 'outcome', reason: { code: 'OUTCOME_NOT_OF_TYPE', type } };
  const withholds = d.outcome === 'disclosed_partial' || d.outcome === 'not_disclosed';
  if (type === 'disclosure' && withholds && d.grounds.length === 0) return { field: 'grounds', reason: { code: 'GROUNDS_REQUIRED' } };
  if (type !== 'disclosure' && d.grounds.length > 0) return { field: 'grounds', reason: { code: 'GROUNDS_DISCLOSURE_ONLY' } };
  if (d.outcome === 'alternative_measure' && d.alternativeMeasure === '') return { field: 'alternativeMeasure', reason: { code: 'ALTERNATIVE_MEASURE_REQUIRED' } };
  const refuses = ['disclosed_partial', 'not_disclosed', 'done_partial', 'not_done_accurate', 'not_done_not_personal', 'declined', 'alternative_measure'].includes(d.outcome);
  if (refuses && d.reasoning === '') return { field: 'reasoning', reason: { code: 'REASONS_REQUIRED' } };
  return null;
}
