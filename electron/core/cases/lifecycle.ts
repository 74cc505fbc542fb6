// The lifecycle of a case (DOMAIN.md), as a pure state machine: which moves exist from which status,
// who may make them, and what must hold first. Every refusal says why, in words an agent can act on.
import {
  DISCLOSURE_FEE_YEN,
  outcomes,
  type CaseAction,
  type CaseStatus,
  type DisclosureGround,
  type RequestType,
  type Role,
} from '../../contract/index.ts';

export interface LifecycleFacts {
  status: CaseStatus;
  type: RequestType;
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

const OPEN_BEFORE_DECISION: readonly CaseStatus[] = ['received', 'awaiting_requester', 'in_review'];
const NOT_ENDED: readonly CaseStatus[] = ['received', 'awaiting_requester', 'in_review', 'decided', 'approved', 'withdrawn', 'rejected', 'notified'];

/** From which statuses each move may be made. */
const FROM: Record<CaseAction, readonly CaseStatus[]> = {
  startReview: ['received'],
  pause: ['received', 'in_review'],
  resume: ['awaiting_requester'],
  decide: ['in_review'],
  returnForRevision: ['decided', 'approved'],
  approve: ['decided'],
  withdraw: ['received', 'awaiting_requester', 'in_review', 'decided', 'approved'],
  reject: OPEN_BEFORE_DECISION,
  recordNotice: NOT_ENDED,
  close: ['notified'],
  extend: ['received', 'awaiting_requester', 'in_review', 'decided', 'approved'],
  assign: NOT_ENDED,
  recordIdentityCheck: OPEN_BEFORE_DECISION,
  recordFee: [...NOT_ENDED, 'closed'],
  addNote: [...NOT_ENDED, 'closed'],
};

const SUPERVISOR_ONLY: ReadonlySet<CaseAction> = new Set(['approve', 'returnForRevision', 'extend']);

const STATUS_WORDS: Record<CaseStatus, string> = {
  received: 'received',
  awaiting_requester: 'waiting for the requester',
  in_review: 'in review',
  decided: 'decided (waiting for approval)',
  approved: 'approved',
  withdrawn: 'withdrawn',
  rejected: 'rejected',
  notified: 'notified',
  closed: 'closed',
};

/** The reason a move is refused, or null when it is allowed. Notice kind matters for recordNotice only. */
export function refusal(action: CaseAction, facts: LifecycleFacts, actor: Actor): string | null {
  if (SUPERVISOR_ONLY.has(action) && actor.role !== 'supervisor') return 'Only a supervisor can do this.';
  if (!FROM[action].includes(facts.status)) {
    return `This cannot be done while the case is ${STATUS_WORDS[facts.status]}.`;
  }
  switch (action) {
    case 'decide':
      if (!facts.identityVerified) return 'Record a successful identity check before deciding.';
      if (facts.type === 'disclosure' && facts.feeBalance < 0) {
        return `The disclosure fee is not fully paid (¥${-facts.feeBalance} short of ¥${DISCLOSURE_FEE_YEN}). Record the payment, or pause the case for the fee.`;
      }
      return null;
    case 'approve':
      if (facts.decidedBy === actor.username) return 'The person who decided a case cannot approve it: another supervisor must (four eyes).';
      return null;
    case 'close':
      if (!facts.finalNoticeRecorded) return 'A case is closed only after its notice is recorded as sent or printed.';
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
  return (Object.keys(FROM) as CaseAction[]).filter((a) => refusal(a, facts, actor) === null);
}

/** Which status a final notice may be recorded from, and what it answers. */
export function finalNoticeRefusal(kind: 'decision' | 'withdrawal' | 'rejection', status: CaseStatus): string | null {
  const needs: Record<typeof kind, CaseStatus> = { decision: 'approved', withdrawal: 'withdrawn', rejection: 'rejected' };
  if (status === needs[kind]) return null;
  if (kind === 'decision' && status === 'decided') return 'The decision must be approved by a supervisor before its notice goes out.';
  return `A ${kind} notice answers a ${needs[kind]} case; this case is ${STATUS_WORDS[status]}.`;
}

export interface DecisionInput {
  outcome: string;
  grounds: DisclosureGround[];
  reasoning: string;
  alternativeMeasure: string;
}

/** What a decision must carry for its type and outcome; null when it is complete. */
export function decisionProblem(type: RequestType, d: DecisionInput): { field: string; message: string } | null {
  const valid = outcomes[type] as readonly string[];
  if (!valid.includes(d.outcome)) return { field: 'outcome', message: `Choose one of the outcomes of a ${type} request.` };
  const withholds = d.outcome === 'disclosed_partial' || d.outcome === 'not_disclosed';
  if (type === 'disclosure' && withholds && d.grounds.length === 0) {
    return { field: 'grounds', message: 'A partial or refused disclosure must cite at least one ground of Article 6.' };
  }
  if (type !== 'disclosure' && d.grounds.length > 0) return { field: 'grounds', message: 'Article 6 grounds apply to disclosures only.' };
  if (d.outcome === 'alternative_measure' && d.alternativeMeasure === '') {
    return { field: 'alternativeMeasure', message: 'Describe the alternative measure taken.' };
  }
  const refuses = ['disclosed_partial', 'not_disclosed', 'done_partial', 'not_done_accurate', 'not_done_not_personal', 'declined', 'alternative_measure'].includes(d.outcome);
  if (refuses && d.reasoning === '') return { field: 'reasoning', message: 'Explain the reasons: the member is told why.' };
  return null;
}
