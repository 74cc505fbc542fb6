// Japan dates as plain day numbers (days since 1970-01-01), computed with integer arithmetic.
//
// Why not Date/dayjs: Japan has been UTC+09:00 all year since 1951 (no daylight saving), so the Japan
// date of an instant is floor((epochMs + 9h) / 1 day) — exact, independent of the PC's TZ setting,
// and cheap enough for the deadline hot path. `Date`'s local getters would follow the PC's zone, and
// Date.UTC maps years 0–99 to 1900–1999; the civil <-> day-number conversions below have neither trap.
import { CalendarError } from './errors.ts';

/** A Japan calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant: ISO 8601 with an explicit offset (`…+09:00`, `…Z`), epoch milliseconds, or a Date. */
export type Instant = string | number | Date;

export const DAY_MS = 86_400_000;
export const JST_OFFSET_MS = 9 * 3_600_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, exact for any year).
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDay(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict `YYYY-MM-DD` into a day number; `what` names the value in the error message. */
export function parseIsoDate(text: unknown, what = 'date'): number {
  const m = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!m) {
    throw new CalendarError('INVALID_DATE', `${what} ${JSON.stringify(text)} is not a date: write it as YYYY-MM-DD, e.g. 2026-12-25`);
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarError('INVALID_DATE', `${what} ${text} does not exist in the calendar: check the month and day`);
  }
  return daysFromCivil(year, month, day);
}

// Seconds and fractions are optional (ISO 8601 allows hh:mm); the offset group is optional in the
// pattern only so that a missing offset gets its own, more helpful message.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}:\d{2})?$/;

/** Parses an ISO 8601 date-time that carries its UTC offset; returns epoch milliseconds. */
export function parseInstant(text: unknown, what = 'time'): number {
  const m = typeof text === 'string' ? ISO_INSTANT.exec(text) : null;
  if (!m) {
    throw new CalendarError(
      'INVALID_INSTANT',
      `${what} ${JSON.stringify(text)} is not an ISO 8601 date-time: write it like 2026-12-25T10:00:00+09:00`,
    );
  }
  const [, ys, mos, ds, hs, mis, ss, frac, offset] = m;
  if (offset === undefined) {
    throw new CalendarError(
      'MISSING_OFFSET',
      `${what} ${text} has no UTC offset, so it could mean a different moment on each PC: add one, e.g. ${text}+09:00 for Japan time or ${text}Z for UTC`,
    );
  }
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarError('INVALID_INSTANT', `${what} ${text} names a date that does not exist: check the month and day`);
  }
  if (hour > 23 || minute > 59 || second > 59) {
    throw new CalendarError('INVALID_INSTANT', `${what} ${text} has an impossible time of day: use 00:00:00 to 23:59:59`);
  }
  let offsetMinutes = 0;
  if (offset !== 'Z' && offset !== 'z') {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) {
      throw new CalendarError('INVALID_INSTANT', `${what} ${text} has an impossible UTC offset ${offset}`);
    }
    offsetMinutes = (offset[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // Truncate (never round) fractions to milliseconds: 17:59:59.9999 is still before 18:00.
  const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  return (
    daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis
  );
}

/** Epoch milliseconds of an Instant; strings must carry an offset. */
export function instantMs(at: Instant, what = 'time'): number {
  if (typeof at === 'number') {
    if (!Number.isFinite(at)) throw new CalendarError('INVALID_INSTANT', `${what} ${at} is not a finite epoch time`);
    return at;
  }
  if (at instanceof Date) return instantMs(at.getTime(), what);
  return parseInstant(at, what);
}

export function japanDayOf(epochMs: number): number {
  return Math.floor((epochMs + JST_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since midnight, Japan time. */
export function japanMsOfDay(epochMs: number): number {
  const t = epochMs + JST_OFFSET_MS;
  return t - Math.floor(t / DAY_MS) * DAY_MS;
}

export function japanDateOf(at: Instant): IsoDate {
  return formatDay(japanDayOf(instantMs(at)));
}

/** `YYYY-MM-DDTHH:MM:SS+09:00` for a day number and a time of day in Japan. */
export function formatJapanDateTime(dayNumber: number, msOfDay: number): string {
  const totalSeconds = Math.floor(msOfDay / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const mi = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${formatDay(dayNumber)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}+09:00`;
}

/** The Japan date of an epoch time: the hot path for stored UTC ISO strings (Date.parse, no regex). */
export function japanDateOfMs(epochMs: number): IsoDate {
  return formatDay(japanDayOf(epochMs));
}

/** The instant (epoch ms) a Japan date begins: its 00:00 in Tokyo, whatever the PC's zone. */
export function japanMidnightMs(date: IsoDate): number {
  return parseIsoDate(date) * DAY_MS - JST_OFFSET_MS;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return formatDay(parseIsoDate(date) + days);
}
