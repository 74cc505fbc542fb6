// Refusals, warnings and flags of the case rules (issue 11), as typed codes with parameters: the
// renderer words them from its ja/en catalogs (`caseRules.<code>`), the CLI from `caseRuleEnglish`.
// Nothing here is a sentence that code branches on.
import type { RequestType } from './case-vocabulary.ts';

/** Why a move or an input is refused. Carried on a DeskErrorData as `rule`. */
export type CaseRuleRefusal =
  /** Deciding needs to know what was asked (訂正/追加/削除; 利用停止/消去/第三者提供停止). */
  | { code: 'KINDS_REQUIRED'; type: RequestType };

/** What a person should notice about a case, at intake and in its header. */
export type CaseFlag =
  /** The request did not say which sub-kind is asked; the decision will need it. */
  | { code: 'KINDS_NOT_KNOWN' }
  /** The due date falls after the Art. 39 two-week mark (arrival + 14 calendar days). */
  | { code: 'DUE_AFTER_LEGAL_MARK'; due: string; mark: string }
  /** Issue 19: an inquiry or complaint taken in without an email or postal address: no reply can be sent. */
  | { code: 'NO_CONTACT' };

/** A warning about one row of an import file (the row is imported unless told to skip it). */
export type ImportWarning = { code: 'DUPLICATE_OF_OPEN_CASE'; reference: string };

export type CaseRuleCode = CaseRuleRefusal | CaseFlag | ImportWarning;

/** English wording for the admin command line and for logs' DeskError.message. */
export function caseRuleEnglish(r: CaseRuleCode): string {
  switch (r.code) {
    case 'KINDS_REQUIRED':
      return `Record what the member asks for (the ${r.type} request's sub-kind) before deciding.`;
    case 'KINDS_NOT_KNOWN':
      return 'What the member asks for is not known yet; the decision needs it.';
    case 'DUE_AFTER_LEGAL_MARK':
      return `The due date ${r.due} is after the Article 39 two-week mark ${r.mark}.`;
    case 'NO_CONTACT':
      return 'No email or postal address: the reply cannot be sent until one is known.';
    case 'DUPLICATE_OF_OPEN_CASE':
      return `duplicates open case ${r.reference} (same member, same type)`;
  }
}
