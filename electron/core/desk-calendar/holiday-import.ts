// A supervisor imports the Cabinet Office's holiday list (issue 11 item 8): the file is read and checked
// (core/calendar/holiday-file.ts), the differences against the holidays in use are shown, and on
// confirmation the covered years' holidays are replaced in one transaction, open cases are recomputed as
// for a desk closure (changes.ts) and the import is recorded in the audit log. A refused file changes
// nothing.
import { HOLIDAY_FILE_MAX_BYTES, type HolidayImportPreview, type HolidayImportResult } from '../../contract/index.ts';
import { HolidayFileError, nationalHolidays, previewHolidayFile, readHolidayFile, type DeskCalendar, type HolidayFile } from '../calendar/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { DeskError } from '../errors.ts';
import { decodeTextFile } from '../files/text-encoding.ts';
import type { Db } from '../cases/records.ts';
import { recomputeOpenCases } from './changes.ts';
import { loadDeskCalendar } from './store.ts';

interface ReadFile {
  file: HolidayFile;
  encoding: HolidayImportPreview['encoding'];
}

/** Decodes and reads the file's bytes; every refusal is a DeskError with the file's problem as its reason. */
export function readHolidayBytes(bytes: Uint8Array): ReadFile {
  if (bytes.length > HOLIDAY_FILE_MAX_BYTES) throw new DeskError({ code: 'HOLIDAY_FILE_TOO_LARGE', kilobytes: Math.ceil(bytes.length / 1024) }, { field: 'file' });
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) {
    throw new DeskError(decoded.problem === 'empty' ? { code: 'HOLIDAY_FILE_EMPTY' } : { code: 'HOLIDAY_FILE_ENCODING', line: decoded.problem === 'undecodable' ? decoded.line : 1 }, { field: 'file' });
  }
  try {
    return { file: readHolidayFile(decoded.text), encoding: decoded.encoding };
  } catch (e) {
    if (e instanceof HolidayFileError) throw new DeskError(e.problem, { field: 'file' });
    throw e;
  }
}

/** The holidays the calendar uses now for a year (built-in, or imported earlier). */
const holidaysInUse = (calendar: DeskCalendar) => (year: number) =>
  calendar.importedYears.includes(year)
    ? calendar.closedDays(year).filter((d) => d.kind === 'holiday').map((d) => ({ ...nationalHolidays(year)[0]!, date: d.date, nameJa: d.reasonJa, nameEn: d.reasonEn, kind: 'national' as const }))
    : nationalHolidays(year);

export async function previewHolidayImport(db: Db, bytes: Uint8Array): Promise<HolidayImportPreview> {
  const { file, encoding } = readHolidayBytes(bytes);
  const calendar = await loadDeskCalendar(db);
  return previewHolidayFile(file, encoding, holidaysInUse(calendar), calendar.knownThrough);
}

/**
 * Imports the file (call inside a transaction). A file that contradicts the law's fixed days is refused
 * with the contradictions unless the supervisor has seen them and said yes.
 */
export async function importHolidays(db: Db, bytes: Uint8Array, acceptContradictions: boolean, actor: string, now: Date): Promise<HolidayImportResult> {
  const { file, encoding } = readHolidayBytes(bytes);
  const before = await loadDeskCalendar(db);
  const preview = previewHolidayFile(file, encoding, holidaysInUse(before), before.knownThrough);
  if (preview.contradictions.length > 0 && !acceptContradictions) {
    throw new DeskError({ code: 'HOLIDAY_FILE_CONTRADICTS_LAW', contradictions: preview.contradictions }, { field: 'file' });
  }
  await db.deleteFrom('imported_holidays').where('year', 'in', file.years).execute();
  const at = now.toISOString();
  for (let i = 0; i < file.days.length; i += 200) {
    await db
      .insertInto('imported_holidays')
      .values(file.days.slice(i, i + 200).map((d) => ({ date: d.date, year: Number(d.date.slice(0, 4)), name: d.nameJa, imported_by: actor, imported_at: at })))
      .execute();
  }
  await appendAudit(
    db,
    {
      actor,
      action: 'calendar.import-holidays',
      entity: 'calendar',
      entityId: `${file.years[0]}-${file.years.at(-1)}`,
      detail: { years: file.years, added: preview.added.length, removed: preview.removed.length, renamed: preview.renamed.length, contradictionsAccepted: preview.contradictions.length },
    },
    now,
  );
  const calendar = await loadDeskCalendar(db);
  const change = await recomputeOpenCases(db, calendar, actor, now, { cause: 'holidays_imported', years: file.years });
  return { preview, change };
}
