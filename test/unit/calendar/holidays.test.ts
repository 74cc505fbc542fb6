import { describe, expect, it } from 'vitest';
import {
  HOLIDAY_DATA_YEARS,
  LAST_ANNOUNCED_EQUINOX_YEAR,
  autumnalEquinoxDay,
  dataSetHolidays,
  formatDay,
  lawHolidays,
  nationalHolidays,
  vernalEquinoxDay,
  type Holiday,
} from '../../../electron/core/calendar/index.ts';

function holidayOn(date: string): Holiday | undefined {
  return nationalHolidays(Number(date.slice(0, 4))).find((h) => h.date === date);
}

describe('national holidays', () => {
  it('knows the data set covers 1970–2050, so 2051–2100 come from the law', () => {
    expect(HOLIDAY_DATA_YEARS).toEqual({ first: 1970, last: 2050 });
    expect(nationalHolidays(2050)[0]?.source).toBe('holiday_jp');
    expect(nationalHolidays(2051)[0]?.source).toBe('law');
  });

  it('has the substitute holiday of 2026: Sunday May 3 moves to Wednesday May 6', () => {
    expect(holidayOn('2026-05-06')).toMatchObject({ kind: 'substitute', nameJa: '憲法記念日 振替休日', provisional: false });
    expect(holidayOn('2026-05-07')).toBeUndefined();
  });

  it("has the citizens' holidays between Respect for the Aged Day and the autumnal equinox", () => {
    expect(holidayOn('2026-09-22')).toMatchObject({ kind: 'citizens', nameJa: '休日', provisional: false });
    // 2032 and 2049 depend on equinoxes not yet announced.
    expect(holidayOn('2032-09-21')).toMatchObject({ kind: 'citizens', provisional: true });
    expect(holidayOn('2049-09-21')).toMatchObject({ kind: 'citizens', provisional: true });
    expect(holidayOn('2032-09-20')?.nameJa).toBe('敬老の日');
    expect(holidayOn('2032-09-22')?.nameJa).toBe('秋分の日');
  });

  it('flags equinox days as provisional only after the last announced year', () => {
    expect(LAST_ANNOUNCED_EQUINOX_YEAR).toBe(2027);
    expect(holidayOn('2027-03-21')).toMatchObject({ nameJa: '春分の日', provisional: false });
    expect(holidayOn('2027-03-22')).toMatchObject({ kind: 'substitute', provisional: false });
    expect(holidayOn('2027-09-23')).toMatchObject({ nameJa: '秋分の日', provisional: false });
    expect(holidayOn('2028-03-20')).toMatchObject({ nameJa: '春分の日', provisional: true });
    expect(holidayOn('2028-09-22')).toMatchObject({ nameJa: '秋分の日', provisional: true });
    expect(holidayOn('2028-01-01')).toMatchObject({ provisional: false });
    expect(holidayOn('2060-03-20')).toMatchObject({ source: 'law', provisional: true });
  });

  it('encodes the one-off special acts as named exceptions', () => {
    const y2019 = lawHolidays(2019).map((h) => `${formatDay(h.day)} ${h.kind}`);
    expect(y2019).toEqual(
      expect.arrayContaining(['2019-04-30 citizens', '2019-05-01 special', '2019-05-02 citizens', '2019-10-22 special']),
    );
    expect(y2019.some((d) => d.startsWith('2019-12-23') || d.startsWith('2019-02-23'))).toBe(false); // no Emperor's Birthday in 2019
    const olympics = (year: number) =>
      lawHolidays(year)
        .filter((h) => ['海の日', 'スポーツの日', '山の日'].includes(h.nameJa) || h.nameJa === '山の日 振替休日')
        .map((h) => `${formatDay(h.day)} ${h.nameJa}`);
    expect(olympics(2020)).toEqual(['2020-07-23 海の日', '2020-07-24 スポーツの日', '2020-08-10 山の日']);
    expect(olympics(2021)).toEqual(['2021-07-22 海の日', '2021-07-23 スポーツの日', '2021-08-08 山の日', '2021-08-09 山の日 振替休日']);
    expect(olympics(2022)).toEqual(['2022-07-18 海の日', '2022-08-11 山の日', '2022-10-10 スポーツの日']);
  });

  it('applies the pre-2007 rules: no May 4 holiday on a Sunday, substitute only on Monday', () => {
    expect(lawHolidays(2003).some((h) => formatDay(h.day) === '2003-05-04')).toBe(false);
    expect(lawHolidays(2002).find((h) => formatDay(h.day) === '2002-09-16')?.kind).toBe('substitute');
    expect(lawHolidays(2000).find((h) => formatDay(h.day) === '2000-05-04')?.kind).toBe('citizens');
  });

  it('computes law years with the Happy Monday and equinox rules (2051, 2100)', () => {
    const y2051 = nationalHolidays(2051).map((h) => `${h.date} ${h.nameJa}`);
    expect(y2051).toContain('2051-01-09 成人の日'); // 2nd Monday
    expect(y2051).toContain('2051-07-17 海の日'); // 3rd Monday
    expect(y2051).toContain('2051-09-18 敬老の日');
    expect(y2051).toContain('2051-10-09 スポーツの日');
    expect(y2051).toContain(`2051-03-${vernalEquinoxDay(2051)} 春分の日`);
    // 2100 is not a leap year, so the formula switches constants: the first set would give 19 and 22.
    expect([vernalEquinoxDay(2100), autumnalEquinoxDay(2100)]).toEqual([20, 23]);
    expect([vernalEquinoxDay(2026), autumnalEquinoxDay(2026)]).toEqual([20, 23]);
  });

  it('gives every law year 2000–2100 a plausible set: 15–22 holidays, none twice, all in that year', () => {
    for (let year = 2000; year <= 2100; year++) {
      const dates = lawHolidays(year).map((h) => formatDay(h.day));
      expect(new Set(dates).size, String(year)).toBe(dates.length);
      expect(dates.length, String(year)).toBeGreaterThanOrEqual(15);
      expect(dates.length, String(year)).toBeLessThanOrEqual(22);
      expect(dates.every((d) => d.startsWith(String(year))), String(year)).toBe(true);
    }
  });
});

// The data set's own labels that differ from the law engine's, each checked by hand:
// May 6 credited to こどもの日 although another Golden Week holiday fell on the Sunday (the data set
// fixed this for 2020 only, holiday_jp PR #107), and its wording for 2019's one-off days.
const GOLDEN_WEEK_LABELS = [2008, 2009, 2014, 2015, 2025, 2026, 2031, 2036, 2037, 2042, 2043, 2048].map((y) => `${y}-05-06`);
const KNOWN_LABEL_DIFFERENCES = new Set([...GOLDEN_WEEK_LABELS, '2019-04-30', '2019-05-01', '2019-05-02', '2019-10-14', '2019-10-22']);

describe('the holiday data set and the law rules agree', () => {
  const years: number[] = [];
  for (let y = Math.max(2000, HOLIDAY_DATA_YEARS.first); y <= Math.min(2100, HOLIDAY_DATA_YEARS.last); y++) years.push(y);

  it.each(years)('%i: same days, same kinds, same provisional flags', (year) => {
    const law = lawHolidays(year).map((h) => `${formatDay(h.day)} ${h.kind} ${h.provisional}`);
    const data = (dataSetHolidays(year) ?? []).map((h) => `${h.date} ${h.kind} ${h.provisional}`);
    expect(data).toEqual(law);
  });

  it.each(years)('%i: same names, apart from the listed data set labels', (year) => {
    const data = new Map((dataSetHolidays(year) ?? []).map((h) => [h.date, `${h.nameJa} / ${h.nameEn}`]));
    for (const h of lawHolidays(year)) {
      const date = formatDay(h.day);
      const same = data.get(date) === `${h.nameJa} / ${h.nameEn}`;
      expect(same, `${date}: data set "${data.get(date)}", law "${h.nameJa} / ${h.nameEn}"`).toBe(!KNOWN_LABEL_DIFFERENCES.has(date));
    }
  });

  it('shows the law name for a substitute holiday, the data set name otherwise', () => {
    expect(holidayOn('2025-05-06')?.nameJa).toBe('みどりの日 振替休日');
    expect(holidayOn('2020-05-06')?.nameJa).toBe('憲法記念日 振替休日');
    expect(holidayOn('2024-05-06')?.nameJa).toBe('こどもの日 振替休日');
    expect(holidayOn('2019-05-01')).toMatchObject({ nameJa: '休日（祝日扱い）', kind: 'special', source: 'holiday_jp' });
  });
});
