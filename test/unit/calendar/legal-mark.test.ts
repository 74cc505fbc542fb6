import { describe, expect, it } from 'vitest';
import { legalMark, legalMarkStatus } from '../../../electron/core/calendar/index.ts';

describe('APPI Art. 39 legal mark', () => {
  it('is the Japan arrival date + 14 calendar days, closed days included', () => {
    expect(legalMark('2026-12-25T10:00:00+09:00')).toBe('2027-01-08');
    // 23:30 UTC on Dec 24 is already Dec 25 in Japan.
    expect(legalMark('2026-12-24T23:30:00Z')).toBe('2027-01-08');
    expect(legalMark('2026-12-24T14:59:59Z')).toBe('2027-01-07');
    // An arrival after hours or on a holiday does not shift it: it counts from arrival, not day 0.
    expect(legalMark('2026-05-02T23:00:00+09:00')).toBe('2026-05-16');
  });

  it('warns when the mark is near and says when it has passed', () => {
    const arrived = '2026-11-10T12:00:00+09:00'; // mark 2026-11-24
    expect(legalMarkStatus(arrived, '2026-11-20T09:00:00+09:00')).toEqual({ mark: '2026-11-24', daysLeft: 4, state: 'ok' });
    expect(legalMarkStatus(arrived, '2026-11-21T09:00:00+09:00').state).toBe('near');
    expect(legalMarkStatus(arrived, '2026-11-24T23:59:59+09:00')).toEqual({ mark: '2026-11-24', daysLeft: 0, state: 'near' });
    expect(legalMarkStatus(arrived, '2026-11-25T00:00:00+09:00')).toEqual({ mark: '2026-11-24', daysLeft: -1, state: 'passed' });
    // "now" in another zone is still judged by the Japan date: 15:00Z on the 24th is the 25th in Japan.
    expect(legalMarkStatus(arrived, '2026-11-24T15:00:00Z').state).toBe('passed');
    expect(legalMarkStatus(arrived, '2026-11-17T09:00:00+09:00', 7).state).toBe('near');
  });
});
