// `desk import FILE.csv`: many requests at once (after a leak). The file is checked in full first and
// every problem is listed with its line and column; then the cases are created in one transaction.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDeskCalendar } from '../../core/desk-calendar/store.ts';
import { checkImportRows, duplicateWarnings, readImportBytes, importCases, ImportFileError, IMPORT_COLUMNS, readImportTable, referenceRanges, type ImportTable } from '../../core/cases/import-csv.ts';
import { inEnglish, MAX_TEXT } from '../../contract/index.ts';
import { CliError, usageError, type CliIO } from '../io.ts';
import { withUnlockedDesk } from '../desk-access.ts';
import { codeOf } from '../../core/thrown.ts';

export const IMPORT_HELP = `Usage: npm run desk -- import FILE.csv --data-dir DIR --user NAME [--skip-invalid] [--skip-duplicates]

Creates one case per row of FILE.csv, as if each had been typed in by NAME.
Every row is checked first; every problem is listed with its line in the file and its column.
Nothing is imported unless every row is valid, or, with --skip-invalid, the valid rows are imported
and the others listed. The import is one transaction: all of its cases are saved, or none.
A row for a member who already has an open case of the same type (same email or name) is listed as a
warning and imported; with --skip-duplicates it is left out.

The file: UTF-8 (with or without a BOM; in Excel "CSV UTF-8"), Shift_JIS / CP932 (Japanese Excel's plain
"CSV"; read only when the bytes are not valid UTF-8) or UTF-16 with a BOM; which one was read is printed.
Comma-separated, CRLF or LF line ends,
fields with commas, quotes or line breaks in double quotes (a quote inside doubled: "").
The first row names the columns (any order, any case):
${IMPORT_COLUMNS.map((c) => `  ${c.name.padEnd(15)} ${c.required ? '(required) ' : '(optional) '}${c.help}`).join('\n')}
A request text is at most ${MAX_TEXT.toLocaleString('en')} characters. Full-width letters, digits and ＠ are accepted.

Example:
  type,kind,arrived,name,kana,email,address,requester,text
  correction,correct;add,2026-11-24T10:00+09:00,山田 太郎,やまだ たろう,taro@example.jp,,member,"住所を訂正してください"

Exit status: 0 cases were imported; 1 nothing was imported because of errors; 2 the command line is wrong.
The password comes from PRIVACY_DESK_PASSWORD or is asked for in a terminal.`;

const MAX_LISTED_WARNINGS = 50;

export async function importCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' }, 'database-url': { type: 'string' },
      user: { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      'skip-duplicates': { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout.write(IMPORT_HELP + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw usageError(IMPORT_HELP, positionals.length === 0 ? 'Name the CSV file to import.' : 'Import one file at a time.');
  const file = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = codeOf(e);
    throw new CliError(code === 'ENOENT' ? `There is no file ${file}.` : `The file ${file} cannot be read (${code ?? 'error'}).`, 2);
  }
  const name = basename(file);
  const fileError = (e: unknown) => (e instanceof ImportFileError ? new CliError(`${name}: ${e.message} Nothing was imported.`) : e);
  // The file as a whole is judged before the password is asked for.
  let table: ImportTable;
  try {
    const decoded = readImportBytes(bytes);
    // UTF-8 is what the help asks for; any other encoding read is said, so a garbled name can be traced.
    if (decoded.encoding !== 'UTF-8') io.stderr.write(`${name}: read as ${decoded.encoding}.\n`);
    table = readImportTable(decoded.text);
  } catch (e) {
    throw fileError(e);
  }

  return withUnlockedDesk(io, values, values.user, async (desk, _paths, user) => {
    const db = desk.store.db;
    const now = new Date();
    const calendar = await loadDeskCalendar(db); // once for every row
    const checked = checkImportRows(table, calendar, now);
    const bad = checked.invalidLines.length;
    for (const err of checked.errors) io.stderr.write(`${name}: line ${err.line}${err.column ? `, ${err.column}` : ''}: ${err.message}\n`);
    if (bad > 0 && (!values['skip-invalid'] || checked.valid.length === 0)) {
      const more = checked.valid.length > 0 ? ` Fix them and import again, or use --skip-invalid to import the ${checked.valid.length} valid row${checked.valid.length === 1 ? '' : 's'}.` : '';
      io.stdout.write(`${bad} of ${checked.total} row${checked.total === 1 ? '' : 's'} ${bad === 1 ? 'has' : 'have'} errors (listed above); nothing was imported.${more}\n`);
      return 1;
    }
    const duplicates = await duplicateWarnings(db, checked.valid);
    // The first ones by line; a big file of repeat requests is summed up rather than listed whole.
    for (const d of duplicates.slice(0, MAX_LISTED_WARNINGS)) io.stderr.write(`${name}: line ${d.line}: warning: ${inEnglish(d.warning)}${values['skip-duplicates'] ? ' (skipped)' : ''}\n`);
    if (duplicates.length > MAX_LISTED_WARNINGS) io.stderr.write(`${name}: … and ${duplicates.length - MAX_LISTED_WARNINGS} more rows duplicating an open case.\n`);
    const skipDuplicates = values['skip-duplicates'] ? new Set(duplicates.map((d) => d.line)) : new Set<number>();
    const rows = checked.valid.filter((r) => !skipDuplicates.has(r.line));
    const skippedLines = [...checked.invalidLines, ...skipDuplicates].sort((a, b) => a - b);
    if (rows.length === 0) {
      io.stdout.write(`Every row duplicates an open case; nothing was imported.\n`);
      return 1;
    }
    const { created } = await importCases(db, calendar, user, now, rows, {
      skipped: skippedLines.length,
      onProgress: (done, total) => io.stderr.write(`… ${done} of ${total} cases\n`),
    });
    const ranges = referenceRanges(created.map((c) => c.reference));
    const refs = ranges.map((r) => (r.from === r.to ? r.from : `from ${r.from} to ${r.to}`)).join('; ');
    const skipped = skippedLines.length;
    io.stdout.write(`${created.length} imported (references ${refs}), ${skipped} skipped${skipped > 0 ? ` (lines ${skippedLines.join(', ')})` : ''}${duplicates.length > 0 && !values['skip-duplicates'] ? `, ${duplicates.length} possible duplicate${duplicates.length === 1 ? '' : 's'} imported (listed above)` : ''}.\n`);
    return 0;
  });
}
