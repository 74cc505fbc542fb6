// The Cabinet Office's list of national holidays (内閣府「国民の祝日」 syukujitsu.csv) as the desk reads it:
// two columns, 国民の祝日・休日月日 (YYYY/M/D) and 国民の祝日・休日名称, one row per holiday since 1955, in
// Shift_JIS. A supervisor imports it when the government announces the next year's equinox days (each
// February) or a holiday law changes; for the years it covers the file replaces the built-in data.
//
// Pure: text in, holidays and differences out. Decoding the bytes is core/files/text-encoding.ts's job,
// storing the result core/desk-calendar/holiday-import.ts's.
import { HOLIDAY_FILE_COLUMNS, type HolidayContradiction, type HolidayDay, type HolidayFileProblem, type HolidayImportPreview } from '../../contract/holidays.ts';
import { CsvSyntaxError, parseCsv } from '../cases/csv.ts';
import { LAST_ANNOUNCED_EQUINOX_YEAR, lawHolidays, type HolidayKind } from './holiday-law.ts';
import { nationalHolidays, type Holiday } from './holidays.ts';
import { civilFromDays, daysFromCivil, formatDay, parseIsoDate } from './japan-date.ts';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './range.ts';

export class HolidayFileError extends Error {
  readonly problem: HolidayFileProblem;
  constructor(problem: HolidayFileProblem) {
    super(problem.code);
    this.problem = problem;
    this.name = 'HolidayFileError';
  }
}

export interface HolidayFile {
  /** The file's holidays in the supported years, in date order. */
  days: HolidayDay[];
  years: number[];
  rowsBefore: number;
}

// 2027/3/21, 2027-03-21, full-width digits after NFKC.
const DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;

/** Reads the file's text (already decoded). Throws HolidayFileError naming the line at fault. */
export function readHolidayFile(text: string): HolidayFile {
  let records;
  try {
    records = parseCsv(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new HolidayFileError({ code: 'HOLIDAY_FILE_SYNTAX', line: e.line });
    throw e;
  }
  const header = records[0];
  if (!header) throw new HolidayFileError({ code: 'HOLIDAY_FILE_EMPTY' });
  const found = header.fields.map((f) => f.normalize('NFKC').trim()).filter((f, i, all) => f !== '' || i < all.length - 1);
  const expected = HOLIDAY_FILE_COLUMNS.map((c) => c.normalize('NFKC'));
  if (found.length !== 2 || found[0] !== expected[0] || found[1] !== expected[1]) {
    throw new HolidayFileError({ code: 'HOLIDAY_FILE_COLUMNS', found: found.slice(0, 6).map((f) => f.slice(0, 40)) });
  }
  const seen = new Set<string>();
  const days: HolidayDay[] = [];
  let rowsBefore = 0;
  for (const r of records.slice(1)) {
    const fields = r.fields.map((f) => f.trim());
    // Excel adds empty trailing cells when a sheet had wider rows once.
    while (fields.length > 2 && fields.at(-1) === '') fields.pop();
    if (fields.length !== 2) throw new HolidayFileError({ code: 'HOLIDAY_FILE_ROW_FIELDS', line: r.line, fields: fields.length });
    const raw = fields[0]!;
    const m = DATE.exec(raw.normalize('NFKC'));
    const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
    const day = m ? daysFromCivil(y, mo, d) : NaN;
    const back = m ? civilFromDays(day) : null;
    if (!back || back.year !== y || back.month !== mo || back.day !== d) {
      throw new HolidayFileError({ code: 'HOLIDAY_FILE_BAD_DATE', line: r.line, value: raw.slice(0, 40) });
    }
    const date = formatDay(day);
    const nameJa = fields[1]!.replace(/\s+/g, ' ').trim();
    if (nameJa === '') throw new HolidayFileError({ code: 'HOLIDAY_FILE_NO_NAME', line: r.line, date });
    if (y > LAST_SUPPORTED_YEAR) throw new HolidayFileError({ code: 'HOLIDAY_FILE_OUT_OF_RANGE', line: r.line, date, last: LAST_SUPPORTED_YEAR });
    if (seen.has(date)) throw new HolidayFileError({ code: 'HOLIDAY_FILE_DUPLICATE', line: r.line, date });
    seen.add(date);
    if (y < FIRST_SUPPORTED_YEAR) {
      rowsBefore++;
      continue;
    }
    days.push({ date, nameJa: nameJa.slice(0, 60) });
  }
  if (days.length === 0) throw new HolidayFileError({ code: 'HOLIDAY_FILE_NO_YEARS', first: FIRST_SUPPORTED_YEAR });
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  const years = [...new Set(days.map((h) => Number(h.date.slice(0, 4))))];
  return { days, years, rowsBefore };
}

const isEquinoxName = (name: string): boolean => name.startsWith('春分の日') || name.startsWith('秋分の日');

/**
 * The days the law fixes for `year` without astronomy: every Art. 2 holiday except the equinoxes (fixed
 * dates and Happy Monday days, with the special acts' moves). A file without one of them contradicts
 * the law as the desk knows it: either the file is wrong or the law changed, and a person must say which.
 */
export function contradictionsWithLaw(file: HolidayFile): HolidayContradiction[] {
  const inFile = new Set(file.days.map((d) => d.date));
  const out: HolidayContradiction[] = [];
  for (const year of file.years) {
    for (const h of lawHolidays(year)) {
      if (h.kind !== 'national' || isEquinoxName(h.nameJa)) continue;
      const date = formatDay(h.day);
      if (!inFile.has(date)) out.push({ date, nameJa: h.nameJa });
    }
  }
  return out;
}

/**
 * The Cabinet Office names every 振替休日 and 国民の休日 just 「休日」; the built-in data names a
 * substitute day after its holiday. Those are the same day, not a rename.
 */
function sameHoliday(file: HolidayDay, current: Holiday): boolean {
  const a = file.nameJa.normalize('NFKC').replace(/\s+/g, '');
  const b = current.nameJa.normalize('NFKC').replace(/\s+/g, '');
  return a === b || (a === '休日' && (current.kind === 'substitute' || current.kind === 'citizens'));
}

function kindOfName(name: string): HolidayKind {
  if (name.includes('振替休日')) return 'substitute';
  if (name === '休日') return 'citizens';
  if (name.startsWith('休日')) return 'special';
  return 'national';
}

/**
 * The holidays the desk uses for `year` once the file is imported: the file's days, named as the file
 * names them except where it only says 「休日」 of a day the built-in data names (and kinds) better, with
 * the English of the built-in day or of a law holiday of the same name. None is provisional: the file is
 * what the government announced.
 */
export function holidaysFromFile(year: number, days: readonly HolidayDay[]): Holiday[] {
  const builtIn = new Map(nationalHolidays(year).map((h) => [h.date, h]));
  const english = new Map<string, string>();
  for (const h of lawHolidays(year)) english.set(h.nameJa, h.nameEn);
  for (const h of builtIn.values()) english.set(h.nameJa, h.nameEn);
  return days
    .filter((d) => d.date.startsWith(`${year}-`))
    .map((d) => {
      const known = builtIn.get(d.date);
      if (known && sameHoliday(d, known)) return { ...known, provisional: false, source: 'cabinet_office' as const };
      const kind = kindOfName(d.nameJa);
      const nameEn = english.get(d.nameJa) ?? (kind === 'citizens' ? "Citizen's Holiday" : kind === 'substitute' ? 'Holiday in lieu' : d.nameJa);
      return { date: d.date, nameJa: d.nameJa, nameEn, kind, provisional: false, source: 'cabinet_office' as const };
    });
}

/** What the import would change against the holidays in use now (`current(year)`), and the law check. */
export function previewHolidayFile(
  file: HolidayFile,
  encoding: HolidayImportPreview['encoding'],
  current: (year: number) => readonly Holiday[],
  knownThrough: number,
): HolidayImportPreview {
  const added: HolidayDay[] = [];
  const removed: HolidayDay[] = [];
  const renamed: HolidayImportPreview['renamed'] = [];
  const inFile = new Map(file.days.map((d) => [d.date, d]));
  for (const year of file.years) {
    const now = new Map(current(year).map((h) => [h.date, h]));
    for (const d of file.days) {
      if (!d.date.startsWith(`${year}-`)) continue;
      const h = now.get(d.date);
      if (!h) added.push(d);
      else if (!sameHoliday(d, h)) renamed.push({ date: d.date, from: h.nameJa, to: d.nameJa });
    }
    for (const h of now.values()) if (!inFile.has(h.date)) removed.push({ date: h.date, nameJa: h.nameJa });
  }
  removed.sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    encoding,
    years: file.years,
    rowsBefore: file.rowsBefore,
    added,
    removed,
    renamed,
    contradictions: contradictionsWithLaw(file),
    announcedThrough: Math.max(knownThrough, ...file.years),
  };
}

/** The last year whose holidays are certain: the built-in announcement or the last imported year. */
export function knownThroughOf(importedYears: Iterable<number>): number {
  return Math.max(LAST_ANNOUNCED_EQUINOX_YEAR, ...importedYears);
}

/**
 * From February of the last known year, the government has announced the next year's equinox days
 * (官報「暦要項」, first business day of February): until they are imported the calendar for next
 * year may be out of date. `today` is a Japan date.
 */
export function holidaysMayBeOutdated(today: string, knownThrough: number): boolean {
  const day = parseIsoDate(today);
  return day >= daysFromCivil(knownThrough, 2, 1);
}
