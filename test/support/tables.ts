// Reading a desk's tables behind the runtime's back: a second connection opened with the data key
// from the supervisor's slot, to show that a refused call left every row as it was.
import { sqliteStore } from '../../db/open.ts';
import { sql } from 'kysely';
import { lockDesk, unlockWithPassword, type UnlockedDesk } from '../../electron/core/vault/vault.ts';
import { SUPERVISOR, testDeskPaths } from './desk.ts';

/** The unlocked desk through a password slot (the caller locks it again with lockDesk). */
export async function unlockDirect(dataDir: string, username = SUPERVISOR.username, password = SUPERVISOR.password): Promise<UnlockedDesk> {
  const desk = await unlockWithPassword(await testDeskPaths(dataDir), username, password);
  if (!desk) throw new Error(`cannot unlock the desk in ${dataDir} as ${username}`);
  return desk;
}

/** Every row of every table (SQLite's own included), sorted so two dumps compare row for row. */
export async function dumpTables(dataDir: string, username?: string, password?: string): Promise<Record<string, unknown[]>> {
  const desk = await unlockDirect(dataDir, username, password);
  try {
    if (desk.store.kind === 'postgres') {
      const { rows: tables } = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`.execute(desk.store.db);
      const out: Record<string, unknown[]> = {};
      for (const { name } of tables) {
        const { rows } = await sql`SELECT * FROM ${sql.table(name)}`.execute(desk.store.db);
        out[name] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' ? Buffer.from((v as { data: number[] }).data).toString('hex') : v))).sort();
      }
      return out;
    }
    const tables = sqliteStore(desk.store).raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>;
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      // Some tables have no rowid (WITHOUT ROWID, virtual tables): sort the rows themselves.
      const rows = sqliteStore(desk.store).raw.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all();
      out[name] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
    }
    return out;
  } finally {
    await lockDesk(desk);
  }
}
