// Moving a local desk onto a PostgreSQL server (`desk move-to-server`): every table of the encrypted
// SQLite file — cases, events, notices, mail, attachments, accounts, settings, the signed audit chain
// with its system key — and the key slots of keyslots.json, copied into an empty database in ONE
// transaction that also checks the copy before it commits (each table's rows against the source's,
// the audit chain walked on the server). After the commit the server is unlocked afresh with the mover's
// password (proving every PC can log in with the copied slots), the move is recorded in the server's
// audit log, and the local folder gets a marker naming where the desk went. The local database itself
// is only read: it stays as it was, as a fallback, and a second move of it is refused.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { formatDatabaseUrl } from '../../../db/postgres.ts';
import { deskPaths, type DeskPaths, type SharedDeskServer } from '../storage/data-dir.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { readKeySlots } from '../keys/key-slots.ts';
import { writeSlots } from '../keys/slot-store.ts';
import { appendAudit, verifyAudit } from '../audit/audit-log.ts';
import { DeskError } from '../errors.ts';
import { databaseState, migrateShared, openServerStore } from '../vault/shared-desk.ts';
import { lockDesk, unlockWithPassword, type UnlockedDesk } from '../vault/vault.ts';
import { copyDeskTables, firstDifference, tableDigests } from './desk-tables.ts';
import { forgetColumnKey, useDataKeyForColumns } from '../../../db/secret-columns.ts';

/** <desk folder>/moved-to-server.json: written once the server holds the verified copy. */
export const movedMarkerPath = (paths: DeskPaths): string => join(paths.deskDir, 'moved-to-server.json');

const markerSchema = z.object({ format: z.literal(1), to: z.string(), at: z.string(), deskId: z.string(), cases: z.number().int() }).strict();
export type MovedMarker = z.infer<typeof markerSchema>;

/** Where this local desk was moved, or null if it never was (an unreadable marker counts as moved: refuse, never guess). */
export function movedTo(paths: DeskPaths): MovedMarker | null {
  const path = movedMarkerPath(paths);
  if (!existsSync(path)) return null;
  try {
    return markerSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return { format: 1, to: 'unknown', at: 'unknown', deskId: 'unknown', cases: 0 };
  }
}

export interface MoveResult {
  to: string;
  at: string;
  cases: number;
  /** Rows copied per table. */
  rows: Record<string, number>;
  /** The audit chain's length on the server after the move was recorded. */
  auditRows: number;
}

/**
 * `local` is the local desk, unlocked by `username` (a supervisor) with `password`; its folder's instance
 * lock is the caller's. `server` is an empty database (or one a stopped move left with the schema only).
 */
export async function moveToServer(local: { desk: UnlockedDesk; paths: DeskPaths }, server: SharedDeskServer, who: { username: string; password: string }, now = new Date()): Promise<MoveResult> {
  const moved = movedTo(local.paths);
  if (moved) throw new DeskError({ code: 'DESK_MOVED_TO_SERVER', to: moved.to, at: moved.at });
  const role = await local.desk.store.db.selectFrom('accounts').select(['role', 'disabled']).where('username', '=', who.username).executeTakeFirst();
  if (!role || role.disabled || role.role !== 'supervisor') throw new DeskError({ code: 'SUPERVISOR_ONLY' });
  const to = formatDatabaseUrl(server.target);
  const slots = readKeySlots(local.paths.keySlots);
  const sharedPaths = deskPaths(local.paths.dataDir, server);

  const store = await openServerStore(server);
  let rows: Record<string, number>;
  let cases: number;
  try {
    const state = await databaseState(store);
    if (state === 'desk') throw new DeskError({ code: 'SHARED_DESK_MOVE_TARGET_HAS_DESK', database: server.target.database });
    await migrateShared(store); // refuses someone else's tables and a newer schema
    useDataKeyForColumns(store.db, local.desk.dataKey); // the secrets go onto the server sealed
    const source = await local.desk.store.db.transaction().execute((src) => tableDigests(src));
    ({ rows, cases } = await store.db.transaction().execute(async (trx) => {
      const copied = await copyDeskTables(local.desk.store.db, trx);
      await writeSlots(sharedPaths, trx, slots, now);
      // Checked before it commits: a copy that differs is never left on the server.
      const differs = firstDifference(source, await tableDigests(trx));
      if (differs) throw new DeskError({ code: 'SHARED_DESK_COPY_MISMATCH', table: differs, problem: 'rows' });
      if (!(await verifyAudit(trx)).ok) throw new DeskError({ code: 'SHARED_DESK_COPY_MISMATCH', table: 'audit_log', problem: 'rows' });
      return { rows: copied.rows, cases: copied.rows.cases ?? 0 };
    }));
  } finally {
    forgetColumnKey(store.db);
    await store.close();
  }

  // A fresh connection, through the copied key slots, as a colleague's PC will open it.
  const shared = await unlockWithPassword(sharedPaths, who.username, who.password);
  if (!shared) throw new DeskError({ code: 'AUTH_FAILED' });
  let auditRows: number;
  try {
    await appendAudit(shared.store.db, { actor: who.username, action: 'desk.move-to-server', entity: 'desk', entityId: shared.deskId, detail: { cases, tables: Object.keys(rows).length } }, now);
    const verdict = await verifyAudit(shared.store.db);
    if (!verdict.ok) throw new DeskError({ code: 'SHARED_DESK_COPY_MISMATCH', table: 'audit_log', problem: 'rows' });
    auditRows = verdict.rows;
  } finally {
    await lockDesk(shared);
  }
  const marker: MovedMarker = { format: 1, to, at: now.toISOString(), deskId: slots.deskId, cases };
  writeFileAtomic(movedMarkerPath(local.paths), JSON.stringify(marker, null, 2) + '\n');
  return { to, at: marker.at, cases, rows, auditRows };
}
