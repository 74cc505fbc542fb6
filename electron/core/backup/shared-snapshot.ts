// A shared desk's backup in the same .pdbackup format as a local desk's: the desk's tables read from the
// PostgreSQL server in ONE REPEATABLE READ, READ ONLY transaction (one consistent snapshot while the
// office keeps working; the key slots read in the same transaction, so slots and accounts belong
// together) and written into a new encrypted SQLite file under the desk's data key, with the local
// schema (every SQLite migration) and its search indexes. The result restores like any backup: into a
// local desk (`desk restore`), or onto another server (`desk move-to-server` from the restored folder).
import { closeSync, fsyncSync, openSync, readSync, fstatSync, chmodSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { openDatabase } from '../../../db/open.ts';
import { appliedMigrations, migrateToLatest } from '../../../db/migrate.ts';
import { SHARED_SLOTS_NAME } from '../keys/slot-store.ts';
import { parseKeySlots } from '../keys/key-slots.ts';
import { auditHead } from '../audit/audit-log.ts';
import { DeskError } from '../errors.ts';
import { copyDeskTables } from '../shared-desk/desk-tables.ts';
import type { SnapshotRequest, SnapshotResult } from './snapshot.ts';

export interface SharedSnapshot {
  result: SnapshotResult;
  /** keyslots.json as a local desk writes it, from the same snapshot as the tables. */
  slots: Buffer;
}

/** Copies the shared desk `server` into the empty file `req.target` (encrypted with `req.dataKey`). */
export async function snapshotShared(server: Kysely<DB>, req: Pick<SnapshotRequest, 'dataKey' | 'target'>): Promise<SharedSnapshot> {
  const copy = openDatabase(req.target, req.dataKey, { create: true });
  let slots: Buffer;
  try {
    chmodSync(req.target, 0o600);
    await migrateToLatest(copy.db);
    slots = await server
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (src) => {
        await sql`SET TRANSACTION READ ONLY`.execute(src);
        const row = await src.selectFrom('desk_key_slots').select('body').where('id', '=', 1).executeTakeFirst();
        if (!row) throw new DeskError({ code: 'KEYSLOTS_MISSING', path: SHARED_SLOTS_NAME });
        const file = parseKeySlots(row.body, SHARED_SLOTS_NAME);
        await copy.db.transaction().execute((dst) => copyDeskTables(src, dst));
        return Buffer.from(JSON.stringify(file, null, 2) + '\n', 'utf8');
      });
  } catch (e) {
    await copy.close();
    throw e;
  }
  let cases: number;
  let audit: SnapshotResult['audit'];
  let migrations: string[];
  try {
    cases = Number((await copy.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    audit = await auditHead(copy.db);
    migrations = await appliedMigrations(copy.db);
  } finally {
    await copy.close(); // checkpoints the WAL into the file: the folder holds desk.db alone
  }
  if (existsSync(`${req.target}-wal`)) throw new DeskError({ code: 'BACKUP_FAILED', folder: req.target, system: 'wal-left' });
  const { sha256, bytes } = fsyncAndHash(req.target);
  return { result: { cases, audit, migrations, sha256, bytes }, slots };
}

function fsyncAndHash(path: string): { sha256: string; bytes: number } {
  const fd = openSync(path, 'r+');
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    fsyncSync(fd);
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, bytes);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      bytes += n;
    }
    if (fstatSync(fd).size !== bytes) throw Object.assign(new Error('the copy changed while it was hashed'), { code: 'EIO' });
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}
