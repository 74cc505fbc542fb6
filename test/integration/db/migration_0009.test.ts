// Migration 0009: stored name keys for duplicate detection, spaceless names in the search index.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
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

function insertCase(store: ReturnType<typeof freshDb>, ref: string, status: string, due: string, name = 'x') {
  const r = store.raw
    .prepare(
      `INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name,
      member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES (?, 'correction', '[]', ?, 'email', '2026-12-01T01:00:00.000Z', 10, '2026-12-01', ?, '2026-12-15', 'member', '', ?, '', '', '', '', '', 'x', 'sato', 'now', 'now')`,
    )
    .run(ref, status, due, name);
  return Number(r.lastInsertRowid);
}
describe('migration 0009_name_keys', () => {
  it('fills member_name_key for existing cases and adds the spaceless names to their search text', async () => {
    const store = freshDb();
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => upTo('0009_name_keys') } });
    expect((await migrator.migrateTo('0008_frozen_deadlines')).error).toBeUndefined();
    const id = insertCase(store, 'PD-2026-00001', 'received', '2026-12-15', 'やまだ　はなこ');
    store.raw.prepare('INSERT INTO case_search (rowid, body) VALUES (?, ?)').run(id, 'pd-2026-00001\nヤマダ ハナコ');
    expect((await migrator.migrateTo('0009_name_keys')).error).toBeUndefined();
    expect(store.raw.prepare('SELECT member_name_key FROM cases WHERE id = ?').get(id)).toEqual({ member_name_key: 'ヤマダハナコ' });
    expect(store.raw.prepare(`SELECT rowid FROM case_search WHERE case_search MATCH '"ヤマダハナコ"'`).all()).toEqual([{ rowid: id }]);
    const plan = (store.raw.prepare(`EXPLAIN QUERY PLAN SELECT id FROM cases WHERE type = ? AND member_name_key = ?`).all('correction', 'x') as Array<{ detail: string }>).map((r) => r.detail).join();
    expect(plan).toMatch(/cases_type_name_key/);
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await store.close();
  });
});
