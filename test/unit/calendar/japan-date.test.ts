import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CalendarError,
  addCalendarDays,
  japanDateOf,
  parseInstant,
  parseIsoDate,
} from '../../../electron/core/calendar/index.ts';
import { civilFromDays, daysFromCivil, formatDay, weekdayOf } from '../../../electron/core/calendar/japan-date.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarError) return e.code;
    throw e;
  }
  return undefined;
}

describe('instants', () => {
  it('reads the offset so the same moment written three ways is the same instant', () => {
    const tokyo = parseInstant('2026-12-25T10:00:00+09:00');
    expect(parseInstant('2026-12-25T01:00:00Z')).toBe(tokyo);
    expect(parseInstant('2026-12-24T20:00:00-05:00')).toBe(tokyo);
    expect(parseInstant('2026-12-25T06:30:00+05:30')).toBe(tokyo);
    expect(tokyo).toBe(Date.parse('2026-12-25T01:00:00Z'));
  });

  it('accepts minutes-only times and fractions, truncating fractions to the millisecond', () => {
    expect(parseInstant('2026-12-25T10:00+09:00')).toBe(Date.parse('2026-12-25T01:00:00Z'));
    expect(parseInstant('2026-12-28T17:59:59.9999+09:00')).toBe(Date.parse('2026-12-28T08:59:59.999Z'));
  });

  it('refuses a time without an offset, naming the fix', () => {
    expect(codeOf(() => parseInstant('2026-12-25T10:00:00'))).toBe('MISSING_OFFSET');
    expect(() => parseInstant('2026-12-25T10:00:00')).toThrow(/2026-12-25T10:00:00\+09:00/);
  });

  it('refuses impossible dates, times and offsets, and non-ISO text', () => {
    for (const bad of [
      '2026-02-30T10:00:00+09:00',
      '2027-02-29T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-12-25T24:00:00Z',
      '2026-12-25T10:60:00Z',
      '2026-12-25T10:00:60Z',
      '2026-12-25T10:00:00+24:00',
      '2026-12-25',
      '2026-12-25 10:00:00+09:00',
      '25/12/2026 10:00',
      '',
    ]) {
      expect(codeOf(() => parseInstant(bad)), bad).toBe('INVALID_INSTANT');
    }
    expect(parseInstant('2028-02-29T10:00:00+09:00')).toBe(Date.parse('2028-02-29T01:00:00Z'));
  });

  it('gives the Japan date, which is a day ahead of UTC from 15:00 UTC', () => {
    expect(japanDateOf('2026-12-24T14:59:59Z')).toBe('2026-12-24');
    expect(japanDateOf('2026-12-24T15:00:00Z')).toBe('2026-12-25');
    expect(japanDateOf('2026-12-31T23:00:00-08:00')).toBe('2027-01-01');
    expect(japanDateOf(Date.parse('2026-05-02T02:00:00Z'))).toBe('2026-05-02');
    expect(japanDateOf(new Date('2026-05-02T20:00:00Z'))).toBe('2026-05-03');
  });
});

describe('calendar dates', () => {
  it('refuses dates that do not exist', () => {
    expect(codeOf(() => parseIsoDate('2026-02-30'))).toBe('INVALID_DATE');
    expect(codeOf(() => parseIsoDate('2100-02-29'))).toBe('INVALID_DATE'); // 2100 is not a leap year
    expect(codeOf(() => parseIsoDate('2026-2-3'))).toBe('INVALID_DATE');
    expect(parseIsoDate('2000-02-29')).toBe(daysFromCivil(2000, 2, 29));
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addCalendarDays('2028-02-20', 14)).toBe('2028-03-05');
    expect(addCalendarDays('2027-02-20', 14)).toBe('2027-03-06');
  });

  it('agrees with Date in UTC for every day 2000–2100 (weekday, formatting, round trip)', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(2000, 1, 1), max: daysFromCivil(2100, 12, 31) }), (day) => {
        const viaDate = new Date(day * 86_400_000);
        expect(formatDay(day)).toBe(viaDate.toISOString().slice(0, 10));
        expect(weekdayOf(day)).toBe(viaDate.getUTCDay());
        const { year, month, day: dom } = civilFromDays(day);
        expect(daysFromCivil(year, month, dom)).toBe(day);
        expect(parseIsoDate(formatDay(day))).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });
});
