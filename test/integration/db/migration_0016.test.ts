// Migration 0016: training and legal-hold flags and the purge time on cases, and the indexes reports
// read by. Existing cases keep every value and become "not training, not on hold, not purged".
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

describe('migration 0016_reports_training_retention', () => {
  it('adds the flags with defaults to existing cases, the event-kind index the reports use, and goes down again', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = (name: string) => new Migrator({ db: store.db, provider: { getMigrations: async () => upTo(name) } });
    expect((await migrator('0005_mail').migrateTo('0005_mail')).error).toBeUndefined();
    store.raw
      .prepare(`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name,
        member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at, closed_at)
        VALUES ('PD-2026-00001', 'disclosure', '[]', 'closed', 'email', '2026-01-05T01:00:00.000Z', 10, '2026-01-05', '2026-01-20', '2026-01-19', 'member', '',
        '山田 太郎', '', 'taro@example.jp', '', '', '', '開示請求', 'sato', 'now', 'now', '2026-01-21T01:00:00.000Z')`)
      .run();
    const before = store.raw.prepare('SELECT * FROM cases').get() as Record<string, unknown>;

    expect((await migrator('0016_reports_training_retention').migrateTo('0016_reports_training_retention')).error).toBeUndefined();
    const after = store.raw.prepare('SELECT * FROM cases').get() as Record<string, unknown>;
    // 0009 (on the way) adds the name key duplicate detection compares (issue 11).
    expect(after).toEqual({ ...before, member_name_key: '山田太郎', training: 0, legal_hold: 0, purged_at: null });
    const plan = (store.raw.prepare(`EXPLAIN QUERY PLAN SELECT case_id FROM case_events WHERE kind IN ('pause', 'resume', 'extend')`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    expect(plan).toMatch(/case_events_kind_case/);

    expect((await migrator('0016_reports_training_retention').migrateTo('0005_mail')).error).toBeUndefined();
    expect(store.raw.prepare('SELECT * FROM cases').get()).toEqual(before);
    expect(await sql`SELECT name FROM sqlite_master WHERE name IN ('case_events_kind_case', 'cases_closed_at')`.execute(store.db)).toMatchObject({ rows: [] });
    await store.close();
  });
});
