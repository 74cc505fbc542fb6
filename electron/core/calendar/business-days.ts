// The business-day index: which Japan dates the desk is open, precomputed for every supported day.
//
// A due date is "the N-th business day after day 0"; walking day by day and asking "is this a holiday?"
// costs O(N) lookups per case and is re-done for every case on every screen. Instead each calendar keeps
//   bizDays[k]    = the k-th business day (as an offset from the first supported day), and
//   cumBefore[i]  = how many business days come before offset i,
// so "N-th business day after d" is bizDays[cumBefore[d] + N] — two array reads. Both arrays are rebuilt
// (a few milliseconds) whenever the desk's rules change; the national part is built once per process.
import { CalendarError } from './errors.ts';
import { civilFromDays, formatDay, parseIsoDate, weekdayOf, type IsoDate } from './japan-date.ts';
import { nationalHolidays, type Holiday } from './holidays.ts';
import { equinoxSensitiveDays } from './holiday-law.ts';
import { holidaysFromFile, knownThroughOf } from './holiday-file.ts';
import type { HolidayDay } from '../../contract/holidays.ts';
import { checkDeskRules, type DeskCalendarRules, type DeskDay } from './desk-rules.ts';
import {
  FIRST_SUPPORTED_DAY,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_DAY,
  LAST_SUPPORTED_YEAR,
  assertSupportedDay,
  assertSupportedYear,
} from './range.ts';

export type ClosedKind = 'weekend' | 'holiday' | 'year-end' | 'desk';

export interface ClosedDay {
  date: IsoDate;
  /**
   * Why the desk is closed. When several reasons apply the most informative wins:
   * holiday > year-end > desk > weekend (a Saturday holiday is listed as the holiday; a desk closure
   * on a Saturday as the desk's own reason; January 1 as New Year's Day rather than the year-end).
   */
  kind: ClosedKind;
  reasonJa: string;
  reasonEn: string;
  /** The closure depends on an equinox date not yet announced by the government. */
  provisional: boolean;
}

export interface BusinessDayIndex {
  /** Day number (days since 1970-01-01) of offset 0. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** 1 where the desk is closed, by offset. */
  readonly closed: Uint8Array;
  /** cumBefore[i] = business days at offsets < i; length = days + 1. */
  readonly cumBefore: Int32Array;
  /** Offsets of the business days, ascending. */
  readonly bizDays: Int32Array;
  /** provisionalBefore[i] = provisional-sensitive days at offsets < i (see buildBase). */
  readonly provisionalBefore: Int32Array;
  /** Japan closing time, milliseconds after midnight. */
  readonly closeMsOfDay: number;
  readonly openMsOfDay: number;
}

export interface DeskCalendar {
  /** The desk rules this calendar was built from, with defaults filled in. */
  readonly rules: Readonly<DeskCalendarRules>;
  readonly index: BusinessDayIndex;
  isBusinessDay(date: IsoDate): boolean;
  /** Why the desk is closed on `date`, or null if it is open. */
  closedDay(date: IsoDate): ClosedDay | null;
  /** Every closed day of `year`, in date order. */
  closedDays(year: number): ClosedDay[];
  /** The first business day on or after `date`. */
  businessDayOnOrAfter(date: IsoDate): IsoDate;
  /** The first business day strictly after `date`. */
  nextBusinessDay(date: IsoDate): IsoDate;
  /** The n-th business day strictly after `date`; n = 0 returns `date` unchanged. */
  addBusinessDays(date: IsoDate, n: number): IsoDate;
  /** Business days in (after, through]; negative when `through` is before `after`. */
  countBusinessDays(after: IsoDate, through: IsoDate): number;
  /** Whether any day in [from, to] could change once a pending equinox is announced. */
  isProvisionalBetween(from: IsoDate, to: IsoDate): boolean;
  /** The last year whose national holidays are certain (announced, or imported from the Cabinet Office). */
  readonly knownThrough: number;
  /** The years whose national holidays come from an imported Cabinet Office list. */
  readonly importedYears: readonly number[];
}

/**
 * National holidays imported from the Cabinet Office's list (holiday-file.ts): for every year they
 * cover they replace the built-in days, names and provisional flags.
 */
export interface ImportedHolidays {
  days: readonly HolidayDay[];
}

const DAYS = LAST_SUPPORTED_DAY - FIRST_SUPPORTED_DAY + 1;
const YEAR_END = { ja: '年末年始休業', en: 'Year-end and New Year closure' };
const WEEKEND_NAMES: Record<number, { ja: string; en: string }> = {
  0: { ja: '日曜日', en: 'Sunday' },
  6: { ja: '土曜日', en: 'Saturday' },
};

interface Base {
  /** 1 = closed by the national calendar (weekend, holiday, Dec 29 – Jan 3). */
  closed: Uint8Array;
  holidays: (Holiday | undefined)[];
  yearEnd: Uint8Array;
  /**
   * 1 for provisional holidays and the days next to them: an announced equinox can differ from the
   * formula by a day, moving the holiday (and its substitute or citizens' holiday) to a neighbour.
   */
  provisionalSensitive: Uint8Array;
  isoDates: string[];
}

let base: Base | undefined;

function buildBase(): Base {
  const closed = new Uint8Array(DAYS);
  const yearEnd = new Uint8Array(DAYS);
  const provisionalSensitive = new Uint8Array(DAYS);
  const holidays: (Holiday | undefined)[] = new Array<Holiday | undefined>(DAYS).fill(undefined);
  const isoDates = new Array<string>(DAYS);
  for (let year = FIRST_SUPPORTED_YEAR; year <= LAST_SUPPORTED_YEAR; year++) {
    // Days that become or stop being holidays if an unannounced equinox moves by a day (holiday-law.ts).
    for (const day of equinoxSensitiveDays(year)) {
      const offset = day - FIRST_SUPPORTED_DAY;
      if (offset >= 0 && offset < DAYS) provisionalSensitive[offset] = 1;
    }
    for (const h of nationalHolidays(year)) {
      const offset = parseIsoDate(h.date) - FIRST_SUPPORTED_DAY;
      holidays[offset] = h;
      closed[offset] = 1;
      if (h.provisional) {
        for (let o = Math.max(0, offset - 1); o <= Math.min(DAYS - 1, offset + 1); o++) provisionalSensitive[o] = 1;
      }
    }
  }
  for (let offset = 0; offset < DAYS; offset++) {
    const day = FIRST_SUPPORTED_DAY + offset;
    isoDates[offset] = formatDay(day);
    const weekday = weekdayOf(day);
    if (weekday === 0 || weekday === 6) closed[offset] = 1;
    const { month, day: dom } = civilFromDays(day);
    if ((month === 12 && dom >= 29) || (month === 1 && dom <= 3)) {
      closed[offset] = 1;
      yearEnd[offset] = 1;
    }
  }
  return { closed, holidays, yearEnd, provisionalSensitive, isoDates };
}

function getBase(): Base {
  base ??= buildBase();
  return base;
}

/** The Japan date of a day number, from a precomputed table inside the supported range. */
export function isoDateOfDay(day: number): IsoDate {
  const offset = day - FIRST_SUPPORTED_DAY;
  return offset >= 0 && offset < DAYS ? (getBase().isoDates[offset] as string) : formatDay(day);
}

export function beyondRangeError(what: string): CalendarError {
  return new CalendarError(
    'OUT_OF_RANGE',
    `${what} would fall after ${formatDay(LAST_SUPPORTED_DAY)}, the end of the supported calendar: check the date and the number of days`,
  );
}

/** Builds the calendar for a desk's rules (defaults: no closures, 10:00–18:00, 10 days per type). */
export function buildCalendar(input?: Parameters<typeof checkDeskRules>[0], imported?: ImportedHolidays): DeskCalendar {
  const checked = checkDeskRules(input);
  const b = getBase();

  const closed = b.closed.slice();
  let holidays = b.holidays;
  let provisionalSensitive = b.provisionalSensitive;
  const importedYears = [...new Set((imported?.days ?? []).map((d) => Number(d.date.slice(0, 4))))].sort((x, y) => x - y);
  if (importedYears.length > 0) {
    holidays = b.holidays.slice();
    provisionalSensitive = b.provisionalSensitive.slice();
    for (const year of importedYears) {
      assertSupportedYear(year);
      const from = parseIsoDate(`${year}-01-01`) - FIRST_SUPPORTED_DAY;
      const to = parseIsoDate(`${year}-12-31`) - FIRST_SUPPORTED_DAY;
      for (let o = from; o <= to; o++) {
        if (holidays[o]) {
          holidays[o] = undefined;
          const weekday = weekdayOf(o + FIRST_SUPPORTED_DAY);
          closed[o] = weekday === 0 || weekday === 6 || b.yearEnd[o] === 1 ? 1 : 0;
        }
        // The year's equinoxes are announced: nothing in it is provisional any more.
        provisionalSensitive[o] = 0;
      }
      for (const h of holidaysFromFile(year, imported!.days)) {
        const o = parseIsoDate(h.date) - FIRST_SUPPORTED_DAY;
        holidays[o] = Object.freeze(h);
        closed[o] = 1;
      }
    }
  }
  for (const day of checked.closures.keys()) closed[day - FIRST_SUPPORTED_DAY] = 1;
  for (const day of checked.openDays.keys()) closed[day - FIRST_SUPPORTED_DAY] = 0;

  const cumBefore = new Int32Array(DAYS + 1);
  const provisionalBefore = new Int32Array(DAYS + 1);
  let count = 0;
  for (let o = 0; o < DAYS; o++) {
    cumBefore[o] = count;
    if (closed[o] === 0) count++;
    provisionalBefore[o + 1] = (provisionalBefore[o] as number) + (provisionalSensitive[o] as number);
  }
  cumBefore[DAYS] = count;
  const bizDays = new Int32Array(count);
  for (let o = 0, k = 0; o < DAYS; o++) if (closed[o] === 0) bizDays[k++] = o;

  const index: BusinessDayIndex = Object.freeze({
    firstDay: FIRST_SUPPORTED_DAY,
    lastDay: LAST_SUPPORTED_DAY,
    closed,
    cumBefore,
    bizDays,
    provisionalBefore,
    closeMsOfDay: checked.closeMsOfDay,
    openMsOfDay: checked.openMsOfDay,
  });

  const offsetOf = (date: IsoDate, what = 'date'): number => {
    const day = parseIsoDate(date, what);
    assertSupportedDay(day, what);
    return day - FIRST_SUPPORTED_DAY;
  };
  const isoOf = (offset: number): IsoDate => b.isoDates[offset] as string;
  const nthBusinessOffset = (k: number, what: string): number => {
    const o = bizDays[k];
    if (o === undefined) throw beyondRangeError(what);
    return o;
  };

  const describe = (offset: number): ClosedDay | null => {
    if (closed[offset] === 0) return null;
    const date = isoOf(offset);
    const holiday = holidays[offset];
    if (holiday) {
      return { date, kind: 'holiday', reasonJa: holiday.nameJa, reasonEn: holiday.nameEn, provisional: holiday.provisional };
    }
    if (b.yearEnd[offset] === 1) {
      return { date, kind: 'year-end', reasonJa: YEAR_END.ja, reasonEn: YEAR_END.en, provisional: false };
    }
    const desk: DeskDay | undefined = checked.closures.get(offset + FIRST_SUPPORTED_DAY);
    if (desk) {
      return { date, kind: 'desk', reasonJa: desk.reason, reasonEn: desk.reasonEn ?? desk.reason, provisional: false };
    }
    const weekend = WEEKEND_NAMES[weekdayOf(offset + FIRST_SUPPORTED_DAY)];
    if (!weekend) throw new Error(`closed day ${date} has no reason`); // unreachable by construction
    return { date, kind: 'weekend', reasonJa: weekend.ja, reasonEn: weekend.en, provisional: false };
  };

  return Object.freeze({
    rules: checked.rules,
    index,
    knownThrough: knownThroughOf(importedYears),
    importedYears: Object.freeze(importedYears),
    isBusinessDay: (date: IsoDate) => closed[offsetOf(date)] === 0,
    closedDay: (date: IsoDate) => describe(offsetOf(date)),
    closedDays: (year: number) => {
      assertSupportedYear(year);
      const from = parseIsoDate(`${year}-01-01`) - FIRST_SUPPORTED_DAY;
      const to = parseIsoDate(`${year}-12-31`) - FIRST_SUPPORTED_DAY;
      const list: ClosedDay[] = [];
      for (let o = from; o <= to; o++) {
        const c = describe(o);
        if (c) list.push(c);
      }
      return list;
    },
    businessDayOnOrAfter: (date: IsoDate) => {
      const o = offsetOf(date);
      return isoOf(nthBusinessOffset(cumBefore[o] as number, `the first business day on or after ${date}`));
    },
    nextBusinessDay: (date: IsoDate) => {
      const o = offsetOf(date);
      return isoOf(nthBusinessOffset(cumBefore[o + 1] as number, `the business day after ${date}`));
    },
    addBusinessDays: (date: IsoDate, n: number) => {
      if (!Number.isInteger(n) || n < 0) {
        throw new CalendarError('INVALID_DAYS', `number of business days must be a whole number 0 or more, not ${n}`);
      }
      const o = offsetOf(date);
      if (n === 0) return isoOf(o);
      return isoOf(nthBusinessOffset((cumBefore[o + 1] as number) + n - 1, `${n} business days after ${date}`));
    },
    countBusinessDays: (after: IsoDate, through: IsoDate) =>
      (cumBefore[offsetOf(through) + 1] as number) - (cumBefore[offsetOf(after) + 1] as number),
    isProvisionalBetween: (from: IsoDate, to: IsoDate) => {
      const a = offsetOf(from);
      const z = offsetOf(to);
      return (provisionalBefore[z + 1] as number) - (provisionalBefore[a] as number) > 0;
    },
  });
}

let defaultCal: DeskCalendar | undefined;

/** The calendar with default desk rules, built once per process. */
export function defaultCalendar(): DeskCalendar {
  defaultCal ??= buildCalendar();
  return defaultCal;
}
