// Migration 0018: the bigram index beside the trigram one, filled from the text a desk already holds, so
// two-character searches on an existing desk find the same cases a scan would, through the index.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { openDatabase } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { tempDir } from '../../support/desk.ts';
import { searchHits } from '../../../electron/core/cases/search-index.ts';
import { searchKey } from '../../../electron/core/cases/normalize.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const before = (name: string) => Object.entries(migrations).filter(([n]) => n < name).at(-1)![0];
const upTo = (name: string) => Object.fromEntries(Object.entries(migrations).filter(([n]) => n <= name));

describe('migration 0018_search_bigrams', () => {
  it('indexes the bigrams of every case already on the desk; two-character searches then match a scan', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = (name: string) => new Migrator({ db: store.db, provider: { getMigrations: async () => upTo(name) } });
    const previous = before('0018_search_bigrams');
    expect((await migrator(previous).migrateTo(previous)).error).toBeUndefined();

    // More rows than one batch of the migration, with the names staff search by.
    const names = ['田中 太郎', '佐藤 花子', '長谷川 翔太', 'Nguyen Van An', '中田 恵'];
    const insert = store.raw.prepare(`INSERT INTO case_search (rowid, body) VALUES (?, ?)`);
    store.raw.transaction(() => {
      for (let i = 1; i <= 4500; i++) insert.run(i, searchKey(`PD-2026-${String(i).padStart(5, '0')}\n${names[i % names.length]}\nたなか`));
    })();

    expect((await migrator('0018_search_bigrams').migrateTo('0018_search_bigrams')).error).toBeUndefined();
    const count = async (q: string) => {
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${searchHits(store.db, searchKey(q))}`.execute(store.db);
      return rows[0]!.n;
    };
    const scan = (q: string) => (store.raw.prepare(`SELECT count(*) AS n FROM case_search WHERE instr(body, ?) > 0`).get(searchKey(q)) as { n: number }).n;
    for (const q of ['田中', '中田', '佐藤', 'ng', 'タナ', 'たな', '谷', '5']) expect(await count(q), q).toBe(scan(q));
    expect(await count('田中')).toBe(900);

    expect((await migrator('0018_search_bigrams').migrateDown()).error).toBeUndefined();
    expect(await sql`SELECT name FROM sqlite_master WHERE name = 'case_search_bigram'`.execute(store.db)).toMatchObject({ rows: [] });
    await store.close();
  });
});
