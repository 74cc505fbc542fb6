// One test per migration: what 0001 creates, and the guarantees it gives (audit rows are append-only).
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { openDatabase } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { migrateToLatest, appliedMigrations, SCHEMA_VERSION, SchemaTooNewError } from '../../../db/migrate.ts';
import { tempDir } from '../../support/desk.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function freshDb() {
  const dir = tempDir();
  dirs.push(dir);
  return openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
}

describe('migration 0001_foundation', () => {
  it('creates accounts, settings and an append-only audit_log', async () => {
    const store = freshDb();
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => ({ '0001_foundation': migrations['0001_foundation']! }) } });
    const { error } = await migrator.migrateTo('0001_foundation');
    expect(error).toBeUndefined();
    const tables = (await store.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(['accounts', 'audit_log', 'settings']);
    await store.db.insertInto('accounts').values({ username: 'a', display_name: 'A', role: 'agent', slot_id: null, created_at: 'now' }).execute();
    await expect(store.db.insertInto('accounts').values({ username: 'b', display_name: 'B', role: 'admin' as never, slot_id: null, created_at: 'now' }).execute()).rejects.toThrow(/CHECK/);
    await store.db.insertInto('audit_log').values({ at: 'now', actor: 'a', action: 'x', entity: 'e', entity_id: null, detail: '{}', prev_hash: '0', hash: '1' }).execute();
    await expect(sql`UPDATE audit_log SET actor = 'b'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    await store.close();
  });

  it('the static list is what migrateToLatest applies, in order', async () => {
    const store = freshDb();
    await migrateToLatest(store.db as never);
    expect(await appliedMigrations(store.db as never)).toEqual(Object.keys(migrations).sort());
    expect(SCHEMA_VERSION).toBe(Object.keys(migrations).length);
    await store.close();
  });

  it('refuses a database written by a newer version, and changes nothing', async () => {
    const store = freshDb();
    await migrateToLatest(store.db as never);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', 'x')`.execute(store.db);
    const before = (await store.db.introspection.getTables()).length;
    await expect(migrateToLatest(store.db as never)).rejects.toThrow(SchemaTooNewError);
    await expect(migrateToLatest(store.db as never)).rejects.toThrow(/newer version of Privacy Desk/);
    expect((await store.db.introspection.getTables()).length).toBe(before);
    await store.close();
  });
});
