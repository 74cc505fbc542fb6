// Migration 0008: a finished case's due date restored where a calendar change moved it after its clock
// stopped, with a timeline note.
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
const event = (store: ReturnType<typeof freshDb>, caseId: number, kind: string, data: object) =>
  store.raw.prepare(`INSERT INTO case_events (case_id, at, actor, kind, data) VALUES (?, '2026-12-02T00:00:00.000Z', 'sato', ?, ?)`).run(caseId, kind, JSON.stringify(data));

describe('migration 0008_frozen_deadlines', () => {
  it('restores the due date a case had when its clock stopped, and notes it; running cases are untouched', async () => {
    const store = freshDb();
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => upTo('0008_frozen_deadlines') } });
    expect((await migrator.migrateTo('0005_mail')).error).toBeUndefined();
    // Withdrawn on 12-02, then a closure moved it 12-15 → 12-16 (the old bug).
    const wd = insertCase(store, 'PD-2026-00001', 'withdrawn', '2026-12-16');
    event(store, wd, 'received', { due: '2026-12-15' });
    event(store, wd, 'withdrawn', { from: 'received', to: 'withdrawn' });
    event(store, wd, 'due_recomputed', { oldDue: '2026-12-15', newDue: '2026-12-16', why: 'desk closed on 2026-12-03' });
    // Still in review: its recompute was right.
    const running = insertCase(store, 'PD-2026-00002', 'in_review', '2026-12-16');
    event(store, running, 'status', { from: 'received', to: 'in_review' });
    event(store, running, 'due_recomputed', { oldDue: '2026-12-15', newDue: '2026-12-16' });
    // Recomputed while running, closed afterwards: its history agrees.
    const closed = insertCase(store, 'PD-2026-00003', 'closed', '2026-12-16');
    event(store, closed, 'due_recomputed', { oldDue: '2026-12-15', newDue: '2026-12-16' });
    event(store, closed, 'closed', { from: 'notified', to: 'closed' });

    expect((await migrator.migrateTo('0008_frozen_deadlines')).error).toBeUndefined();
    const due = (id: number) => (store.raw.prepare('SELECT due_date FROM cases WHERE id = ?').get(id) as { due_date: string }).due_date;
    expect([due(wd), due(running), due(closed)]).toEqual(['2026-12-15', '2026-12-16', '2026-12-16']);
    const notes = store.raw.prepare(`SELECT case_id, actor, data FROM case_events WHERE kind = 'due_restored'`).all() as Array<{ case_id: number; actor: null; data: string }>;
    expect(notes).toHaveLength(1);
    expect(notes[0]!.case_id).toBe(wd);
    expect(JSON.parse(notes[0]!.data)).toMatchObject({ from: '2026-12-16', to: '2026-12-15', why: 'recomputed_after_clock_stopped' });
    await store.close();
  });
});
