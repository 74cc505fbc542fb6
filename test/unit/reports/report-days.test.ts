// The report's memoised calendar lookups answer exactly what the calendar answers, for any pair of dates
// and any desk rules (closures make the law non-trivial): counting from a fixed origin and subtracting is
// the calendar's own count.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCalendar, japanDateOfMs, japanMidnightMs } from '../../../electron/core/calendar/index.ts';
import { reportDays } from '../../../electron/core/reports/classify.ts';

const date = fc.date({ min: new Date('2000-01-02T00:00:00Z'), max: new Date('2100-12-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('reportDays', () => {
  it('counts business days between two dates and gives closing time as the calendar does', () => {
    fc.assert(
      fc.property(fc.uniqueArray(date, { maxLength: 20 }), fc.array(fc.tuple(date, date), { minLength: 1, maxLength: 30 }), (closures, pairs) => {
        const calendar = buildCalendar({ closures: closures.map((d) => ({ date: d, reason: '休業' })) });
        const days = reportDays(calendar);
        for (const [a, b] of pairs) {
          const [after, through] = a <= b ? [a, b] : [b, a];
          expect(days.between(after, through)).toBe(calendar.countBusinessDays(after, through));
          expect(days.between(after, through)).toBe(days.between(after, through)); // memoised: same again
          expect(days.closingMs(through)).toBe(japanMidnightMs(through) + calendar.index.closeMsOfDay);
          // The Japan date of any instant of that day (memoised by day): midnight, and one millisecond before the next.
          expect([days.dateOf(japanMidnightMs(after)), days.dateOf(japanMidnightMs(after) + 86_400_000 - 1)]).toEqual([after, after]);
          expect(days.dateOf(japanMidnightMs(after) - 1)).toBe(japanDateOfMs(japanMidnightMs(after) - 1));
        }
      }),
      { numRuns: 60 },
    );
  });
});
