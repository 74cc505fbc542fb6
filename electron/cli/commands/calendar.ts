// `npm run desk -- calendar …`: the admin's view of the deadline engine. It computes nothing itself —
// every date comes from electron/core/calendar — so what the CLI prints is what the desk shows.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  CalendarError,
  FIRST_SUPPORTED_YEAR,
  LAST_ANNOUNCED_EQUINOX_YEAR,
  LAST_SUPPORTED_YEAR,
  REQUEST_TYPES,
  buildCalendar,
  isRequestTypeName,
  computeDeadline,
  defaultCalendar,
  parseInstant,
  type DeskCalendar,
  type DeskCalendarRules,
} from '../../core/calendar/index.ts';
import { loadDeskCalendar } from '../../core/desk-calendar/store.ts';
import { withUnlockedDesk } from '../desk-access.ts';
import { importHolidaysCommand } from './import-holidays.ts';
import { messageOf } from '../../core/thrown.ts';

export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
}

/** Exit codes: 0 done; 1 an input value was rejected (or some stdin lines were); 2 the command line is wrong. */
const EXIT_OK = 0;
const EXIT_REJECTED = 1;
const EXIT_USAGE = 2;

const COMMON_HELP = `Common options:
  --json              machine-readable output
  --rules FILE        npm run desk -- calendar rules as JSON: { "closures": [{ "date", "reason", "reasonEn" }], "openDays": [...],
                      "businessHours": { "open": "10:00", "close": "18:00" }, "daysByType": { ... } }
  --data-dir DIR      use the desk's own calendar (closures, open days, business hours, N per type);
  --user NAME         with --data-dir: the staff account to unlock it (password from PRIVACY_DESK_PASSWORD
                      or the prompt)
  -h, --help          this help

Exit status: 0 done, 1 an input value was rejected, 2 the command line is wrong.`;

const MAIN_HELP = `Usage: npm run desk -- calendar <command> [options]

The npm run desk -- calendar in Japan time (Asia/Tokyo), whatever the PC's time zone.

Commands:
  closed YEAR         list the days the desk is closed in YEAR
  due                 day 0 and due date of requests
  import-holidays     import the Cabinet Office's holiday list (syukujitsu.csv) into a desk

Run 'npm run desk -- calendar <command> --help' for a command's options.`;

const CLOSED_HELP = `Usage: npm run desk -- calendar closed YEAR [--json] [--rules FILE]

Lists every day of YEAR (${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}) on which the desk is closed, in date order:
weekends, national holidays (incl. substitute and citizens' holidays), December 29 – January 3, and the
desk's own closures, minus the desk's open days.

With --json: a JSON array of
  { "date": "YYYY-MM-DD", "reason_ja", "reason_en", "kind": "weekend" | "holiday" | "year-end" | "desk",
    "provisional": true | false }
When several reasons apply, the most informative wins: holiday > year-end > desk > weekend (a Saturday
holiday is a "holiday"). "provisional" marks days that depend on an equinox not yet announced by the
government (announced through ${LAST_ANNOUNCED_EQUINOX_YEAR}).

${COMMON_HELP}`;

const DUE_HELP = `Usage: npm run desk -- calendar due --arrived ISO8601 (--days N | --type TYPE) [--json] [--rules FILE]
       npm run desk -- calendar due [--json] [--rules FILE] < requests.jsonl

Day 0 is the arrival date if it is a business day and the request arrived before closing time, otherwise
the next business day. The due date is the N-th business day after day 0, due by closing time.

  --arrived TIME      when the request arrived, ISO 8601 with its UTC offset:
                      2026-12-25T10:00:00+09:00 or 2026-12-25T01:00:00Z (a time without offset is refused)
  --days N            business days allowed (a whole number, 0 or more)
  --type TYPE         use the desk's N for a request type: ${REQUEST_TYPES.join(', ')}

With --json prints { "start": "YYYY-MM-DD", "due": "YYYY-MM-DD" } (start = day 0).

Without --arrived, reads one JSON object per line from stdin, { "arrived": "…", "days": N }, and prints
one JSON line per input line, in order: { "start", "due" }, or { "error": "line L: reason" } for a line
it cannot use. Processing goes on after a bad line; the exit status is then 1.

${COMMON_HELP}`;

const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  rules: { type: 'string' },
  'data-dir': { type: 'string' }, 'database-url': { type: 'string' },
  user: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

class UsageError extends Error {}
/** A stdin line that is not a request object. */
class LineError extends Error {}

function say(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * `--days -1` reads as `--days=-1`: parseArgs would take "-1" for an option and say something else, so a
 * value that looks like a negative number is joined to the option that takes a value before it.
 */
function joinNegativeValues(args: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    const name = a.startsWith('--') ? a.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(oneLine(messageOf(e)));
  }
}

async function loadCalendar(values: { rules?: string; 'data-dir'?: string; 'database-url'?: string; user?: string }, io: CommandIo): Promise<DeskCalendar> {
  if (values['data-dir'] !== undefined || values['database-url'] !== undefined) {
    if (values.rules !== undefined) throw new UsageError('give either --data-dir/--database-url or --rules, not both');
    const cliIo = { ...io, env: io.env ?? process.env };
    return withUnlockedDesk(cliIo, values, values.user, (desk) => loadDeskCalendar(desk.store.db));
  }
  if (values.rules === undefined) return defaultCalendar();
  let rules: Partial<DeskCalendarRules>;
  try {
    rules = JSON.parse(await readFile(values.rules, 'utf8')) as Partial<DeskCalendarRules>;
  } catch (e) {
    throw new CalendarError('INVALID_RULES', `cannot read the rules file ${values.rules}: ${oneLine(messageOf(e))}`);
  }
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
    throw new CalendarError('INVALID_RULES', `the rules file ${values.rules} must hold one JSON object`);
  }
  return buildCalendar(rules);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

async function closedCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse(args, COMMON_OPTIONS);
  if (values.help) {
    say(io.stdout, CLOSED_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one YEAR, e.g. npm run desk -- calendar closed 2027');
  const yearText = positionals[0] as string;
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(`YEAR must be four digits, e.g. 2027, not ${JSON.stringify(yearText)}`);
  const calendar = await loadCalendar(values, io);
  const days = calendar.closedDays(Number(yearText));
  if (values.json) {
    const rows = days.map((d) => ({
      date: d.date,
      reason_ja: d.reasonJa,
      reason_en: d.reasonEn,
      kind: d.kind,
      provisional: d.provisional,
    }));
    say(io.stdout, JSON.stringify(rows, null, 2));
  } else {
    for (const d of days) {
      const weekday = WEEKDAYS[new Date(`${d.date}T00:00:00Z`).getUTCDay()];
      say(io.stdout, `${d.date} ${weekday}  ${d.kind.padEnd(8)}  ${d.reasonJa} / ${d.reasonEn}${d.provisional ? '  (provisional)' : ''}`);
    }
    say(io.stdout, `${days.length} closed days in ${yearText} (Japan time)`);
  }
  return EXIT_OK;
}

function parseDays(value: unknown, what: string): number {
  const ok =
    (typeof value === 'number' && Number.isInteger(value) && value >= 0) ||
    (typeof value === 'string' && /^\d+$/.test(value));
  if (!ok) {
    throw new CalendarError('INVALID_DAYS', `${what} must be a whole number of business days, 0 or more, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

async function writeChunk(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function dueStream(calendar: DeskCalendar, io: CommandIo): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let rejected = 0;
  let out: string[] = [];
  for await (const raw of lines) {
    lineNo++;
    // A file saved by Windows tools starts with a BOM; blank lines (a trailing one, spacing) are skipped.
    const line = lineNo === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    if (line.trim() === '') continue;
    let result: string;
    try {
      let request: unknown;
      try {
        request = JSON.parse(line);
      } catch {
        throw new LineError('is not a JSON object like {"arrived": "2026-12-25T10:00:00+09:00", "days": 10}');
      }
      if (request === null || typeof request !== 'object' || Array.isArray(request)) {
        throw new LineError('is not a JSON object like {"arrived": "2026-12-25T10:00:00+09:00", "days": 10}');
      }
      const { arrived, days } = request as { arrived?: unknown; days?: unknown };
      if (typeof arrived !== 'string') {
        throw new LineError('"arrived" must be an ISO 8601 time with its UTC offset, e.g. "2026-12-25T10:00:00+09:00"');
      }
      if (typeof days !== 'number') {
        throw new LineError(`"days" must be a whole number 0 or more, not ${JSON.stringify(days)}`);
      }
      const d = computeDeadline(calendar, parseInstant(arrived, 'arrived'), parseDays(days, '"days"'));
      result = JSON.stringify({ start: d.start, due: d.due, provisional: d.provisional });
    } catch (e) {
      if (!(e instanceof CalendarError || e instanceof LineError)) throw e;
      rejected++;
      result = JSON.stringify({ error: `line ${lineNo}: ${e.message}` });
    }
    out.push(result);
    // Batch writes: one write per line costs more than the computation itself.
    if (out.length >= 512) {
      await writeChunk(io.stdout, `${out.join('\n')}\n`);
      out = [];
    }
  }
  if (out.length > 0) await writeChunk(io.stdout, `${out.join('\n')}\n`);
  if (rejected > 0) {
    say(io.stderr, `calendar due: ${rejected} of ${lineNo} lines rejected (see the "error" objects in the output)`);
    return EXIT_REJECTED;
  }
  return EXIT_OK;
}

async function dueCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse(args, {
    ...COMMON_OPTIONS,
    arrived: { type: 'string' },
    days: { type: 'string' },
    type: { type: 'string' },
  });
  if (values.help) {
    say(io.stdout, DUE_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}; see npm run desk -- calendar due --help`);

  if (values.arrived === undefined) {
    if (values.days !== undefined || values.type !== undefined) {
      throw new UsageError('--days and --type go with --arrived; when reading stdin each line carries its own "days"');
    }
    return dueStream(await loadCalendar(values, io), io);
  }

  if ((values.days === undefined) === (values.type === undefined)) {
    throw new UsageError('give either --days N or --type TYPE with --arrived');
  }
  const arrivedMs = parseInstant(values.arrived, '--arrived');
  const calendar = await loadCalendar(values, io);
  let days: number;
  if (values.type !== undefined) {
    const type = values.type;
    if (type === undefined || !isRequestTypeName(type)) {
      throw new UsageError(`--type must be one of ${REQUEST_TYPES.join(', ')}, not ${JSON.stringify(type)}`);
    }
    days = calendar.rules.daysByType[type];
  } else {
    days = parseDays(values.days, '--days');
  }
  const d = computeDeadline(calendar, arrivedMs, days);
  if (values.json) {
    say(io.stdout, JSON.stringify({ start: d.start, due: d.due, provisional: d.provisional }));
  } else {
    say(io.stdout, `day 0  ${d.start}\ndue    ${d.due} by ${calendar.rules.businessHours.close} Japan time (${days} business days after day 0)`);
    if (d.provisional) {
      say(io.stdout, `provisional: the period includes an equinox holiday not yet announced (holidays certain through ${calendar.knownThrough})`);
    }
  }
  return EXIT_OK;
}

export async function calendarCommand(args: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'closed':
        return await closedCommand(rest, io);
      case 'due':
        return await dueCommand(rest, io);
      case 'import-holidays':
        return await importHolidaysCommand(rest, io);
      case '--help':
      case '-h':
      case 'help':
        say(io.stdout, MAIN_HELP);
        return EXIT_OK;
      case undefined:
        // No command: the help, as for --help (asking what there is is not a mistake).
        say(io.stdout, MAIN_HELP);
        return EXIT_OK;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}: use closed, due or import-holidays (npm run desk -- calendar --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      say(io.stderr, `calendar${command && command !== '' ? ` ${command}` : ''}: ${e.message}`);
      return EXIT_USAGE;
    }
    if (e instanceof CalendarError) {
      say(io.stderr, `calendar ${command}: ${oneLine(e.message)}`);
      return EXIT_REJECTED;
    }
    throw e;
  }
}
