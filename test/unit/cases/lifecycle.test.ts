// Every move of the lifecycle from every status: legal ones allowed, illegal ones refused with a reason.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedActions, decisionProblem, finalNoticeRefusal, refusal, type LifecycleFacts } from '../../../electron/core/cases/lifecycle.ts';
import { caseActions, caseStatuses, type CaseAction, type CaseStatus } from '../../../electron/contract/index.ts';

const agent = { username: 'tanaka', role: 'agent' as const };
const boss = { username: 'sato', role: 'supervisor' as const };
const boss2 = { username: 'suzuki', role: 'supervisor' as const };

const facts = (status: CaseStatus, extra: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
  status,
  type: 'disclosure',
  decidedBy: 'tanaka',
  identityVerified: true,
  feeBalance: 0,
  finalNoticeRecorded: true,
  ...extra,
});

// The table DOMAIN.md's diagram implies: from which statuses each move may be made (by a supervisor).
const LEGAL: Record<CaseAction, CaseStatus[]> = {
  startReview: ['received'],
  pause: ['received', 'in_review'],
  resume: ['awaiting_requester'],
  decide: ['in_review'],
  returnForRevision: ['decided', 'approved'],
  approve: ['decided'],
  withdraw: ['received', 'awaiting_requester', 'in_review', 'decided', 'approved'],
  reject: ['received', 'awaiting_requester', 'in_review'],
  recordNotice: ['received', 'awaiting_requester', 'in_review', 'decided', 'approved', 'withdrawn', 'rejected', 'notified'],
  close: ['notified'],
  extend: ['received', 'awaiting_requester', 'in_review', 'decided', 'approved'],
  assign: ['received', 'awaiting_requester', 'in_review', 'decided', 'approved', 'withdrawn', 'rejected', 'notified'],
  recordIdentityCheck: ['received', 'awaiting_requester', 'in_review'],
  recordFee: [...caseStatuses],
  addNote: [...caseStatuses],
  // Inquiries' and complaints' moves (issue 19): a request never has them (tested below).
  answer: [],
  convert: [],
};
const CONTACT_ONLY: readonly CaseAction[] = ['answer', 'convert'];

describe('lifecycle transitions', () => {
  for (const action of caseActions) {
    for (const status of caseStatuses) {
      const legal = LEGAL[action].includes(status);
      it(`${action} from ${status} is ${legal ? 'allowed' : 'refused'}`, () => {
        const why = refusal(action, facts(status), boss2);
        if (legal) expect(why).toBeNull();
        else if (CONTACT_ONLY.includes(action)) expect(why).toEqual({ code: 'NOT_FOR_CASE_TYPE', action, type: 'disclosure' });
        else expect(why).toEqual({ code: 'WRONG_STATUS', status, action });
      });
    }
  }

  it('a closed case can be neither reopened nor moved', () => {
    expect(allowedActions(facts('closed'), boss2).sort()).toEqual(['addNote', 'recordFee']);
  });

  it('four eyes: the decider cannot approve, another supervisor can', () => {
    expect(refusal('approve', facts('decided', { decidedBy: 'sato' }), boss)).toEqual({ code: 'FOUR_EYES' });
    expect(refusal('approve', facts('decided', { decidedBy: 'sato' }), boss2)).toBeNull();
  });

  it('agents cannot approve, return or extend', () => {
    for (const a of ['approve', 'returnForRevision', 'extend'] as const) {
      expect(refusal(a, facts(a === 'approve' || a === 'returnForRevision' ? 'decided' : 'in_review'), agent)).toEqual({ code: 'SUPERVISOR_ONLY' });
    }
  });

  it('close is refused until a notice answering the request is recorded', () => {
    expect(refusal('close', facts('notified', { finalNoticeRecorded: false }), agent)).toEqual({ code: 'NOTICE_NOT_RECORDED' });
    expect(refusal('close', facts('notified'), agent)).toBeNull();
  });

  it('deciding needs a verified identity, and a disclosure its fee', () => {
    expect(refusal('decide', facts('in_review', { identityVerified: false }), agent)).toEqual({ code: 'IDENTITY_NOT_VERIFIED' });
    expect(refusal('decide', facts('in_review', { feeBalance: -400 }), agent)).toEqual({ code: 'FEE_UNPAID', short: 400, fee: 1000 });
    expect(refusal('decide', facts('in_review', { type: 'correction', feeBalance: -1000 }), agent)).toBeNull();
  });

  it('a final notice needs the status it answers', () => {
    expect(finalNoticeRefusal('decision', 'decided')).toEqual({ code: 'NEEDS_APPROVAL' });
    expect(finalNoticeRefusal('decision', 'approved')).toBeNull();
    expect(finalNoticeRefusal('withdrawal', 'withdrawn')).toBeNull();
    expect(finalNoticeRefusal('rejection', 'approved')).toEqual({ code: 'NOTICE_DOES_NOT_ANSWER', kind: 'rejection', needs: 'rejected', status: 'approved' });
  });

  it('property: every action the lifecycle offers is one refusal() allows, and vice versa', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...caseStatuses),
        fc.constantFrom('disclosure', 'correction', 'suspension'),
        fc.boolean(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.boolean(),
        fc.constantFrom(agent, boss, boss2),
        (status, type, identityVerified, feeBalance, finalNoticeRecorded, who) => {
          const f = { status, type, decidedBy: 'sato', identityVerified, feeBalance, finalNoticeRecorded } as LifecycleFacts;
          const offered = new Set(allowedActions(f, who));
          for (const a of caseActions) expect(offered.has(a)).toBe(refusal(a, f, who) === null);
        },
      ),
    );
  });
});

describe('decisions', () => {
  const base = { grounds: [], reasoning: '', alternativeMeasure: '' };
  it('a partial disclosure must cite a ground and give reasons', () => {
    expect(decisionProblem('disclosure', { ...base, outcome: 'disclosed_partial' })).toMatchObject({ field: 'grounds' });
    expect(decisionProblem('disclosure', { ...base, outcome: 'disclosed_partial', grounds: ['harm_to_interests'] })).toMatchObject({ field: 'reasoning' });
    expect(decisionProblem('disclosure', { ...base, outcome: 'disclosed_partial', grounds: ['harm_to_interests'], reasoning: '第三者の情報' })).toBeNull();
  });
  it('outcomes belong to their request type', () => {
    expect(decisionProblem('correction', { ...base, outcome: 'disclosed_full' })).toMatchObject({ field: 'outcome' });
    expect(decisionProblem('suspension', { ...base, outcome: 'use_stopped' })).toBeNull();
  });
  it('an alternative measure must be described', () => {
    expect(decisionProblem('suspension', { ...base, outcome: 'alternative_measure', reasoning: 'cost' })).toMatchObject({ field: 'alternativeMeasure' });
  });
  it('Article 6 grounds are for disclosures only', () => {
    expect(decisionProblem('correction', { ...base, outcome: 'done', grounds: ['violation_of_law'] })).toMatchObject({ field: 'grounds' });
  });
});
