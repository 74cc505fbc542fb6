// The English texts of the case rules; key for key the same as ja-case-rules.ts (tsc checks it).
import type { CaseRulesKey } from './ja-case-rules.ts';

export const enCaseRules: Record<CaseRulesKey, string> = {
  'caseRules.KINDS_REQUIRED': 'Before deciding, choose what the member asks for ({kinds}).',
  'caseRules.KINDS_NOT_KNOWN': 'What the member asks for ({kinds}) is not known yet. Find out and record it before deciding.',
  'caseRules.DUE_AFTER_LEGAL_MARK': 'The due date ({due}) is after the two-week mark ({mark}, APPI Art. 39). From the mark the member may sue for an answer.',
  'caseRules.DUPLICATE_OF_OPEN_CASE': 'May duplicate open case {reference} (same member, same type).',
  'caseRules.held.title': '{n} decided or approved cases kept their due date (the calendar would now give another):',
  'caseRules.held.item': 'due {due} (the calendar now gives {calendarDue})',
  'caseRules.proposed.rejection': 'Rejection decided (waiting for approval)',
  'caseRules.proposed.withdrawal': 'Withdrawal recorded (waiting for approval)',
  'caseRules.proposed.hint': 'A rejection, or a withdrawal without the member’s written withdrawal, is final only once a supervisor who did not decide it approves it, like a decision.',
  'caseRules.withdraw.written': 'The member’s written withdrawal has been received',
  'caseRules.withdraw.writtenHint': 'Without one (by phone, for example), another supervisor approves the withdrawal before it is final.',
  'caseRules.intake.kindsOptional': 'If not known yet, leave it empty: it is recorded before the decision.',
  'caseRules.decide.kinds': 'What the member asks for',
  'caseRules.kindsUnknown': 'Not known yet',
  'caseRules.legalMarkPassed': 'Two weeks passed',
  'caseRules.legalMarkPassedHint': 'Two weeks since arrival (APPI Art. 39) have passed and the member has not been notified',
  'caseRules.search.allTabs': 'Results for “{query}” (all tabs)',
  'caseRules.search.tab': 'Tab: {tab}',
  'caseRules.search.openHint': 'With a single result, Enter opens it.',
  'validation.pattern.memberKana': 'Enter the reading in kana (hiragana or katakana).',
  'validation.pattern.phone': 'A phone number has digits, hyphens and a leading + only (e.g. 03-1234-5678).',
  'event.rejection_proposed': 'Rejection decided (waiting for approval)',
  'event.withdrawal_proposed': 'Withdrawal recorded (waiting for approval)',
  'event.due_restored': 'Due date restored (a recompute after the clock stopped undone)',
};
