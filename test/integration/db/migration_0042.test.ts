// Migration 0042_open_overdue: the overdue tab's count and page. On a desk that already has cases, the new
// partial index holds exactly the open cases; the count the queue sends for 「期限超過」 is read from it alone
// (no case row), and that count and the page are the same as before the migration.
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

// The shapes listCases sends for view 'overdue' on SQLite (queue.ts narrowing), today 2026-11-24.
const running = `'received', 'in_review', 'decided', 'approved', 'withdrawn', 'rejected'`;
const overdue = `"status" != 'closed' and ((+cases.status in (${running}) and "paused" = 0 and +cases.due_date <= '2026-11-24')
  or (+cases.status in (${running}, 'awaiting_requester') and +cases.type in ('disclosure', 'correction', 'suspension') and "legal_mark" < '2026-11-24'))`;
const count = `select count(*) as "n" from "cases" where (${overdue})`;
const page = `select "cases"."id" from "cases" where (${overdue}) order by "cases"."due_date" asc, "cases"."id" asc limit 50 offset 10`;

describe('migration 0042_open_overdue', () => {
  it('indexes the open cases with what the overdue test reads; the overdue count reads only the index, same answers', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0041_queue_member_order')).error).toBeUndefined();
    const insert = store.raw.prepare(`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, paused, legal_mark, requester_kind, requester_name,
      member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES (?, ?, '[]', ?, 'email', '2026-01-05T01:00:00.000Z', 10, '2026-01-05', ?, ?, ?, 'member', '', 'x', '', '', '', '', '', 'x', 'sato', 'now', 'now')`);
    const statuses = ['closed', 'closed', 'received', 'in_review', 'awaiting_requester', 'notified', 'closed', 'decided'];
    const types = ['disclosure', 'correction', 'suspension'];
    store.raw.transaction(() => {
      for (let i = 1; i <= 400; i++) {
        const day = (d: number) => `2026-${String(10 + (d % 3)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`;
        insert.run(`PD-2026-${String(i).padStart(5, '0')}`, types[i % 3], statuses[i % statuses.length], day(i * 7), i % 5 === 0 ? 1 : 0, day(i * 11));
      }
    })();
    const before = { n: store.raw.prepare(count).get(), page: store.raw.prepare(page).all() };
    expect((before.n as { n: number }).n).toBeGreaterThan(60);

    expect((await migrator.migrateTo('0042_open_overdue')).error).toBeUndefined();
    expect(store.raw.prepare(`SELECT count(*) AS n FROM cases INDEXED BY cases_open_overdue WHERE status != 'closed'`).get()).toEqual({ n: 250 });
    const plan = (q: string) => (store.raw.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    expect(plan(count)).toBe('SCAN cases USING COVERING INDEX cases_open_overdue');
    // The page walks open cases in due order (no sort of every overdue case).
    expect(plan(page)).toMatch(/^SCAN cases USING (COVERING )?INDEX cases_open_(due|overdue)$/);
    expect({ n: store.raw.prepare(count).get(), page: store.raw.prepare(page).all() }).toEqual(before);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await sql`SELECT name FROM sqlite_master WHERE name = 'cases_open_overdue'`.execute(store.db)).toMatchObject({ rows: [] });
    await store.close();
  });
});
