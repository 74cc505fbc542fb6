import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CalendarError, buildCalendar, defaultCalendar, type DeskCalendarRules } from '../../../electron/core/calendar/index.ts';
import { naiveIsClosed, naiveNextDay } from './naive-calendar.ts';

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
}

const cal = defaultCalendar();

describe('closed days', () => {
  it('lists weekends, holidays and Dec 29 – Jan 3 for 2026 in date order', () => {
    const days = cal.closedDays(2026);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    const nonWeekend = days.filter((d) => d.kind !== 'weekend').map((d) => `${d.date} ${d.kind}`);
    expect(nonWeekend).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 year-end',
      '2026-01-03 year-end', // a Saturday: the year-end closure is the more telling reason
      '2026-01-12 holiday',
      '2026-02-11 holiday',
      '2026-02-23 holiday',
      '2026-03-20 holiday',
      '2026-04-29 holiday',
      '2026-05-03 holiday', // a Sunday: the holiday wins over the weekend
      '2026-05-04 holiday',
      '2026-05-05 holiday',
      '2026-05-06 holiday',
      '2026-07-20 holiday',
      '2026-08-11 holiday',
      '2026-09-21 holiday',
      '2026-09-22 holiday',
      '2026-09-23 holiday',
      '2026-10-12 holiday',
      '2026-11-03 holiday',
      '2026-11-23 holiday',
      '2026-12-29 year-end',
      '2026-12-30 year-end',
      '2026-12-31 year-end',
    ]);
    expect(days).toHaveLength(23 + 104 - 2); // 104 weekend days, two of them listed above as a holiday/year-end
  });

  it('gives bilingual reasons', () => {
    expect(cal.closedDay('2026-05-06')).toEqual({
      date: '2026-05-06',
      kind: 'holiday',
      reasonJa: '憲法記念日 振替休日',
      reasonEn: 'Holiday in lieu',
      provisional: false,
    });
    expect(cal.closedDay('2026-12-30')).toMatchObject({ kind: 'year-end', reasonJa: '年末年始休業' });
    expect(cal.closedDay('2026-11-28')).toMatchObject({ kind: 'weekend', reasonJa: '土曜日', reasonEn: 'Saturday' });
    expect(cal.closedDay('2026-11-24')).toBeNull();
  });

  it('marks closed days that hang on an unannounced equinox', () => {
    expect(cal.closedDays(2027).filter((d) => d.provisional)).toEqual([]);
    expect(cal.closedDays(2032).filter((d) => d.provisional).map((d) => d.date)).toEqual([
      '2032-03-20',
      '2032-09-21',
      '2032-09-22',
    ]);
  });

  it('refuses years and dates outside 2000–2100', () => {
    expect(errorOf(() => cal.closedDays(1999)).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => cal.closedDays(2101)).message).toMatch(/2000 to 2100/);
    expect(errorOf(() => cal.isBusinessDay('1999-12-31')).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => cal.addBusinessDays('2100-12-20', 30)).code).toBe('OUT_OF_RANGE');
  });
});

describe('desk rules', () => {
  const rules: Partial<DeskCalendarRules> = {
    closures: [
      { date: '2026-12-01', reason: '社内研修', reasonEn: 'Staff training' },
      { date: '2026-11-28', reason: '事務所移転' },
    ],
    openDays: [{ date: '2026-12-29', reason: '年末特別対応' }],
  };
  const desk = buildCalendar(rules);

  it('closes the desk on its own closures and opens it on its open days', () => {
    expect(desk.closedDay('2026-12-01')).toMatchObject({ kind: 'desk', reasonJa: '社内研修', reasonEn: 'Staff training' });
    expect(desk.closedDay('2026-11-28')).toMatchObject({ kind: 'desk', reasonEn: '事務所移転' }); // a Saturday
    expect(desk.isBusinessDay('2026-12-29')).toBe(true);
    expect(desk.closedDays(2026).some((d) => d.date === '2026-12-29')).toBe(false);
    expect(cal.isBusinessDay('2026-12-01')).toBe(true); // the default calendar is untouched
  });

  it('also takes the English reason under the database column name reason_en', () => {
    const fromRows = buildCalendar({ closures: [{ date: '2026-12-01', reason: '社内研修', reason_en: 'Staff training' }] });
    expect(fromRows.closedDay('2026-12-01')).toMatchObject({ reasonJa: '社内研修', reasonEn: 'Staff training' });
    expect(fromRows.rules.closures).toEqual([{ date: '2026-12-01', reason: '社内研修', reasonEn: 'Staff training' }]);
  });

  it('moves business-day arithmetic with the rules', () => {
    expect(cal.addBusinessDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(desk.addBusinessDays('2026-11-30', 1)).toBe('2026-12-02');
    expect(cal.addBusinessDays('2026-12-28', 1)).toBe('2027-01-04');
    expect(desk.addBusinessDays('2026-12-28', 1)).toBe('2026-12-29');
  });

  it('refuses malformed or contradictory rules with a message naming the entry', () => {
    const bad: [Parameters<typeof buildCalendar>[0], RegExp][] = [
      [{ closures: [{ date: '2026-02-30', reason: 'x' }] }, /closures\[0\]\.date 2026-02-30/],
      [{ closures: [{ date: '2026-12-01', reason: ' ' }] }, /needs a reason/],
      [{ closures: [{ date: '1999-12-01', reason: 'x' }] }, /outside the supported calendar/],
      [
        { closures: [{ date: '2026-12-01', reason: 'x' }], openDays: [{ date: '2026-12-01', reason: 'y' }] },
        /both a desk closure and an open day/,
      ],
      [{ openDays: [{ date: '2026-12-29', reason: 'a' }, { date: '2026-12-29', reason: 'b' }] }, /listed twice/],
      [{ businessHours: { open: '18:00', close: '10:00' } }, /opening must be before closing/],
      [{ businessHours: { open: '10:00', close: '6pm' } }, /HH:MM/],
      [{ daysByType: { disclosure: -1, correction: 10, suspension: 10 } }, /daysByType\.disclosure/],
      [{ daysByType: { inquiry: 1.5 } }, /daysByType\.inquiry/],
    ];
    for (const [input, message] of bad) {
      const e = errorOf(() => buildCalendar(input));
      expect(e.code).toBe('INVALID_RULES');
      expect(e.message).toMatch(message);
    }
  });

  it('fills in the defaults of Art. 11 and DOMAIN.md', () => {
    expect(cal.rules).toEqual({
      closures: [],
      openDays: [],
      businessHours: { open: '10:00', close: '18:00' },
      daysByType: { disclosure: 10, correction: 10, suspension: 10, inquiry: 3, complaint: 5 },
    });
  });
});

describe('business-day arithmetic', () => {
  it('counts business days in (after, through]', () => {
    expect(cal.countBusinessDays('2026-12-25', '2027-01-07')).toBe(5);
    expect(cal.countBusinessDays('2026-05-01', '2026-05-07')).toBe(1);
    expect(cal.countBusinessDays('2026-11-24', '2026-11-24')).toBe(0);
    expect(cal.countBusinessDays('2026-11-27', '2026-11-29')).toBe(0); // a weekend
  });

  it('finds the next business day and the first on or after a date', () => {
    expect(cal.nextBusinessDay('2026-05-01')).toBe('2026-05-07');
    expect(cal.businessDayOnOrAfter('2026-05-01')).toBe('2026-05-01');
    expect(cal.businessDayOnOrAfter('2026-05-02')).toBe('2026-05-07');
    expect(cal.addBusinessDays('2026-05-02', 0)).toBe('2026-05-02');
  });

  it('matches a day-by-day walk for random dates, steps and desk rules', () => {
    const dateArb = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 5, 30) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 6 }),
        (date, n, deskOffsets) => {
          // Desk days near `date`, so they matter: even offsets become closures, odd ones open days.
          const near = (k: number) => new Date(Date.parse(`${date}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);
          const rules: Partial<DeskCalendarRules> = {
            closures: deskOffsets.filter((k) => k % 2 === 0).map((k) => ({ date: near(k), reason: 'closure' })),
            openDays: deskOffsets.filter((k) => k % 2 === 1).map((k) => ({ date: near(k), reason: 'open' })),
          };
          const desk = buildCalendar(rules);
          let expected = date;
          for (let i = 0; i < n; i++) {
            do expected = naiveNextDay(expected);
            while (naiveIsClosed(expected, rules));
          }
          expect(desk.addBusinessDays(date, n)).toBe(expected);
          expect(desk.isBusinessDay(date)).toBe(!naiveIsClosed(date, rules));
          if (n > 0) {
            expect(desk.countBusinessDays(date, expected)).toBe(n);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
