// Migration 0022: the Cabinet Office's holiday list kept with the desk, one row per day, year checked.
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

describe('migration 0022_imported_holidays', () => {
  it('adds imported_holidays on an existing desk: one row per date, the year matches the date, and it rolls back', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => upTo('0022_imported_holidays') } });
    const previous = Object.keys(migrations).filter((n) => n < '0022_imported_holidays').at(-1)!;
    expect((await migrator.migrateTo(previous)).error).toBeUndefined();
    store.raw.prepare(`INSERT INTO desk_days (date, kind, reason, reason_en, created_by, created_at) VALUES ('2027-12-28', 'closed', '大掃除', 'Cleaning', 'sato', 'now')`).run();
    expect((await migrator.migrateTo('0022_imported_holidays')).error).toBeUndefined();

    const insert = store.raw.prepare(`INSERT INTO imported_holidays (date, year, name, imported_by, imported_at) VALUES (?, ?, ?, 'sato', 'now')`);
    insert.run('2028-03-20', 2028, '春分の日');
    expect(() => insert.run('2028-03-20', 2028, '春分の日')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('2028-09-22', 2029, '秋分の日')).toThrow(/CHECK/);
    expect(() => insert.run('1999-01-01', 1999, '元日')).toThrow(/CHECK/);
    expect(() => insert.run('2028/1/1', 2028, '元日')).toThrow(/CHECK/);
    expect(() => insert.run('2028-01-01', 2028, '')).toThrow(/CHECK/);
    // What the desk had is kept.
    expect(store.raw.prepare('SELECT count(*) AS n FROM desk_days').get()).toEqual({ n: 1 });

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await sql`SELECT name FROM sqlite_master WHERE name = 'imported_holidays'`.execute(store.db)).toMatchObject({ rows: [] });
    await store.close();
  });
});
