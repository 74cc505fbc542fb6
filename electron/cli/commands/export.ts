// `desk export`: every case as CSV or JSON on stdout. It is a view of personal data: recorded in the
// audit log (who, when, how many).
import { parseArgs } from 'node:util';
import { EXPORT_COLUMNS, exportCases, exportCsv, exportJson, type ExportFormat } from '../../core/cases/export.ts';
import { CliError, usageError, type CliIO } from '../io.ts';
import { withUnlockedDesk } from '../desk-access.ts';
import { narrowRedirectedFile, writePrivateFile } from '../../core/storage/private-file.ts';
import { codeOf } from '../../core/thrown.ts';

/** Said with every export and report written to a file: the desk's encryption stops at its database. */
export const NOT_ENCRYPTED = 'THE FILE IS NOT ENCRYPTED: it holds personal information in plain text. Keep it on an encrypted drive, share it only as the policy allows, and delete it when done.';

export const EXPORT_HELP = `Usage: npm run desk -- export (--data-dir DIR | --database-url URL) --user NAME --format csv|json [--out FILE | > FILE]

Writes every case to FILE (--out) or stdout, oldest first, with these columns:
  ${EXPORT_COLUMNS.join(', ')}
Times are Japan time with their offset (2026-11-24T09:30:00+09:00); kinds and grounds are separated by ";"
in CSV and arrays in JSON.
  --format csv   RFC 4180, UTF-8 with a BOM and CRLF line ends: opens in Excel (Japanese Windows too).
                 Cells starting with = + - @ get a leading ' so Excel does not run them as formulas.
  --format json  an array of objects.
The export shows members' personal information: it is recorded in the audit log with the count.
${NOT_ENCRYPTED}
The file is made readable by this PC user only (mode 0600), also when stdout is redirected to a file.
The password comes from PRIVACY_DESK_PASSWORD or is asked for in a terminal.`;

export async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, user: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    io.stdout.write(EXPORT_HELP + '\n');
    return 0;
  }
  if (values.format !== 'csv' && values.format !== 'json') throw usageError(EXPORT_HELP, values.format === undefined ? '--format is required: csv or json.' : `--format must be csv or json, not "${values.format}".`);
  const format: ExportFormat = values.format;
  const rows = await withUnlockedDesk(io, values, values.user, (desk, _paths, user) => exportCases(desk.store.db, user, new Date(), format));
  const text = format === 'csv' ? exportCsv(rows) : exportJson(rows);
  if (values.out !== undefined) {
    try {
      writePrivateFile(values.out, text);
    } catch (e) {
      throw new CliError(`Could not write ${values.out}: ${codeOf(e) ?? 'error'}. Nothing was written.`);
    }
  } else {
    narrowRedirectedFile((io.stdout as { fd?: number }).fd ?? -1);
    io.stdout.write(text);
  }
  io.stderr.write(`${rows.length} case${rows.length === 1 ? '' : 's'} exported${values.out !== undefined ? ` to ${values.out}` : ''}.\n${NOT_ENCRYPTED}\n`);
  return 0;
}
