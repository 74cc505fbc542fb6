// One error class for the whole calendar: callers (contract, CLI) map `code` to their own error shape
// and can show `message` as is, so every message says what was wrong and what to do instead.
import type { CalendarProblem, Reason } from '../../contract/index.ts';

export type CalendarErrorCode = CalendarProblem;

export class CalendarError extends Error {
  code: CalendarErrorCode;
  /** The date a person needs to fix it (the current due date, the next business day), when there is one. */
  date: string | undefined;

  constructor(code: CalendarErrorCode, message: string, date?: string) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.date = date;
  }

  /** The refusal as the contract's code: `message` is for the CLI's calendar tool, not for staff. */
  toReason(): Reason {
    return this.date === undefined ? { code: 'DEADLINE_RULE', problem: this.code } : { code: 'DEADLINE_RULE', problem: this.code, date: this.date };
  }
}
