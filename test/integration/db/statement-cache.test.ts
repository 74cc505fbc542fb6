// Kysely prepares every statement it runs; db/open.ts keeps them by SQL text, since on this schema
// preparing costs more than running a small indexed query. Reuse must never change an answer.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { openDatabase, statementCache } from '../../../db/open.ts';
import { tempDir } from '../../support/desk.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('the statement cache', () => {
  it('hands out one prepared statement per SQL text, but never one that is still iterating', () => {
    const raw = new Database(':memory:');
    raw.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3)');
    const cache = statementCache(raw, 2);
    const a = cache.prepare('SELECT x FROM t');
    expect(cache.prepare('SELECT x FROM t')).toBe(a);
    const it = a.iterate();
    it.next();
    const b = cache.prepare('SELECT x FROM t');
    expect(b).not.toBe(a); // busy: a fresh statement
    expect(b.all()).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    it.return?.();
    expect(cache.prepare('SELECT x FROM t')).toBe(a);
    // Oldest first out, past its size.
    cache.prepare('SELECT 1');
    cache.prepare('SELECT 2');
    expect(cache.prepare('SELECT x FROM t')).not.toBe(a);
    cache.close();
    expect(raw.open).toBe(false);
  });

  it('through kysely, a cached statement still sees schema changes and new rows', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    await sql`CREATE TABLE t (x)`.execute(store.db);
    const read = () => sql<{ x: number; y?: number }>`SELECT * FROM t`.execute(store.db).then((r) => r.rows);
    expect(await read()).toEqual([]);
    await sql`INSERT INTO t VALUES (1)`.execute(store.db);
    expect(await read()).toEqual([{ x: 1 }]);
    await sql`ALTER TABLE t ADD COLUMN y DEFAULT 7`.execute(store.db);
    expect(await read()).toEqual([{ x: 1, y: 7 }]);
    await store.close();
  });
});
