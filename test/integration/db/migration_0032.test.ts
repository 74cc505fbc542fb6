// Migration 0032: the cases table takes inquiries and complaints. The table is rebuilt (a CHECK constraint
// cannot be altered in SQLite): every existing case, its id, its timeline's foreign keys and the id counter
// survive; going down again refuses while an inquiry is stored and restores the old table otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Migrator } from 'kysely/migration';
import { openDatabase } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { tempDir } from '../../support/desk.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const upTo = (name: string) => Object.fromEntries(Object.entries(migrations).filter(([n]) => n <= name));
const insert = (type: string, ref: string) => `INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name,
  member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
  VALUES ('${ref}', '${type}', '[]', 'received', 'email', '2026-01-05T01:00:00.000Z', 10, '2026-01-05', '2026-01-20', '2026-01-19', 'member', '',
  '山田 太郎', '', 'taro@example.jp', '', '', '', '質問', 'sato', 'now', 'now')`;

describe('migration 0032_inquiries_complaints', () => {
  it('keeps every case and its timeline, takes the new types, and goes down only without them', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = (name: string) => new Migrator({ db: store.db, provider: { getMigrations: async () => upTo(name) } });
    expect((await migrator('0030_report_facts').migrateTo('0030_report_facts')).error).toBeUndefined();
    store.raw.prepare(insert('disclosure', 'PD-2026-00001')).run();
    store.raw.prepare(insert('suspension', 'PD-2026-00002')).run();
    store.raw.prepare(`INSERT INTO case_events (case_id, at, actor, kind, data) VALUES (2, 'now', 'sato', 'received', '{}')`).run();
    store.raw.prepare('DELETE FROM case_events').run();
    store.raw.prepare(`INSERT INTO case_events (case_id, at, actor, kind, data) VALUES (2, 'now', 'sato', 'received', '{}')`).run();
    expect(() => store.raw.prepare(insert('inquiry', 'PD-2026-00003')).run()).toThrow(/CHECK/);
    const before = store.raw.prepare('SELECT * FROM cases ORDER BY id').all();
    const indexesBefore = store.raw.prepare(`SELECT name FROM sqlite_master WHERE tbl_name = 'cases' AND type = 'index' ORDER BY name`).all();

    expect((await migrator('0032_inquiries_complaints').migrateTo('0032_inquiries_complaints')).error).toBeUndefined();
    const after = store.raw.prepare('SELECT * FROM cases ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(after).toEqual((before as Array<Record<string, unknown>>).map((r) => ({ ...r, related_case_id: null, converted_from: null, reply_template: null, reply_ja: '', reply_en: '' })));
    const indexesAfter = store.raw.prepare(`SELECT name FROM sqlite_master WHERE tbl_name = 'cases' AND type = 'index' AND name != 'cases_related' ORDER BY name`).all();
    expect(indexesAfter).toEqual(indexesBefore);
    expect(store.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    // The timeline still points at its case, and foreign keys are enforced on the rebuilt table.
    expect(() => store.raw.prepare(`INSERT INTO case_events (case_id, at, actor, kind, data) VALUES (99, 'now', 'sato', 'x', '{}')`).run()).toThrow(/FOREIGN KEY/);
    store.raw.prepare(insert('inquiry', 'PD-2026-00003')).run();
    store.raw.prepare(insert('complaint', 'PD-2026-00004')).run();
    expect(() => store.raw.prepare(insert('question', 'PD-2026-00005')).run()).toThrow(/CHECK/);
    // The id counter went on where it was: ids are never reused.
    expect(store.raw.prepare(`SELECT id FROM cases WHERE reference = 'PD-2026-00003'`).get()).toEqual({ id: 3 });

    const refused = await migrator('0032_inquiries_complaints').migrateTo('0030_report_facts');
    expect(refused.error).toBeDefined();
    expect(store.raw.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 4 });
    store.raw.prepare(`DELETE FROM cases WHERE type IN ('inquiry', 'complaint')`).run();
    expect((await migrator('0032_inquiries_complaints').migrateTo('0030_report_facts')).error).toBeUndefined();
    expect(store.raw.prepare('SELECT * FROM cases ORDER BY id').all()).toEqual(before);
    await store.close();
  });
});
