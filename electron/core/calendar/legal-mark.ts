// APPI Art. 39: a person may sue over a disclosure, correction or suspension request only once two weeks
// have passed since the request reached the business. The desk shows that mark and warns before it.
// The mark is the arrival's Japan date + 14 calendar days: it is not paused while the desk waits for the
// requester and does not skip closed days. Counting the period (Civil Code Art. 140, the first day is not
// counted), the two weeks end at the end of the mark day, so the mark is "passed" from the next day on.
import { CalendarError } from './errors.ts';
import { formatDay, instantMs, japanDayOf, type Instant, type IsoDate } from './japan-date.ts';

export const LEGAL_MARK_DAYS = 14;
export const DEFAULT_LEGAL_MARK_WARN_DAYS = 3;

/** The Art. 39 mark for a request that arrived at `arrivedAt`. */
export function legalMark(arrivedAt: Instant): IsoDate {
  return formatDay(japanDayOf(instantMs(arrivedAt, 'arrival time')) + LEGAL_MARK_DAYS);
}

export interface LegalMarkStatus {
  mark: IsoDate;
  /** Calendar days from today (Japan date) to the mark: 0 on the mark day, negative once passed. */
  daysLeft: number;
  /** near: within `warnDays` of the mark (mark day included); passed: the two weeks are over. */
  state: 'ok' | 'near' | 'passed';
}

export function legalMarkStatus(arrivedAt: Instant, now: Instant, warnDays = DEFAULT_LEGAL_MARK_WARN_DAYS): LegalMarkStatus {
  if (!Number.isInteger(warnDays) || warnDays < 0) {
    throw new CalendarError('INVALID_DAYS', `warning period must be a whole number of days 0 or more, not ${warnDays}`);
  }
  const markDay = japanDayOf(instantMs(arrivedAt, 'arrival time')) + LEGAL_MARK_DAYS;
  const daysLeft = markDay - japanDayOf(instantMs(now, 'current time'));
  return {
    mark: formatDay(markDay),
    daysLeft,
    state: daysLeft < 0 ? 'passed' : daysLeft <= warnDays ? 'near' : 'ok',
  };
}
