// The desk's own calendar settings, as plain data. Whoever stores them (the database, a settings file)
// hands them to buildCalendar(); this module only checks them and turns them into lookups, so a bad
// setting is refused with a message naming the entry at fault instead of silently skewing due dates.
import { isOneOf, keysOf } from '../../contract/records.ts';
import { CalendarError } from './errors.ts';
import { formatDay, parseIsoDate, type IsoDate } from './japan-date.ts';
import { assertSupportedDay } from './range.ts';
import { messageOf } from '../thrown.ts';

/**
 * Every case type with a business-day clock: the three requests (a deadline) and inquiries and complaints
 * (a reply target, issue 19), counted with the same calendar, day 0 and closing-time rules.
 */
export type RequestType = 'disclosure' | 'correction' | 'suspension' | 'inquiry' | 'complaint';
export const REQUEST_TYPES: readonly RequestType[] = ['disclosure', 'correction', 'suspension', 'inquiry', 'complaint'];
/** A type the desk counts days for (typed input, e.g. the CLI's --type). */
export function isRequestTypeName(type: string): type is RequestType {
  return isOneOf(REQUEST_TYPES, type);
}

export interface DeskDay {
  date: IsoDate;
  /** Shown to staff and, for closures, in the closed-day list. */
  reason: string;
  /** English for the bilingual listing; defaults to `reason`. */
  reasonEn?: string;
  /**
   * @deprecated the desk_days column's spelling, accepted so rules built straight from database rows
   * keep their English reason; write `reasonEn`.
   */
  reason_en?: string;
}

export interface BusinessHours {
  /** `HH:MM`, Japan time. */
  open: string;
  /** `HH:MM`, Japan time; a request arriving at or after this time starts the next business day. */
  close: string;
}

export interface DeskCalendarRules {
  /** Extra closed days (an office move, a training day). */
  closures: DeskDay[];
  /** Days that would be closed (weekend, holiday, year-end) but on which the desk opens. */
  openDays: DeskDay[];
  businessHours: BusinessHours;
  /** N of "due on the N-th business day after day 0", per request type (inquiries and complaints: the reply target). */
  daysByType: Record<RequestType, number>;
}

export const DEFAULT_DESK_RULES: Readonly<DeskCalendarRules> = Object.freeze({
  closures: [],
  openDays: [],
  businessHours: Object.freeze({ open: '10:00', close: '18:00' }),
  daysByType: Object.freeze({ disclosure: 10, correction: 10, suspension: 10, inquiry: 3, complaint: 5 }),
});

export interface CheckedDeskRules {
  rules: Readonly<DeskCalendarRules>;
  openMsOfDay: number;
  closeMsOfDay: number;
  closures: ReadonlyMap<number, DeskDay>;
  openDays: ReadonlyMap<number, DeskDay>;
}

function invalid(message: string): CalendarError {
  return new CalendarError('INVALID_RULES', message);
}

const HH_MM = /^(\d{2}):(\d{2})$/;

function parseClock(text: unknown, what: string): number {
  const m = typeof text === 'string' ? HH_MM.exec(text) : null;
  const h = m ? Number(m[1]) : NaN;
  const mi = m ? Number(m[2]) : NaN;
  if (!m || mi > 59 || h > 24 || (h === 24 && mi !== 0)) {
    throw invalid(`${what} ${JSON.stringify(text)} is not a time of day: write it as HH:MM, e.g. 18:00`);
  }
  return (h * 60 + mi) * 60_000;
}

function checkDays(list: unknown, what: 'closures' | 'openDays'): Map<number, DeskDay> {
  if (!Array.isArray(list)) throw invalid(`${what} must be a list of { date, reason }`);
  const days = new Map<number, DeskDay>();
  list.forEach((entry: unknown, i) => {
    const item = (entry ?? {}) as Partial<DeskDay>;
    const where = `${what}[${i}]`;
    let day: number;
    try {
      day = parseIsoDate(item.date, `${where}.date`);
      assertSupportedDay(day, `${where}.date`);
    } catch (e) {
      throw invalid(messageOf(e));
    }
    if (typeof item.reason !== 'string' || item.reason.trim() === '') {
      throw invalid(`${where} (${formatDay(day)}) needs a reason`);
    }
    const reasonEn: unknown = item.reasonEn ?? item.reason_en;
    if (reasonEn !== undefined && typeof reasonEn !== 'string') {
      throw invalid(`${where}.reasonEn must be text`);
    }
    if (days.has(day)) throw invalid(`${formatDay(day)} is listed twice in ${what}: keep one entry`);
    const clean: DeskDay = { date: formatDay(day), reason: item.reason.trim() };
    if (reasonEn?.trim()) clean.reasonEn = reasonEn.trim();
    days.set(day, Object.freeze(clean));
  });
  return days;
}

/** Fills in defaults, validates, and freezes desk rules. Throws CalendarError('INVALID_RULES'). */
export function checkDeskRules(input: Partial<Omit<DeskCalendarRules, 'daysByType'>> & { daysByType?: Partial<Record<RequestType, number>> } = {}): CheckedDeskRules {
  const closures = checkDays(input.closures ?? [], 'closures');
  const openDays = checkDays(input.openDays ?? [], 'openDays');
  for (const day of closures.keys()) {
    if (openDays.has(day)) {
      throw invalid(`${formatDay(day)} is both a desk closure and an open day: remove one of them`);
    }
  }

  const hours = input.businessHours ?? DEFAULT_DESK_RULES.businessHours;
  const openMsOfDay = parseClock(hours.open, 'businessHours.open');
  const closeMsOfDay = parseClock(hours.close, 'businessHours.close');
  if (openMsOfDay >= closeMsOfDay) {
    throw invalid(`business hours ${hours.open}–${hours.close} are empty: opening must be before closing`);
  }

  const daysByType = { ...DEFAULT_DESK_RULES.daysByType, ...input.daysByType };
  for (const type of keysOf(daysByType)) {
    const n = daysByType[type];
    if (!Number.isInteger(n) || n < 0) {
      throw invalid(`daysByType.${type} must be a whole number of business days (0 or more), not ${JSON.stringify(n)}`);
    }
  }

  const byDate = (a: DeskDay, b: DeskDay): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const rules: DeskCalendarRules = {
    closures: [...closures.values()].sort(byDate),
    openDays: [...openDays.values()].sort(byDate),
    businessHours: Object.freeze({ open: hours.open, close: hours.close }),
    daysByType: Object.freeze(daysByType),
  };
  Object.freeze(rules.closures);
  Object.freeze(rules.openDays);
  return { rules: Object.freeze(rules), openMsOfDay, closeMsOfDay, closures, openDays };
}
