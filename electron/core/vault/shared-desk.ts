// A shared desk (issue 17): the same desk as a local one — accounts, key slots, cases, the signed audit
// log — in a PostgreSQL database every PC of the office connects to. This file opens that database, says
// whether it holds a desk, and sets one up; vault.ts unlocks it the same way as a local desk (a person's
// slot gives the data key), reading the slots from the database instead of keyslots.json.
import { sql } from 'kysely';
import { openPostgres, SharedDeskError } from '../../../db/postgres.ts';
import type { PostgresStore } from '../../../db/open.ts';
import { migrateToLatest, SchemaTooNewError } from '../../../db/migrate.ts';
import type { SharedDeskServer } from '../storage/data-dir.ts';
import { DeskError } from '../errors.ts';
import type { DeskPresence } from './vault.ts';

/** Connects to the shared desk's database; a connection problem becomes its code (wrong password, TLS, …). */
export async function openServerStore(server: SharedDeskServer): Promise<PostgresStore> {
  try {
    return await openPostgres(server.target, server.password);
  } catch (e) {
    if (e instanceof SharedDeskError) throw new DeskError(e.problem);
    throw e;
  }
}

/** Brings the schema up to date; refuses a database of a newer version or one that is not a desk. */
export async function migrateShared(store: PostgresStore): Promise<void> {
  const state = await databaseState(store);
  if (state === 'foreign') throw new DeskError({ code: 'SHARED_DESK_NOT_A_DESK', database: store.target.database });
  try {
    await migrateToLatest(store.db);
  } catch (e) {
    if (e instanceof SchemaTooNewError) throw new DeskError({ code: 'DESK_TOO_NEW', migrations: e.unknown });
    throw e;
  }
}

/**
 * 'empty': no tables (a new database IT staff made for the desk); 'schema': the desk's tables but no desk
 * in them yet (a set-up that stopped after migrating); 'desk': a desk; 'foreign': someone else's tables.
 */
export async function databaseState(store: PostgresStore): Promise<'empty' | 'schema' | 'desk' | 'foreign'> {
  // pg_class, not information_schema: the latter hides tables this role has no rights on, and a table
  // someone else owns is exactly what makes a database not ours.
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`.execute(store.db);
  const names = new Set(rows.map((r) => r.name));
  if (names.size === 0) return 'empty';
  if (!names.has('kysely_migration')) return 'foreign';
  if (!names.has('desk_key_slots')) return 'schema';
  const slots = await store.db.selectFrom('desk_key_slots').select('id').executeTakeFirst();
  return slots ? 'desk' : 'schema';
}

export async function sharedPresence(server: SharedDeskServer): Promise<DeskPresence> {
  const store = await openServerStore(server);
  try {
    const state = await databaseState(store);
    if (state === 'desk') return { state: 'present' };
    if (state === 'foreign') return { state: 'damaged', reason: { code: 'SHARED_DESK_NOT_A_DESK', database: store.target.database } };
    return { state: 'new' };
  } finally {
    await store.close();
  }
}
