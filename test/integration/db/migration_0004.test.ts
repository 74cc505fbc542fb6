// Migration 0004: the partial index of open cases that the queue's default view (and its count) reads,
// so a desk with years of closed cases pages and counts its open ones without scanning the closed.
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

function freshDb() {
  const dir = tempDir();
  dirs.push(dir);
  return openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
}

const upTo = (name: string) => Object.fromEntries(Object.entries(migrations).filter(([n]) => n <= name));

describe('migration 0004_queue_indexes', () => {
  it('adds a partial index of open cases on a desk that already has cases, and the queue’s SQL uses it', async () => {
    const store = freshDb();
    const migrator = (name: string) => new Migrator({ db: store.db, provider: { getMigrations: async () => upTo(name) } });
    expect((await migrator('0003_cases').migrateTo('0003_cases')).error).toBeUndefined();
    const insert = store.raw.prepare(`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name,
      member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES (?, 'disclosure', '[]', ?, 'email', '2026-01-05T01:00:00.000Z', 10, '2026-01-05', ?, '2026-01-19', 'member', '', 'x', '', '', '', '', '', 'x', 'sato', 'now', 'now')`);
    store.raw.transaction(() => {
      for (let i = 1; i <= 2000; i++) insert.run(`PD-2026-${String(i).padStart(5, '0')}`, i % 10 === 0 ? 'in_review' : 'closed', `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`);
    })();

    expect((await migrator('0004_queue_indexes').migrateTo('0004_queue_indexes')).error).toBeUndefined();
    const index = store.raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'cases_open_due'`).get() as { sql: string };
    expect(index.sql).toMatch(/\(due_date, id, status\) WHERE status != 'closed'/);
    // Exactly the open cases are in it.
    expect(store.raw.prepare(`SELECT count(*) AS n FROM cases INDEXED BY cases_open_due WHERE status != 'closed'`).get()).toEqual({ n: 200 });

    // The shapes listCases sends for the all-open view, with 'closed' bound as a parameter.
    const plan = (q: string) => (store.raw.prepare(`EXPLAIN QUERY PLAN ${q}`).all('closed') as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    expect(plan(`select count(*) as "n" from "cases" where "status" != ?`)).toBe('SCAN cases USING COVERING INDEX cases_open_due');
    expect(plan(`select "cases"."id" from "cases" where "status" != ? order by "cases"."due_date" asc, "cases"."id" asc limit 50`)).toMatch(/^SCAN cases USING (COVERING )?INDEX cases_open_due$/);

    expect((await migrator('0004_queue_indexes').migrateDown()).error).toBeUndefined();
    expect(await sql`SELECT name FROM sqlite_master WHERE name = 'cases_open_due'`.execute(store.db)).toMatchObject({ rows: [] });
    await store.close();
  });
});
