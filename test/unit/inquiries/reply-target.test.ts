// The reply target of an inquiry (3 business days) and a complaint (5) is counted with the requests'
// calendar, day 0 and closing-time rules (DOMAIN.md "Deadlines"): the worked examples below are the
// requests' own, with the targets' N.
import { describe, expect, it } from 'vitest';
import { buildCalendar, computeDeadline, daysForType } from '../../../electron/core/calendar/index.ts';

const cal = buildCalendar();
const target = (arrived: string, type: 'inquiry' | 'complaint', c = cal) => computeDeadline(c, arrived, daysForType(c, type));

describe('reply target of inquiries and complaints', () => {
  it('defaults to 3 business days for an inquiry and 5 for a complaint', () => {
    expect(daysForType(cal, 'inquiry')).toBe(3);
    expect(daysForType(cal, 'complaint')).toBe(5);
    expect(daysForType(cal, 'disclosure')).toBe(10);
  });

  it('skips December 29 – January 3', () => {
    // Fri 2026-12-25 10:00: day 0 that day; Mon 12-28, then closed until Mon 01-04.
    expect(target('2026-12-25T10:00:00+09:00', 'inquiry')).toMatchObject({ start: '2026-12-25', due: '2027-01-05' });
    expect(target('2026-12-25T10:00:00+09:00', 'complaint')).toMatchObject({ start: '2026-12-25', due: '2027-01-07' });
    // Arriving inside the closure: day 0 is the first business day of the year.
    expect(target('2026-12-30T11:00:00+09:00', 'inquiry')).toMatchObject({ start: '2027-01-04', due: '2027-01-07' });
  });

  it('skips Golden Week (May 3–6, 2026, with the substitute holiday)', () => {
    expect(target('2026-05-02T11:00:00+09:00', 'inquiry')).toMatchObject({ start: '2026-05-07', due: '2026-05-12' });
    expect(target('2026-05-02T11:00:00+09:00', 'complaint')).toMatchObject({ start: '2026-05-07', due: '2026-05-14' });
  });

  it('starts the next business day after closing time, whatever the PC’s time zone', () => {
    expect(target('2026-11-25T18:30:00+09:00', 'inquiry')).toMatchObject({ start: '2026-11-26', due: '2026-12-01' });
    // 18:00 exactly is after hours; the same instant written in UTC counts the same.
    expect(target('2026-11-25T09:00:00Z', 'complaint')).toMatchObject({ start: '2026-11-26', due: '2026-12-03' });
    expect(target('2026-11-25T17:59:00+09:00', 'inquiry')).toMatchObject({ start: '2026-11-25', due: '2026-11-30' });
  });

  it('follows the desk setting per type and the desk’s own closures', () => {
    const desk = buildCalendar({ daysByType: { inquiry: 1 }, closures: [{ date: '2026-11-26', reason: '研修' }] });
    expect(target('2026-11-25T10:00:00+09:00', 'inquiry', desk)).toMatchObject({ start: '2026-11-25', due: '2026-11-27' });
    expect(daysForType(desk, 'complaint')).toBe(5);
  });
});
