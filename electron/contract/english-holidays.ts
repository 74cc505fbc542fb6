// English for the holiday-import codes (contract/holidays.ts), spread into the one English table.
import type { CodeOf } from './codes.ts';
import type { HolidayContradiction, HolidayFileProblem, HolidaysOutdated } from './holidays.ts';

type Table = { [C in HolidayFileProblem['code'] | HolidaysOutdated['code']]: (p: CodeOf<C>) => string };

const contradictions = (list: HolidayContradiction[]) =>
  list.slice(0, 8).map((c) => `${c.date} ${c.nameJa}`).join(', ') + (list.length > 8 ? ` and ${list.length - 8} more` : '');

export const holidayEnglish: Table = {
  HOLIDAY_FILE_EMPTY: () => 'The holiday file is empty.',
  HOLIDAY_FILE_ENCODING: (p) => `Line ${p.line} of the holiday file is neither UTF-8 nor Shift_JIS (CP932): the file may be damaged. Download syukujitsu.csv from the Cabinet Office again.`,
  HOLIDAY_FILE_TOO_LARGE: (p) => `The holiday file is ${p.kilobytes} KB; the Cabinet Office's list is about 20 KB. Choose syukujitsu.csv.`,
  HOLIDAY_FILE_COLUMNS: (p) => `This is not the Cabinet Office's holiday list: its columns must be 国民の祝日・休日月日,国民の祝日・休日名称 (found: ${p.found.join(', ') || 'none'}).`,
  HOLIDAY_FILE_SYNTAX: (p) => `Line ${p.line} of the holiday file has a quote that is never closed.`,
  HOLIDAY_FILE_ROW_FIELDS: (p) => `Line ${p.line} of the holiday file has ${p.fields} columns; each row has a date and a name.`,
  HOLIDAY_FILE_BAD_DATE: (p) => `Line ${p.line} of the holiday file: "${p.value}" is not a date (the list writes 2027/3/21).`,
  HOLIDAY_FILE_NO_NAME: (p) => `Line ${p.line} of the holiday file: ${p.date} has no name.`,
  HOLIDAY_FILE_OUT_OF_RANGE: (p) => `Line ${p.line} of the holiday file: ${p.date} is after ${p.last}, the last year the desk's calendar supports.`,
  HOLIDAY_FILE_DUPLICATE: (p) => `Line ${p.line} of the holiday file lists ${p.date} a second time.`,
  HOLIDAY_FILE_NO_YEARS: (p) => `The holiday file has no holiday from ${p.first} on, the years the desk's calendar covers.`,
  HOLIDAY_FILE_CONTRADICTS_LAW: (p) =>
    `The holiday file leaves out days the holiday law fixes: ${contradictions(p.contradictions)}. Check the file; import it only if the law has changed (--accept-contradictions).`,
  HOLIDAYS_MAY_BE_OUTDATED: (p) =>
    `The desk knows the national holidays through ${p.knownThrough}; the government has announced ${p.knownThrough + 1}'s equinox days. Import the Cabinet Office's holiday list (syukujitsu.csv) so due dates in ${p.knownThrough + 1} are certain.`,
};
