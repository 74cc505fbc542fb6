// One error class for the whole calendar: callers (contract, CLI) map `code` to their own error shape
// and can show `message` as is, so every message says what was wrong and what to do instead.
export type CalendarErrorCode =
  | 'INVALID_DATE' // not a real YYYY-MM-DD date
  | 'INVALID_INSTANT' // not an ISO 8601 date-time
  | 'MISSING_OFFSET' // a date-time without Z or ±HH:MM: ambiguous on a PC in another time zone
  | 'OUT_OF_RANGE' // outside the supported years
  | 'INVALID_DAYS' // N is not a non-negative integer
  | 'INVALID_RULES' // desk calendar rules malformed or contradictory
  | 'INVALID_HISTORY' // a stored deadline history that cannot have been recorded through validation
  | 'REASON_REQUIRED'
  | 'BACKDATED'
  | 'FUTURE_DATED'
  | 'OUT_OF_ORDER' // an event earlier than the arrival or the previous event
  | 'RESUME_BEFORE_PAUSE'
  | 'ALREADY_PAUSED'
  | 'NOT_PAUSED'
  | 'EXTENSION_NOT_LATER'
  | 'EXTENSION_ON_CLOSED_DAY';

export class CalendarError extends Error {
  code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
  }
}
