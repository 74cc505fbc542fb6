// Exporting every case as a table (for reporting to the regulator or a spreadsheet). An export shows
// members' personal information, so it is recorded in the audit log like a case-file view, with the
// count, in the same transaction that reads the rows.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { toCsv } from './csv.ts';
import { isContactType } from '../../contract/index.ts';
import { fromJson } from '../../../db/json.ts';

export interface ExportRow {
  reference: string;
  type: string;
  kinds: string[];
  status: string;
  member_name: string;
  member_kana: string;
  member_email: string;
  /** Japan time with its offset, e.g. 2026-11-24T09:30:00+09:00. */
  arrived: string;
  day_zero: string;
  due_date: string;
  /** Issue 19: an inquiry's or complaint's due_date is its reply target, not a legal deadline. */
  due_is_target: boolean;
  /** The type an inquiry had before it was converted into a request. */
  converted_from: string | null;
  outcome: string | null;
  grounds: string[];
  decided_by: string | null;
  decided_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  closed_at: string | null;
}

export const EXPORT_COLUMNS: ReadonlyArray<keyof ExportRow> = [
  'reference',
  'type',
  'kinds',
  'status',
  'member_name',
  'member_kana',
  'member_email',
  'arrived',
  'day_zero',
  'due_date',
  'due_is_target',
  'converted_from',
  'outcome',
  'grounds',
  'decided_by',
  'decided_at',
  'approved_by',
  'approved_at',
  'closed_at',
];

export type ExportFormat = 'csv' | 'json';

/** An instant as stored (UTC ISO) in Japan time: the desk's dates are Japan dates. */
export function japanTime(iso: string): string;
export function japanTime(iso: string | null): string | null;
export function japanTime(iso: string | null): string | null {
  if (iso === null) return null;
  return `${new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}

/** Every case, oldest first, and one `case.export` audit row saying who took how many. */
export async function exportCases(db: Kysely<DB>, actor: string, now: Date, format: ExportFormat): Promise<ExportRow[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('cases')
      .select([
        'reference',
        'type',
        'kinds',
        'status',
        'member_name',
        'member_kana',
        'member_email',
        'arrived_at',
        'day_zero',
        'due_date',
        'converted_from',
        'outcome',
        'grounds',
        'decided_by',
        'decided_at',
        'approved_by',
        'approved_at',
        'closed_at',
      ])
      .orderBy('id')
      .execute();
    await appendAudit(trx, { actor, action: 'case.export', entity: 'case', detail: { count: rows.length, format } }, now);
    return rows.map((r) => ({
      reference: r.reference,
      type: r.type,
      kinds: fromJson(r.kinds),
      status: r.status,
      member_name: r.member_name,
      member_kana: r.member_kana,
      member_email: r.member_email,
      arrived: japanTime(r.arrived_at),
      day_zero: r.day_zero,
      due_date: r.due_date,
      due_is_target: isContactType(r.type),
      converted_from: r.converted_from,
      outcome: r.outcome,
      grounds: fromJson(r.grounds),
      decided_by: r.decided_by,
      decided_at: japanTime(r.decided_at),
      approved_by: r.approved_by,
      approved_at: japanTime(r.approved_at),
      closed_at: japanTime(r.closed_at),
    }));
  });
}

/** CSV for Excel on Japanese Windows: UTF-8 with a BOM (without it Excel reads Shift_JIS), CRLF, RFC 4180. */
export function exportCsv(rows: readonly ExportRow[]): string {
  const header: readonly string[] = EXPORT_COLUMNS;
  const lines = [header, ...rows.map((r) => EXPORT_COLUMNS.map((c) => { const v = r[c]; return Array.isArray(v) ? v.join(';') : typeof v === 'boolean' ? String(v) : v; }))];
  return '\uFEFF' + toCsv(lines);
}

export function exportJson(rows: readonly ExportRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}
