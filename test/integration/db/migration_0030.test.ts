// Migration 0030: cases.answered_at (the first final notice) filled from the notices already recorded and
// kept by a trigger from then on; the covering index a report reads arrivals from; down removes it all.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Migrator } from 'kysely/migration';
import { openDatabase } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { tempDir } from '../../support/desk.ts';
import { factsQuery } from '../../../electron/core/reports/facts.ts';
import { periodBounds } from '../../../electron/core/reports/period.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const upTo = (name: string) => Object.fromEntries(Object.entries(migrations).filter(([n]) => n <= name));

describe('migration 0030_report_facts', () => {
  it('fills answered_at from the first final notice, keeps it by trigger, reads arrivals from the covering index, and goes down again', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = (name: string) => new Migrator({ db: store.db, provider: { getMigrations: async () => upTo(name) } });
    expect((await migrator('0019_saved_views').migrateTo('0019_saved_views')).error).toBeUndefined();
    const addCase = store.raw.prepare(`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name,
        member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
        VALUES (?, 'disclosure', '[]', 'notified', 'email', '2026-01-05T01:00:00.000Z', 10, '2026-01-05', '2026-01-20', '2026-01-19', 'member', '',
        '山田 太郎', '', 'taro@example.jp', '', '', '', '開示請求', 'sato', 'now', 'now')`);
    const notice = store.raw.prepare(`INSERT INTO notices (case_id, kind, channel, note, recorded_by, recorded_at) VALUES (?, ?, 'letter', '', 'sato', ?)`);
    const answered = Number(addCase.run('PD-2026-00001').lastInsertRowid);
    const unanswered = Number(addCase.run('PD-2026-00002').lastInsertRowid);
    notice.run(answered, 'acknowledgement', '2026-01-05T02:00:00.000Z'); // not a final notice
    notice.run(answered, 'decision', '2026-01-15T03:00:00.000Z');
    notice.run(answered, 'decision', '2026-01-16T03:00:00.000Z'); // a copy, later
    notice.run(unanswered, 'documents_request', '2026-01-06T03:00:00.000Z');

    expect((await migrator('0030_report_facts').migrateTo('0030_report_facts')).error).toBeUndefined();
    const answeredAt = (id: number) => (store.raw.prepare('SELECT answered_at FROM cases WHERE id = ?').get(id) as { answered_at: string | null }).answered_at;
    expect([answeredAt(answered), answeredAt(unanswered)]).toEqual(['2026-01-15T03:00:00.000Z', null]);

    // From now on the trigger keeps it: a later notice never moves it, the first final one sets it.
    notice.run(answered, 'withdrawal', '2026-01-20T03:00:00.000Z');
    notice.run(unanswered, 'acknowledgement', '2026-01-07T03:00:00.000Z');
    expect([answeredAt(answered), answeredAt(unanswered)]).toEqual(['2026-01-15T03:00:00.000Z', null]);
    notice.run(unanswered, 'rejection', '2026-01-21T03:00:00.000Z');
    expect(answeredAt(unanswered)).toBe('2026-01-21T03:00:00.000Z');

    // A report reads the arrivals of a period from the covering index alone: no case row (with the member's words) is read.
    const q = factsQuery(store.db, periodBounds({ from: '2026-01-01', to: '2026-01-31' }), { kind: 'desk' }).compile(store.db);
    const plan = (store.raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    expect(plan).toContain('USING COVERING INDEX cases_report (arrived_at>? AND arrived_at<?)');
    expect(plan).toContain('cases_closed_arrived');
    expect((store.raw.prepare(q.sql).all(...q.parameters) as Array<{ id: number }>).map((r) => r.id).sort()).toEqual([answered, unanswered]);

    expect((await migrator('0030_report_facts').migrateTo('0019_saved_views')).error).toBeUndefined();
    expect((store.raw.prepare(`SELECT name FROM pragma_table_info('cases') WHERE name = 'answered_at'`).all())).toEqual([]);
    expect(store.raw.prepare(`SELECT name FROM sqlite_master WHERE name IN ('cases_report', 'cases_closed_arrived', 'fee_entries_received', 'cases_training', 'notices_answered_at')`).all()).toEqual([]);
    store.close();
  });
});
