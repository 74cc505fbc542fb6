// Restoring a .pdbackup straight onto a PostgreSQL server (`desk restore BACKUP --database-url URL`): a
// backup of a local desk or of a shared desk (both are the same encrypted SQLite file) becomes the shared
// desk of an EMPTY database — after an office lost its server, or to move a desk from one server to
// another. The backup is checked exactly as for a local restore (backup/restore.ts stageBackup: checksums,
// the secret, the manifest's seal, every page, the schema) in a staging folder that is removed afterwards;
// only then is the server touched. The copy is move-to-server's (desk-tables.ts: secrets opened from the
// file and sealed with the same data key on the server, the search indexes rebuilt), in ONE transaction
// that also checks itself before it commits: each table's rows against the backup's, the audit chain
// walked on the server. A server that already holds a desk is refused before anything is read from the
// backup; a wrong password leaves the server as it was (not even the schema is made).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatDatabaseUrl } from '../../../db/postgres.ts';
import { forgetColumnKey, useDataKeyForColumns } from '../../../db/secret-columns.ts';
import { deskPaths, type SharedDeskServer } from '../storage/data-dir.ts';
import { writeSlots } from '../keys/slot-store.ts';
import { verifyAudit } from '../audit/audit-log.ts';
import { DeskError } from '../errors.ts';
import { databaseState, migrateShared, openServerStore } from '../vault/shared-desk.ts';
import { stageBackup, verifyBackup, type RestoreSecret } from '../backup/restore.ts';
import type { BackupManifest } from '../backup/manifest.ts';
import { copyDeskTables, firstDifference, tableDigests } from './desk-tables.ts';

export interface RestoredToServer {
  to: string;
  deskId: string;
  cases: number;
  manifest: BackupManifest;
  /** The audit chain's length on the server, verified after the commit on a fresh connection. */
  auditRows: number;
}

/** The server must be an empty database (or one whose set-up stopped after the schema): never a desk's. */
async function refuseDesk(server: SharedDeskServer): Promise<void> {
  const store = await openServerStore(server);
  try {
    const state = await databaseState(store);
    if (state === 'desk') throw new DeskError({ code: 'SHARED_DESK_MOVE_TARGET_HAS_DESK', database: server.target.database });
    if (state === 'foreign') throw new DeskError({ code: 'SHARED_DESK_NOT_A_DESK', database: server.target.database });
  } finally {
    await store.close();
  }
}

export async function restoreToServer(req: { backupPath: string; server: SharedDeskServer; secret: RestoreSecret; now?: Date }): Promise<RestoredToServer> {
  const { server } = req;
  const now = req.now ?? new Date();
  const backupDir = resolve(req.backupPath);
  const manifest = await verifyBackup(backupDir, { hashes: false }); // hashes: on the staged copies
  await refuseDesk(server);

  const staging = mkdtempSync(join(tmpdir(), 'pd-restore-to-server-'));
  try {
    const staged = await stageBackup(backupDir, manifest, staging, req.secret, now, { to: 'server' });
    const store = await openServerStore(server);
    try {
      // Checked again on the connection that copies: a colleague may have set a desk up meanwhile.
      if ((await databaseState(store)) === 'desk') throw new DeskError({ code: 'SHARED_DESK_MOVE_TARGET_HAS_DESK', database: server.target.database });
      await migrateShared(store); // refuses someone else's tables and a newer schema
      useDataKeyForColumns(store.db, staged.dataKey);
      const source = await staged.store.db.transaction().execute((src) => tableDigests(src));
      await store.db.transaction().execute(async (trx) => {
        await copyDeskTables(staged.store.db, trx);
        await writeSlots(deskPaths(staging, server), trx, staged.slots, now);
        const differs = firstDifference(source, await tableDigests(trx));
        if (differs) throw new DeskError({ code: 'SHARED_DESK_COPY_MISMATCH', table: differs, problem: 'rows' });
        if (!(await verifyAudit(trx)).ok) throw new DeskError({ code: 'SHARED_DESK_COPY_MISMATCH', table: 'audit_log', problem: 'rows' });
      });
    } finally {
      forgetColumnKey(store.db);
      await store.close();
      staged.dataKey.fill(0);
      await staged.store.close();
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  // What every PC will see: the committed chain, read back on a new connection.
  const check = await openServerStore(server);
  try {
    const verdict = await verifyAudit(check.db);
    if (!verdict.ok) throw new DeskError({ code: 'SHARED_DESK_COPY_MISMATCH', table: 'audit_log', problem: 'rows' });
    return { to: formatDatabaseUrl(server.target), deskId: manifest.deskId, cases: Number((await check.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), manifest, auditRows: verdict.rows };
  } finally {
    await check.close();
  }
}
