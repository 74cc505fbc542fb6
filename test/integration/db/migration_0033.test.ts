// Migration 0033: a reply (issue 19) sets cases.answered_at like a decision, for replies recorded before it
// too; going down, only decisions, withdrawals and rejections do again.
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

describe('migration 0033_reply_answers', () => {
  it('counts a reply as the answer, for old and new notices', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = (name: string) => new Migrator({ db: store.db, provider: { getMigrations: async () => upTo(name) } });
    expect((await migrator('0032_inquiries_complaints').migrateTo('0032_inquiries_complaints')).error).toBeUndefined();
    store.raw
      .prepare(`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name,
        member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
        VALUES ('PD-2026-00001', 'inquiry', '[]', 'notified', 'email', '2026-01-05T01:00:00.000Z', 3, '2026-01-05', '2026-01-08', '2026-01-19', 'member', '',
        '山田 太郎', '', 'taro@example.jp', '', '', '', '質問', 'sato', 'now', 'now')`)
      .run();
    const notice = (at: string) => store.raw.prepare(`INSERT INTO notices (case_id, kind, channel, note, recorded_by, recorded_at) VALUES (1, 'reply', 'letter', '', 'sato', ?)`).run(at);
    notice('2026-01-07T02:00:00.000Z');
    const answered = () => (store.raw.prepare('SELECT answered_at FROM cases WHERE id = 1').get() as { answered_at: string | null }).answered_at;
    expect(answered()).toBeNull();
    expect((await migrator('0033_reply_answers').migrateTo('0033_reply_answers')).error).toBeUndefined();
    expect(answered()).toBe('2026-01-07T02:00:00.000Z');
    notice('2026-01-06T02:00:00.000Z');
    expect(answered()).toBe('2026-01-06T02:00:00.000Z');
    expect((await migrator('0033_reply_answers').migrateTo('0032_inquiries_complaints')).error).toBeUndefined();
    expect(answered()).toBeNull();
    await store.close();
  });
});
