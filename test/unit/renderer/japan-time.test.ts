// Screens word instants in Japan time by arithmetic (UTC+9, no summer time since 1951): the same answer as
// Intl's Asia/Tokyo zone for every instant the desk can hold, whatever zone the PC is set to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateTime, japanParts } from '../../../renderer/src/i18n/format.ts';

const tokyo = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const viaIntl = (when: Date) => {
  const parts = tokyo.formatToParts(when);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
};

describe('Japan date and time of an instant', () => {
  it('agrees with the Asia/Tokyo zone from 1970 to 2199', () => {
    const from = Date.UTC(1970, 0, 1);
    const to = Date.UTC(2199, 11, 31, 23, 59);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        expect(japanParts(new Date(ms))).toEqual(viaIntl(new Date(ms)));
      }),
      { numRuns: 5000 },
    );
  });

  it('turns the day at 15:00 UTC (midnight in Japan), the year-end closure included', () => {
    expect(japanParts(new Date('2026-12-28T14:59:59Z'))).toEqual({ date: '2026-12-28', time: '23:59' });
    expect(japanParts(new Date('2026-12-28T15:00:00Z'))).toEqual({ date: '2026-12-29', time: '00:00' });
    expect(formatDateTime('ja', '2026-12-31T15:30:00Z')).toBe('2027/01/01(金) 00:30');
    expect(formatDateTime('en', '2026-12-31T15:30:00Z')).toBe('Fri 1 Jan 2027 00:30');
  });
});
