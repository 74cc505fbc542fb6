// Dates as notices print them: the Japanese era (令和, with 元年 for an era's first year) and the Western
// form, always the Japan date of an instant.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bilingualDate, eraDate, westernDate, yen } from '../../../electron/core/notices/dates.ts';

describe('era dates', () => {
  it('令和8年11月24日 / 24 November 2026', () => {
    expect(eraDate('2026-11-24')).toBe('令和8年11月24日');
    expect(westernDate('2026-11-24')).toBe('24 November 2026');
    expect(bilingualDate('2026-11-24')).toEqual({ ja: '令和8年11月24日', en: '24 November 2026' });
  });

  it('the 平成 → 令和 boundary: 2019-04-30 is 平成31年, 2019-05-01 is 令和元年', () => {
    expect(eraDate('2019-04-30')).toBe('平成31年4月30日');
    expect(eraDate('2019-05-01')).toBe('令和元年5月1日');
    expect(eraDate('2019-12-31')).toBe('令和元年12月31日');
    expect(eraDate('2020-01-01')).toBe('令和2年1月1日');
    expect(westernDate('2019-05-01')).toBe('1 May 2019');
    // And the one before: 昭和64年1月7日, 平成元年1月8日.
    expect(eraDate('1989-01-07')).toBe('昭和64年1月7日');
    expect(eraDate('1989-01-08')).toBe('平成元年1月8日');
  });

  it('an instant is dated by its Japan date, whatever the time zone of the PC', () => {
    // 00:30 on 1 May 2019 in Tokyo is still 30 April in UTC.
    expect(eraDate('2019-04-30T15:30:00Z')).toBe('令和元年5月1日');
    expect(eraDate(new Date('2019-04-30T14:59:59Z'))).toBe('平成31年4月30日');
    expect(westernDate('2026-12-31T16:00:00Z')).toBe('1 January 2027');
    expect(eraDate('2026-11-24T09:30:00+09:00')).toBe('令和8年11月24日');
  });

  it('every day of 令和 has year (Western year − 2018), 元 for the first', () => {
    const first = Date.UTC(2019, 4, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 40 }), (offset) => {
        const d = new Date(first + offset * 86_400_000);
        const iso = d.toISOString().slice(0, 10);
        const year = d.getUTCFullYear() - 2018;
        const era = eraDate(iso);
        expect(era).toBe(`令和${year === 1 ? '元' : year}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`);
      }),
    );
  });

  it('yen', () => {
    expect(yen(1000)).toEqual({ ja: '1,000円', en: '¥1,000' });
  });
});
