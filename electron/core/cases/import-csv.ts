// Importing requests from a CSV file (after a leak, hundreds to thousands arrive at once). Every row is
// checked with the contract's intake schema and the same arrival checks as a case typed in by hand, and
// every problem is reported with the row's line in the file and the column at fault. Valid rows become
// cases through createCase — one intake path — inside one transaction: all of them or none.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../db/schema.ts';
import { intakeInput, deliveryPreferences, intakeChannels, requesterKinds, caseTypes, type CreatedCase } from '../../contract/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { CalendarError, computeDeadline, daysForType, type DeskCalendar } from '../calendar/index.ts';
import { isDeskError } from '../errors.ts';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv.ts';
import { checkArrival, createCase, findDuplicates, type Intake } from './intake.ts';
import type { ImportWarning } from '../../contract/index.ts';
import type { Db } from './records.ts';
import { decodeTextFile, type TextEncodingName } from '../files/text-encoding.ts';

/** A problem with the file as a whole: nothing in it is imported. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export interface ImportColumn {
  name: string;
  required: boolean;
  help: string;
}

/** The columns of an import file, in the order the help shows them. Header names are case-insensitive. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'type', required: true, help: 'disclosure | correction | suspension | inquiry | complaint' },
  { name: 'kind', required: false, help: 'what is asked: correct | add | delete (correction); stop-use | delete | stop-third-party (suspension); several separated by ";"' },
  { name: 'arrived', required: true, help: 'when the request arrived, ISO 8601 with its offset: 2026-11-24T10:00+09:00' },
  { name: 'name', required: true, help: "the member's name" },
  { name: 'kana', required: true, help: 'its reading in kana (may be empty)' },
  { name: 'email', required: true, help: 'email address (may be empty when there is an address)' },
  { name: 'address', required: true, help: 'postal address (may be empty when there is an email)' },
  { name: 'requester', required: true, help: 'member | representative | agent' },
  { name: 'text', required: true, help: 'the request as received' },
  { name: 'postal_code', required: false, help: '7 digits, e.g. 160-0023' },
  { name: 'member_id', required: false, help: "the member's ID in the service" },
  { name: 'requester_name', required: false, help: 'name of the representative or agent (required for them)' },
  { name: 'requester_postal_code', required: false, help: "the representative's or agent's postal code (their notices go there)" },
  { name: 'requester_address', required: false, help: "the representative's or agent's postal address (an email or an address is required for them)" },
  { name: 'requester_email', required: false, help: "the representative's or agent's email address" },
  { name: 'requester_phone', required: false, help: "the representative's or agent's phone number" },
  { name: 'channel', required: false, help: 'email | post | phone | web_form (default web_form)' },
  { name: 'delivery', required: false, help: 'electronic | paper, for disclosures (default electronic)' },
];

const COLUMN_NAMES = new Set(IMPORT_COLUMNS.map((c) => c.name));

/** Which CSV column an intake field comes from. */
const COLUMN_OF: Record<string, string> = {
  type: 'type',
  kinds: 'kind',
  channel: 'channel',
  arrivedAt: 'arrived',
  requesterKind: 'requester',
  requesterName: 'requester_name',
  requesterPostalCode: 'requester_postal_code',
  requesterAddress: 'requester_address',
  requesterEmail: 'requester_email',
  requesterPhone: 'requester_phone',
  memberName: 'name',
  memberKana: 'kana',
  memberEmail: 'email',
  memberPostalCode: 'postal_code',
  memberAddress: 'address',
  memberId: 'member_id',
  requestText: 'text',
  delivery: 'delivery',
};

const CHOICES: Record<string, readonly string[]> = {
  type: caseTypes,
  requester: requesterKinds,
  channel: intakeChannels,
  delivery: deliveryPreferences,
};

export interface RowError {
  /** Physical line of the file where the row starts (the header is line 1). */
  line: number;
  /** The CSV column at fault, or null for the row as a whole. */
  column: string | null;
  message: string;
}

export interface ValidRow {
  line: number;
  input: Intake;
}

export interface CheckedImport {
  /** Data rows in the file (blank lines not counted). */
  total: number;
  valid: ValidRow[];
  errors: RowError[];
  /** Lines of the rows that have at least one error, in file order. */
  invalidLines: number[];
}

/** The encodings an import file is read in, as the CLI names them. */
export type ImportEncoding = TextEncodingName;

export interface DecodedImport {
  text: string;
  encoding: ImportEncoding;
}

/**
 * The file's text and the encoding it was read in (core/files/text-encoding.ts owns the rule). Bytes
 * valid in no encoding the desk reads are refused with the line they are on.
 */
export function readImportBytes(bytes: Uint8Array): DecodedImport {
  const decoded = decodeTextFile(bytes);
  if (decoded.ok) return { text: decoded.text, encoding: decoded.encoding };
  switch (decoded.problem) {
    case 'empty':
      throw new ImportFileError('The file is empty.');
    case 'utf16':
      throw new ImportFileError(`The file starts as UTF-16 (${decoded.encoding}) but is not valid UTF-16.`);
    case 'undecodable':
      throw new ImportFileError(`Line ${decoded.line} holds bytes that are neither UTF-8 nor Shift_JIS (CP932); the file may be damaged or in another encoding. Save it again as "CSV UTF-8".`);
  }
}

/** The file's text (see readImportBytes). */
export function decodeImportFile(bytes: Uint8Array): string {
  return readImportBytes(bytes).text;
}

const clean = (s: string | undefined) => (s ?? '').normalize('NFKC').trim();
/** A vocabulary word as typed: any case, hyphens or spaces for underscores (stop-use → stop_use). */
const word = (s: string | undefined) => clean(s).toLowerCase().replace(/[\s-]+/g, '_');

function issueMessage(column: string, issue: z.core.$ZodIssue, raw: string): string {
  const choices = CHOICES[column];
  if (choices && (issue.code === 'invalid_value' || issue.code === 'invalid_type')) {
    const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
    return raw === '' ? `Required: one of ${choices.join(', ')}.` : `"${shown}" is not one of ${choices.join(', ')}.`;
  }
  return issue.message;
}

export interface ImportTable {
  /** Column names from the header, lower case, in file order. */
  columns: string[];
  /** Data rows (blank lines left out), each with the physical line it starts on. */
  records: CsvRecord[];
}

/**
 * Splits the text into rows under its header. The header must hold every required column and no
 * unknown one (a typo would otherwise drop a column silently): those, like a quote never closed, are
 * file errors. Needs no desk, so the file is judged before anyone types a password.
 */
export function readImportTable(text: string): ImportTable {
  let records;
  try {
    records = parseCsv(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ImportFileError(e.message);
    throw e;
  }
  records = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = records.shift();
  if (!header) throw new ImportFileError('The file is empty.');
  const columns = header.fields.map((f) => clean(f).toLowerCase());
  const unknown = columns.filter((c) => !COLUMN_NAMES.has(c));
  if (unknown.length > 0) {
    const names = unknown.map((c) => (c === '' ? '(a column without a name)' : `"${c}"`)).join(', ');
    throw new ImportFileError(`Unknown column${unknown.length > 1 ? 's' : ''} ${names} in the header on line ${header.line}. The columns are: ${IMPORT_COLUMNS.map((c) => c.name).join(', ')}.`);
  }
  const twice = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (twice.length > 0) throw new ImportFileError(`The column "${twice[0]}" appears twice in the header.`);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !columns.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) throw new ImportFileError(`Missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (header on line ${header.line}).`);
  if (records.length === 0) throw new ImportFileError('The file has a header but no rows to import.');
  return { columns, records };
}

/**
 * Checks every row with the contract's intake schema, the arrival-time rule and the deadline engine.
 * All problems are collected; none stops the check.
 */
export function checkImportRows(table: ImportTable, calendar: DeskCalendar, now: Date): CheckedImport {
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  const invalidLines: number[] = [];
  for (const record of table.records) {
    const checked = checkRow(record.line, table.columns, record.fields, calendar, now);
    if ('errors' in checked) {
      errors.push(...checked.errors);
      invalidLines.push(record.line);
    } else valid.push(checked);
  }
  return { total: table.records.length, valid, errors, invalidLines };
}

/** readImportTable and checkImportRows in one. */
export function checkImport(text: string, calendar: DeskCalendar, now: Date): CheckedImport {
  return checkImportRows(readImportTable(text), calendar, now);
}

function checkRow(line: number, columns: string[], fields: string[], calendar: DeskCalendar, now: Date): ValidRow | { errors: RowError[] } {
  if (fields.length !== columns.length) {
    // eslint-disable-next-line no-restricted-syntax -- the CSV import reports to IT staff at the command line, in English by design
    return { errors: [{ line, column: null, message: `This row has ${fields.length} fields but the header has ${columns.length}; check for a missing or extra comma, or a quote that is not closed.` }] };
  }
  const raw: Record<string, string> = {};
  for (const [i, c] of columns.entries()) raw[c] = fields[i] ?? '';
  const type = word(raw.type);
  // stop-use → stop_use; the typed spelling is kept to quote it back in an error.
  const typedKinds = new Map(
    clean(raw.kind)
      .split(/[;；]/)
      .map((k) => [word(k), k.trim()] as const)
      .filter(([k]) => k !== ''),
  );
  const candidate = {
    type,
    kinds: [...typedKinds.keys()],
    channel: word(raw.channel) || 'web_form',
    arrivedAt: raw.arrived ?? '',
    requesterKind: word(raw.requester),
    requesterName: raw.requester_name ?? '',
    requesterPostalCode: raw.requester_postal_code ?? '',
    requesterAddress: raw.requester_address ?? '',
    requesterEmail: clean(raw.requester_email),
    requesterPhone: raw.requester_phone ?? '',
    memberName: raw.name ?? '',
    memberKana: raw.kana ?? '',
    memberEmail: clean(raw.email),
    memberPostalCode: raw.postal_code ?? '',
    memberAddress: raw.address ?? '',
    memberId: raw.member_id ?? '',
    requestText: raw.text ?? '',
    delivery: word(raw.delivery) || (type === 'disclosure' ? 'electronic' : null),
  };
  const parsed = intakeInput.safeParse(candidate);
  if (!parsed.success) {
    const seen = new Set<string>();
    const errors: RowError[] = [];
    for (const issue of parsed.error.issues) {
      const column = COLUMN_OF[String(issue.path[0])] ?? null;
      let message = issueMessage(column ?? '', issue, column ? clean(raw[column]) : '');
      for (const [k, typed] of typedKinds) if (column === 'kind' && k !== typed) message = message.replace(`"${k}"`, `"${typed}"`);
      const key = `${column}\u0000${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push({ line, column, message });
    }
    return { errors };
  }
  const input = parsed.data;
  try {
    checkArrival(input.arrivedAt, now);
    // The deadline must be computable (an arrival before the supported calendar is refused here, not
    // half-way through the import).
    computeDeadline(calendar, input.arrivedAt, daysForType(calendar, input.type));
  } catch (e) {
    if (isDeskError(e)) return { errors: [{ line, column: 'arrived', message: e.message }] };
    if (e instanceof CalendarError) return { errors: [{ line, column: 'arrived', message: `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.` }] };
    throw e;
  }
  return { line, input };
}

export interface RowWarning {
  line: number;
  warning: ImportWarning;
}

/**
 * Rows that duplicate an open case already on the desk (same member by email or name, same type: the
 * intake screen's own check). They are warnings: imported unless the caller skips them.
 */
export async function duplicateWarnings(db: Db, rows: readonly ValidRow[]): Promise<RowWarning[]> {
  const out: RowWarning[] = [];
  for (const row of rows) {
    const [first] = await findDuplicates(db, { type: row.input.type, memberName: row.input.memberName, memberEmail: row.input.memberEmail });
    if (first) out.push({ line: row.line, warning: { code: 'DUPLICATE_OF_OPEN_CASE', reference: first.reference } });
  }
  return out;
}

export interface ImportResult {
  created: Array<CreatedCase & { line: number }>;
}

/**
 * Creates a case for every row, in file order, in ONE transaction: a failure (or a crash) part-way
 * leaves no case behind. The calendar is built once by the caller; `onProgress` is told every
 * `progressEvery` rows (and may throw to abandon the import: nothing is kept then either).
 */
export async function importCases(
  db: Kysely<DB>,
  calendar: DeskCalendar,
  actor: string,
  now: Date,
  rows: readonly ValidRow[],
  options: { skipped?: number; onProgress?: (done: number, total: number) => void; progressEvery?: number } = {},
): Promise<ImportResult> {
  const every = options.progressEvery ?? 1000;
  return db.transaction().execute(async (trx) => {
    const created: ImportResult['created'] = [];
    for (const row of rows) {
      const c = await createCase(trx, calendar, actor, now, row.input);
      created.push({ ...c, line: row.line });
      if (options.onProgress && created.length % every === 0) options.onProgress(created.length, rows.length);
    }
    await appendAudit(
      trx,
      { actor, action: 'case.import', entity: 'case', detail: { count: created.length, skipped: options.skipped ?? 0, references: referenceRanges(created.map((c) => c.reference)) } },
      now,
    );
    return { created };
  });
}

/** The references made, as one range per year of arrival (references are numbered per year). */
export function referenceRanges(references: readonly string[]): Array<{ from: string; to: string }> {
  const byYear = new Map<string, string[]>();
  for (const r of references) {
    const year = r.slice(0, 7);
    const list = byYear.get(year);
    if (list) list.push(r);
    else byYear.set(year, [r]);
  }
  return [...byYear.keys()].sort().map((y) => {
    const refs = byYear.get(y)!.slice().sort();
    return { from: refs[0]!, to: refs.at(-1)! };
  });
}
