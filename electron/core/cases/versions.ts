// One case, two people: every change raises the case's version and records who made it (migration 0034).
// A move that names the version its person saw is refused when the case has changed since —
// "PD-… was changed by 佐藤 花子 at 10:42 — reload to see it" (CASE_CHANGED) — instead of writing over it.
// On a shared desk the case row is locked (SELECT … FOR UPDATE) for the rest of the transaction, so of two
// PCs acting at once the second waits, then sees the first one's version and is refused.
import { sql } from 'kysely';
import { isPostgres } from '../../../db/dialect.ts';
import { DeskError } from '../errors.ts';
import type { Db } from './records.ts';

/** Locks the case for this transaction and refuses it if `seen` is given and is not its version now. */
export async function checkCaseVersion(db: Db, id: number, seen: number | undefined): Promise<void> {
  // The row alone: a lock that waited for a colleague's commit re-reads that row, but a joined row would be
  // the one from before the wait.
  const lock = isPostgres(db) ? sql` FOR UPDATE` : sql``;
  const { rows } = await sql<{ reference: string; version: number; updated_by: string | null; updated_at: string }>`
    SELECT reference, version, updated_by, updated_at FROM cases WHERE id = ${id}${lock}`.execute(db);
  const row = rows[0];
  if (!row || seen === undefined || row.version === seen) return; // a missing case is the action's own error
  const by = row.updated_by === null ? undefined : await db.selectFrom('accounts').select('display_name').where('username', '=', row.updated_by).executeTakeFirst();
  throw new DeskError({ code: 'CASE_CHANGED', reference: row.reference, by: row.updated_by, byName: by?.display_name ?? null, at: row.updated_at });
}

/** Counts a change to the case: the next version, by whom (null: the desk itself, e.g. a calendar change). */
export async function bumpCaseVersion(db: Db, id: number, actor: string | null): Promise<void> {
  await db
    .updateTable('cases')
    .set((eb) => ({ version: eb('version', '+', 1), updated_by: actor }))
    .where('id', '=', id)
    .execute();
}
