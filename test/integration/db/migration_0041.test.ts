// Migration 0041_queue_member_order: the queue sorted by the member's name (kana, then name, then id) reads
// its page from an index (one type chosen: in that order; several: their entries sorted) instead of sorting every
// case the filter lets through. On a desk that already has cases: the indexes hold them all, the queue's
// SQL for that sort uses them without a sort step, and the order is the table's (ties broken by id).
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

describe('migration 0041_queue_member_order', () => {
  it('indexes the cases a desk already has in name order, and the member sort reads them without sorting', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0040_status_unchanged_codes')).error).toBeUndefined();
    const insert = store.raw.prepare(`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name,
      member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES (?, ?, '[]', ?, 'email', '2026-01-05T01:00:00.000Z', 10, '2026-01-05', '2026-01-19', '2026-01-19', 'member', '', ?, ?, '', '', '', '', 'x', 'sato', 'now', 'now')`);
    const kana = ['タナカ タロウ', 'サトウ ハナコ', 'アベ ケン', 'タナカ タロウ'];
    const types = ['disclosure', 'correction', 'suspension'];
    store.raw.transaction(() => {
      for (let i = 1; i <= 300; i++) insert.run(`PD-2026-${String(i).padStart(5, '0')}`, types[i % 3], i % 4 === 0 ? 'closed' : 'in_review', `名${i % 7}`, kana[i % kana.length]);
    })();
    // The member sort's page as it reads before the migration (a sort of every row the filter keeps).
    const page = (typesSql: string) => `select "cases"."id" from "cases" where "status" != 'closed'${typesSql} order by "cases"."member_kana" asc, "cases"."member_name" asc, "cases"."id" asc limit 50`;
    const shapes = [page(` and "type" in ('correction')`), page(''), page(` and "type" in ('correction', 'suspension')`)];
    const before = shapes.map((q) => store.raw.prepare(q).all());

    expect((await migrator.migrateTo('0041_queue_member_order')).error).toBeUndefined();
    const indexed = (name: string) => (store.raw.prepare(`SELECT count(*) AS n FROM cases INDEXED BY ${name} WHERE member_kana IS NOT NULL`).get() as { n: number }).n;
    expect([indexed('cases_type_member'), indexed('cases_member_order')]).toEqual([300, 300]);
    const plan = (q: string) => (store.raw.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    // One type: that type's part of cases_type_member, in order; no type: cases_member_order, in order.
    // Several types: each type's part, then a sort of those index entries — no case row is read.
    expect(plan(shapes[0]!)).toBe('SEARCH cases USING COVERING INDEX cases_type_member (type=?)');
    expect(plan(shapes[1]!)).toBe('SCAN cases USING COVERING INDEX cases_member_order');
    expect(plan(shapes[2]!)).toMatch(/^SEARCH cases USING COVERING INDEX cases_type_member \(type=\?\)/);
    expect(shapes.map((q) => store.raw.prepare(q).all())).toEqual(before);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await sql`SELECT name FROM sqlite_master WHERE name IN ('cases_type_member', 'cases_member_order')`.execute(store.db)).toMatchObject({ rows: [] });
    await store.close();
  });
});
