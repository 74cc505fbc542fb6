// What a person should notice about a case at intake and in its header, as codes (contract/codes.ts CaseFlag):
// a correction or suspension whose sub-kind is not known yet (deciding will need it), and a due date
// that falls after the Art. 39 two-week mark (the member may sue from the mark, whatever the due date).
import { isContactType, isRequestType, type CaseFlag } from '../../contract/index.ts';
import type { CaseRow } from '../../../db/schema.ts';
import { fromJson } from '../../../db/json.ts';

const BEFORE_DECISION = new Set(['received', 'awaiting_requester', 'in_review']);

export function caseFlags(r: Pick<CaseRow, 'type' | 'kinds' | 'status' | 'due_date' | 'legal_mark' | 'requester_kind' | 'member_email' | 'member_address' | 'requester_email' | 'requester_address'>): CaseFlag[] {
  const flags: CaseFlag[] = [];
  if (isContactType(r.type)) {
    // An inquiry or complaint has a reply target, not a legal deadline: no sub-kind rule, no Art. 39 mark.
    // It may be taken in without any contact (a phone call): flagged, since no reply can go out.
    const [email, address] = r.requester_kind === 'member' ? [r.member_email, r.member_address] : [r.requester_email, r.requester_address];
    if (email === '' && address === '' && r.status !== 'closed') flags.push({ code: 'NO_CONTACT' });
    return flags;
  }
  const kinds = fromJson(r.kinds);
  if (isRequestType(r.type) && r.type !== 'disclosure' && kinds.length === 0 && BEFORE_DECISION.has(r.status)) flags.push({ code: 'KINDS_NOT_KNOWN', type: r.type });
  if (r.due_date > r.legal_mark) flags.push({ code: 'DUE_AFTER_LEGAL_MARK', due: r.due_date, mark: r.legal_mark });
  return flags;
}
