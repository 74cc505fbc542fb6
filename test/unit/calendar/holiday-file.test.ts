// Issue 11 item 8: the Cabinet Office's holiday list (syukujitsu.csv) read, compared and used.
import { describe, expect, it } from 'vitest';
import { HolidayFileError, buildCalendar, computeDeadline, nationalHolidays, previewHolidayFile, readHolidayFile } from '../../../electron/core/calendar/index.ts';
import { holidaysMayBeOutdated } from '../../../electron/core/calendar/holiday-file.ts';
import { decodeTextFile } from '../../../electron/core/files/text-encoding.ts';
import { cabinetOfficeDays, syukujitsuBytes, syukujitsuText, type FileDay } from '../../support/holiday-file.ts';

const read = (days: FileDay[]) => {
  const decoded = decodeTextFile(syukujitsuBytes(days));
  if (!decoded.ok) throw new Error(decoded.problem);
  return { file: readHolidayFile(decoded.text), encoding: decoded.encoding };
};
const problemOf = (text: string) => {
  try {
    readHolidayFile(text);
  } catch (e) {
    if (e instanceof HolidayFileError) return e.problem;
    throw e;
  }
  return null;
};

describe('reading syukujitsu.csv', () => {
  it('reads the Shift_JIS list as published: years from 2000, earlier rows counted, 休日 matching substitute and citizens holidays', () => {
    const { file, encoding } = read(cabinetOfficeDays(2000, 2028));
    expect(encoding).toBe('Shift_JIS (CP932)');
    expect(file.years[0]).toBe(2000);
    expect(file.years.at(-1)).toBe(2028);
    expect(file.rowsBefore).toBe(2);
    // The list says 休日 for 2026-05-06; the built-in data says 憲法記念日 振替休日: the same day, not a rename.
    const preview = previewHolidayFile(file, encoding, nationalHolidays, 2027);
    expect(preview.renamed.map((r) => r.date)).not.toContain('2026-05-06');
    // What remains are label differences of 2019 between the law's names and the data set's.
    expect(preview.renamed.every((r) => r.date.startsWith('2019-'))).toBe(true);
    expect(preview.contradictions).toEqual([]);
    expect(preview.announcedThrough).toBe(2028);
  });

  it('shows days added, removed and renamed against the holidays in use', () => {
    const days = cabinetOfficeDays(2028, 2028)
      .filter((d) => d.date !== '2028-09-22') // the formula's 秋分の日…
      .concat([{ date: '2028-09-21', name: '秋分の日' }]) // …announced a day earlier
      .map((d) => (d.date === '2028-11-03' ? { ...d, name: '文化の日（記念）' } : d));
    const { file, encoding } = read(days);
    const preview = previewHolidayFile(file, encoding, nationalHolidays, 2027);
    expect(preview.years).toEqual([2028]);
    expect(preview.added).toEqual([{ date: '2028-09-21', nameJa: '秋分の日' }]);
    expect(preview.removed).toEqual([{ date: '2028-09-22', nameJa: '秋分の日' }]);
    expect(preview.renamed).toEqual([{ date: '2028-11-03', from: '文化の日', to: '文化の日（記念）' }]);
  });

  it('names the fixed holidays a file leaves out (a contradiction with the law, not silently accepted)', () => {
    const { file, encoding } = read(cabinetOfficeDays(2028, 2028).filter((d) => d.date !== '2028-05-03' && d.date !== '2028-01-10'));
    expect(previewHolidayFile(file, encoding, nationalHolidays, 2027).contradictions).toEqual([
      { date: '2028-01-10', nameJa: '成人の日' },
      { date: '2028-05-03', nameJa: '憲法記念日' },
    ]);
  });

  it('refuses a file that is not the list, with the line and the value at fault', () => {
    const header = '国民の祝日・休日月日,国民の祝日・休日名称';
    expect(problemOf('date,name\r\n2028/1/1,元日\r\n')).toEqual({ code: 'HOLIDAY_FILE_COLUMNS', found: ['date', 'name'] });
    expect(problemOf(`${header}\r\n2028/1/1,元日\r\n2028/2/30,建国記念の日\r\n`)).toEqual({ code: 'HOLIDAY_FILE_BAD_DATE', line: 3, value: '2028/2/30' });
    expect(problemOf(`${header}\r\n2101/1/1,元日\r\n`)).toEqual({ code: 'HOLIDAY_FILE_OUT_OF_RANGE', line: 2, date: '2101-01-01', last: 2100 });
    expect(problemOf(`${header}\r\n2028/1/1,元日\r\n2028/01/01,元日\r\n`)).toEqual({ code: 'HOLIDAY_FILE_DUPLICATE', line: 3, date: '2028-01-01' });
    expect(problemOf(`${header}\r\n2028/1/1,元日,x\r\n`)).toEqual({ code: 'HOLIDAY_FILE_ROW_FIELDS', line: 2, fields: 3 });
    expect(problemOf(`${header}\r\n2028/1/1,\r\n`)).toEqual({ code: 'HOLIDAY_FILE_NO_NAME', line: 2, date: '2028-01-01' });
    expect(problemOf(`${header}\r\n1999/1/1,元日\r\n`)).toEqual({ code: 'HOLIDAY_FILE_NO_YEARS', first: 2000 });
    expect(problemOf(`${header}\r\n"2028/1/1,元日\r\n`)).toMatchObject({ code: 'HOLIDAY_FILE_SYNTAX' });
    // Full-width digits, as a person may have retyped them, are read.
    expect(readHolidayFile(`${header}\r\n２０２８/１/１,元日\r\n`).days).toEqual([{ date: '2028-01-01', nameJa: '元日' }]);
  });

  it('reads bytes that are neither UTF-8 nor Shift_JIS as a problem naming the line', () => {
    const good = Buffer.from(syukujitsuText(cabinetOfficeDays(2028, 2028)).slice(0, 80), 'utf8');
    const bytes = Buffer.concat([good, Buffer.from([0x0a, 0x82, 0xff, 0xfd, 0x0a])]);
    const lines = good.toString('utf8').split('\n').length;
    expect(decodeTextFile(bytes)).toEqual({ ok: false, problem: 'undecodable', line: lines + 1 });
  });
});

describe('the calendar with an imported list', () => {
  const announced2028 = cabinetOfficeDays(2028, 2028)
    .filter((d) => d.date !== '2028-09-22')
    .concat([{ date: '2028-09-21', name: '秋分の日' }]);

  it('uses the file for the years it covers: provisional flags drop and a moved equinox moves the due date', () => {
    const before = buildCalendar();
    const arrival = '2028-09-20T12:00:00+09:00';
    const was = computeDeadline(before, arrival, 1);
    expect(was.provisional).toBe(true);
    expect(before.knownThrough).toBe(2027);

    const after = buildCalendar(undefined, { days: read(announced2028).file.days });
    const now = computeDeadline(after, arrival, 1);
    expect(now.provisional).toBe(false);
    expect(after.knownThrough).toBe(2028);
    expect(after.closedDay('2028-09-21')).toMatchObject({ kind: 'holiday', reasonJa: '秋分の日', reasonEn: 'Autumnal Equinox Day', provisional: false });
    expect(after.closedDay('2028-09-22')).toBeNull(); // a Friday again
    expect([was.due, now.due]).toEqual(['2028-09-21', '2028-09-22']);
    // A substitute day keeps the built-in data's name and kind where the list says only 休日.
    expect(after.closedDays(2028).every((d) => !d.provisional)).toBe(true);
    // Years the file does not cover are untouched.
    expect(after.closedDays(2029)).toEqual(before.closedDays(2029));
  });

  it('tells supervisors from February of the last known year that next year is announced', () => {
    expect(holidaysMayBeOutdated('2027-01-31', 2027)).toBe(false);
    expect(holidaysMayBeOutdated('2027-02-01', 2027)).toBe(true);
    expect(holidaysMayBeOutdated('2027-02-01', 2028)).toBe(false);
  });
});
