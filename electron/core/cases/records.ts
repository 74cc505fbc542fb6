// Reading and writing a case's rows. Every change to a case goes through recordEvent, which writes the
// timeline event and the audit row (with before/after) in the caller's transaction: one write path.
import type { Kysely, Transaction } from 'kysely';
import type { CaseRow, DB } from '../../../db/schema.ts';
import type { TimelineEventKind } from '../../contract/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { DeskError } from '../errors.ts';
import { foldDeadlineHistory, type DeskCalendar } from '../calendar/index.ts';
import { deadlineCaseOf, deadlineColumns, type EventRow } from './deadline-of-case.ts';
import { nameKey, searchKey } from './normalize.ts';
import { writeSearchRows } from './search-index.ts';
import { toJson } from '../../../db/json.ts';

export type Db = Kysely<DB> | Transaction<DB>;

export async function caseRow(db: Db, id: number): Promise<CaseRow> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DeskError({ code: 'CASE_NOT_FOUND', id });
  return row;
}

/** The id of the case with this reference (as the desk prints it). */
export async function caseIdOf(db: Db, reference: string): Promise<number> {
  const row = await db.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirst();
  if (!row) throw new DeskError({ code: 'CASE_REFERENCE_NOT_FOUND', reference });
  return row.id;
}

export async function caseEvents(db: Db, id: number): Promise<EventRow[]> {
  return db.selectFrom('case_events').select(['id', 'at', 'actor', 'kind', 'data']).where('case_id', '=', id).orderBy('id').execute();
}

export interface EventInput {
  kind: TimelineEventKind;
  data?: Record<string, unknown>;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export async function recordEvent(db: Db, caseId: number, reference: string, actor: string | null, at: Date, e: EventInput): Promise<void> {
  await db.insertInto('case_events').values({ case_id: caseId, at: at.toISOString(), actor, kind: e.kind, data: toJson(e.data ?? {}) }).execute();
  const detail: Record<string, unknown> = { reference, ...(e.data ?? {}) };
  if (e.before) detail.before = e.before;
  if (e.after) detail.after = e.after;
  await appendAudit(db, { actor, action: `case.${e.kind}`, entity: 'case', entityId: String(caseId), detail }, at);
}

/** Recomputes the cached deadline columns from the events (after any pause, resume or extension). */
export async function refreshDeadline(db: Db, calendar: DeskCalendar, row: CaseRow): Promise<void> {
  const state = foldDeadlineHistory(calendar, deadlineCaseOf(row, await caseEvents(db, row.id)));
  await db.updateTable('cases').set(deadlineColumns(state, row.arrived_at)).where('id', '=', row.id).execute();
}

type SearchFields = Pick<CaseRow, 'reference' | 'member_name' | 'member_kana' | 'member_email' | 'member_id' | 'requester_name' | 'request_text'>;

/**
 * The text a search finds a case by: reference, names, email, member id, the request, its notes, then
 * the names' spaceless keys (nameKey), so 「加藤隆」 and 「カトウタカシ」 typed without the space find
 * 「加藤 隆」 (issue 11). Migration 0009 appended the same keys, in the same order, to older cases.
 */
export function searchBody(row: SearchFields, notes: readonly string[]): string {
  const text = searchKey([row.reference, row.member_name, row.member_kana, row.member_email, row.member_id, row.requester_name, row.request_text, ...notes].join('\n'));
  const keys = [row.member_name, row.member_kana, row.requester_name].map(nameKey).filter((k) => k !== '');
  return keys.length ? `${text}\n${keys.join('\n')}` : text;
}

/** Keeps the search indexes (search-index.ts) in step with what a search should find on this case. */
export async function refreshSearch(db: Db, id: number): Promise<void> {
  const row = await caseRow(db, id);
  const notes = await db.selectFrom('case_notes').select('text').where('case_id', '=', id).execute();
  const body = searchBody(row, notes.map((n) => n.text));
  await writeSearchRows(db, id, body);
}
