// Importing the Cabinet Office's list of national holidays (内閣府「国民の祝日」 syukujitsu.csv) into the
// desk calendar (issue 11, item 8): what the file must look like, what a preview shows, and the codes for
// a file the desk refuses. The rule lives in core/calendar/holiday-file.ts; storing it in
// core/desk-calendar/holiday-import.ts.
import { z } from 'zod';
import type { CalendarChange } from './types.ts';

/** The header the Cabinet Office publishes, column by column. */
export const HOLIDAY_FILE_COLUMNS = ['国民の祝日・休日月日', '国民の祝日・休日名称'] as const;

/** The largest holiday file the desk reads (the real one is about 20 KB). */
export const HOLIDAY_FILE_MAX_BYTES = 512 * 1024;

/** Why a holiday file is refused. Nothing is stored when any of these is raised. */
export type HolidayFileProblem =
  | { code: 'HOLIDAY_FILE_EMPTY' }
  | { code: 'HOLIDAY_FILE_ENCODING'; line: number }
  | { code: 'HOLIDAY_FILE_TOO_LARGE'; kilobytes: number }
  | { code: 'HOLIDAY_FILE_COLUMNS'; found: string[] }
  | { code: 'HOLIDAY_FILE_SYNTAX'; line: number }
  | { code: 'HOLIDAY_FILE_ROW_FIELDS'; line: number; fields: number }
  | { code: 'HOLIDAY_FILE_BAD_DATE'; line: number; value: string }
  | { code: 'HOLIDAY_FILE_NO_NAME'; line: number; date: string }
  | { code: 'HOLIDAY_FILE_OUT_OF_RANGE'; line: number; date: string; last: number }
  | { code: 'HOLIDAY_FILE_DUPLICATE'; line: number; date: string }
  | { code: 'HOLIDAY_FILE_NO_YEARS'; first: number }
  /** The file contradicts the holiday law's fixed days; importing it anyway needs an explicit yes. */
  | { code: 'HOLIDAY_FILE_CONTRADICTS_LAW'; contradictions: HolidayContradiction[] };

/** A holiday the law fixes (元日, 憲法記念日, Happy Monday days…) that the file leaves out. */
export interface HolidayContradiction {
  date: string;
  /** The law's name for the day. */
  nameJa: string;
}

export interface HolidayDay {
  date: string;
  nameJa: string;
}

/** What importing a file would change, against the holidays the desk uses now. */
export interface HolidayImportPreview {
  /** The encoding the file was read in. */
  encoding: 'UTF-8' | 'Shift_JIS (CP932)' | 'UTF-16LE' | 'UTF-16BE';
  /** The years the file covers within the supported calendar; each is taken from the file as a whole. */
  years: number[];
  /** Rows before the supported calendar's first year (the Cabinet Office's list starts in 1955): not used. */
  rowsBefore: number;
  added: HolidayDay[];
  removed: HolidayDay[];
  renamed: Array<{ date: string; from: string; to: string }>;
  contradictions: HolidayContradiction[];
  /** The last year whose holidays the desk would know for certain after the import. */
  announcedThrough: number;
}

export interface HolidayImportResult {
  preview: HolidayImportPreview;
  change: CalendarChange;
}

/** From February of the last known year the government has announced the next year's equinox days. */
export interface HolidaysOutdated {
  code: 'HOLIDAYS_MAY_BE_OUTDATED';
  /** The last year whose holidays the desk knows for certain. */
  knownThrough: number;
}

const file = z.string().min(1).max(Math.ceil((HOLIDAY_FILE_MAX_BYTES * 4) / 3) + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const holidayInputs = {
  /** The file's bytes, base64. */
  preview: z.object({ file }).strict(),
  apply: z.object({ file, acceptContradictions: z.boolean().optional() }).strict(),
};
