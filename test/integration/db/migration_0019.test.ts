// Migration 0019: saved queue views, one name per person, kept with the desk.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { openDatabase } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { tempDir } from '../../support/desk.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
const upTo = (name: string) => Object.fromEntries(Object.entries(migrations).filter(([n]) => n <= name));

describe('migration 0019_saved_views', () => {
  it('adds saved_views on an existing desk: one name per owner, owners must exist, and it rolls back', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => upTo('0019_saved_views') } });
    const previous = Object.keys(migrations).filter((n) => n < '0019_saved_views').at(-1)!;
    expect((await migrator.migrateTo(previous)).error).toBeUndefined();
    store.raw.prepare(`INSERT INTO accounts (username, display_name, role, slot_id, disabled, must_change_password, created_at) VALUES ('sato', '佐藤', 'supervisor', NULL, 0, 0, 'now')`).run();
    expect((await migrator.migrateTo('0019_saved_views')).error).toBeUndefined();

    const insert = store.raw.prepare(`INSERT INTO saved_views (owner, name, params, shared, created_at) VALUES (?, ?, ?, ?, 'now')`);
    insert.run('sato', '承認待ち', 'status=decided', 1);
    expect(() => insert.run('sato', '承認待ち', 'view=mine', 0)).toThrow(/UNIQUE/);
    expect(() => insert.run('nobody', 'x', '', 0)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('sato', '', '', 0)).toThrow(/CHECK/);
    expect(() => insert.run('sato', 'big', 'x'.repeat(2001), 0)).toThrow(/CHECK/);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await sql`SELECT name FROM sqlite_master WHERE name = 'saved_views'`.execute(store.db)).toMatchObject({ rows: [] });
    await store.close();
  });
});
