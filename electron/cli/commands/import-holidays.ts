// `npm run desk -- calendar import-holidays FILE`: the Cabinet Office's holiday list (syukujitsu.csv) into
// the desk calendar, as the Calendar screen does it (core/desk-calendar/holiday-import.ts): the
// differences first, the import only with --yes, a file contradicting the holiday law only with
// --accept-contradictions as well.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { HOLIDAY_FILE_MAX_BYTES, inEnglish, type CalendarChange, type HolidayImportPreview } from '../../contract/index.ts';
import { FIRST_SUPPORTED_YEAR, buildCalendar, nationalHolidays, previewHolidayFile } from '../../core/calendar/index.ts';
import { importHolidays, previewHolidayImport, readHolidayBytes } from '../../core/desk-calendar/holiday-import.ts';
import { isDeskError } from '../../core/errors.ts';
import { withUnlockedDesk } from '../desk-access.ts';
import type { CommandIo } from './calendar.ts';
import { codeOf, messageOf } from '../../core/thrown.ts';

export const IMPORT_HOLIDAYS_HELP = `Usage: npm run desk -- calendar import-holidays FILE [--data-dir DIR --user NAME [--yes]] [--json]

Reads the Cabinet Office's list of national holidays (内閣府「国民の祝日」, syukujitsu.csv, as downloaded:
Shift_JIS, columns 国民の祝日・休日月日,国民の祝日・休日名称) and shows how it differs from the holidays
the desk uses now for the years it covers (${FIRST_SUPPORTED_YEAR} on): days added, removed and renamed,
and any day the holiday law fixes that the file leaves out.

  --data-dir DIR            the desk to compare with and import into (without it: the built-in holidays,
                            nothing is stored)
  --user NAME               a supervisor's account (password from PRIVACY_DESK_PASSWORD or the prompt)
  --yes                     import: for the covered years the file replaces the holidays, open cases are
                            recomputed as for a desk closure, and "provisional" marks for those years drop
  --accept-contradictions   import a file that leaves out days the law fixes (only after a law change)
  --json                    the differences (and with --yes the moved cases) as JSON
  -h, --help                this help

Exit status: 0 done, 1 the file was refused (nothing is stored), 2 the command line is wrong.`;

const write = (stream: NodeJS.WritableStream, text: string) => stream.write(text.endsWith('\n') ? text : `${text}\n`);

function describe(p: HolidayImportPreview): string {
  const lines = [
    `Read as ${p.encoding}: ${p.years[0]}–${p.years.at(-1)} (${p.years.length} years)${p.rowsBefore ? `; ${p.rowsBefore} rows before ${FIRST_SUPPORTED_YEAR} not used` : ''}.`,
  ];
  for (const d of p.added) lines.push(`  + ${d.date} ${d.nameJa}`);
  for (const d of p.removed) lines.push(`  - ${d.date} ${d.nameJa}`);
  for (const d of p.renamed) lines.push(`  ~ ${d.date} ${d.from} → ${d.to}`);
  if (p.added.length + p.removed.length + p.renamed.length === 0) lines.push('  No differences from the holidays in use.');
  for (const c of p.contradictions) lines.push(`  ! ${c.date} ${c.nameJa}: fixed by the holiday law, missing from the file`);
  lines.push(`After the import the holidays are certain through ${p.announcedThrough}.`);
  return lines.join('\n');
}

function describeChange(change: CalendarChange): string {
  const lines = [`Imported. ${change.moved.length} open case(s) got a new due date.`];
  for (const m of change.moved) lines.push(`  ${m.reference}: ${m.oldDue} → ${m.newDue}`);
  for (const m of change.held) lines.push(`  ${m.reference}: keeps ${m.oldDue} (decided; the calendar now says ${m.newDue})`);
  return lines.join('\n');
}

export async function importHolidaysCommand(args: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        user: { type: 'string' },
        yes: { type: 'boolean' },
        'accept-contradictions': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    write(io.stderr, `calendar import-holidays: ${messageOf(e).replace(/\s*\n\s*/g, ' ')} (npm run desk -- calendar import-holidays --help)`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    write(io.stdout, IMPORT_HOLIDAYS_HELP);
    return 0;
  }
  const usage = (message: string) => {
    write(io.stderr, `calendar import-holidays: ${message} (npm run desk -- calendar import-holidays --help)`);
    return 2;
  };
  if (positionals.length !== 1) return usage('give exactly one FILE, the Cabinet Office\'s syukujitsu.csv');
  if (values.yes && values['data-dir'] === undefined) return usage('--yes needs --data-dir and --user: the desk to import into');
  let bytes: Buffer;
  try {
    bytes = await readFile(positionals[0]!);
  } catch (e) {
    write(io.stderr, `calendar import-holidays: cannot read ${positionals[0]} (${codeOf(e) ?? 'error'}).`);
    return 1;
  }
  if (bytes.length > HOLIDAY_FILE_MAX_BYTES) bytes = bytes.subarray(0, HOLIDAY_FILE_MAX_BYTES + 1);
  try {
    if (values['data-dir'] === undefined) {
      const { file, encoding } = readHolidayBytes(bytes);
      const preview = previewHolidayFile(file, encoding, nationalHolidays, buildCalendar().knownThrough);
      write(io.stdout, values.json ? JSON.stringify(preview) : describe(preview));
      return 0;
    }
    const cliIo = { ...io, env: io.env ?? process.env };
    return await withUnlockedDesk(cliIo, values, values.user, async (desk, _paths, user) => {
      const db = desk.store.db;
      const account = await db.selectFrom('accounts').select('role').where('username', '=', user).executeTakeFirstOrThrow();
      if (account.role !== 'supervisor') {
        write(io.stderr, `calendar import-holidays: ${inEnglish({ code: 'SUPERVISOR_ONLY' })}`);
        return 1;
      }
      if (!values.yes) {
        const preview = await previewHolidayImport(db, bytes);
        write(io.stdout, values.json ? JSON.stringify(preview) : `${describe(preview)}\nNothing imported yet: run again with --yes to import.`);
        return 0;
      }
      const result = await db.transaction().execute((trx) => importHolidays(trx, bytes, values['accept-contradictions'] === true, user, new Date()));
      write(io.stdout, values.json ? JSON.stringify(result) : `${describe(result.preview)}\n${describeChange(result.change)}`);
      return 0;
    });
  } catch (e) {
    if (isDeskError(e)) {
      write(io.stderr, `calendar import-holidays: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
