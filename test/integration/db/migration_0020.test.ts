// Migration 0020_outbox_bounced: an outbox message can be `bounced` (the member's server sent it back),
// distinct from `failed`. The table is rebuilt: every row, column, index and the bounce rows pointing at
// it survive; a message a bounce had turned `failed` becomes `bounced`, a plain failure stays `failed`;
// other states are still refused; down() turns bounced back into failed and narrows the check again.
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

const at = '2026-11-24T01:00:00.000Z';

describe('migration 0020_outbox_bounced', () => {
  it('widens the outbox state to bounced, keeps every row and bounce, and down() undoes it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0019_saved_views')).error).toBeUndefined();
    await sql`INSERT INTO accounts (username, display_name, role, created_at) VALUES ('sato', 'S', 'supervisor', ${at})`.execute(store.db);
    await sql`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name, member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES ('PD-2026-00001', 'disclosure', '[]', 'notified', 'email', ${at}, 10, '2026-11-24', '2026-12-08', '2026-12-08', 'member', '', '山田', '', 'a@example.com', '150-0001', '東京都', '', 'x', 'sato', ${at}, ${at})`.execute(store.db);
    const row = (id: number, state: string, error: string | null) =>
      sql`INSERT INTO outbox (id, case_id, notice_kind, message_id, to_address, subject, body_text, state, last_error, cancelled_by, cancel_note, created_by, created_at, updated_at)
        VALUES (${id}, 1, 'decision', ${`<m${id}@privacy-desk.local>`}, 'a@example.com', '件名', '本文', ${state}, ${error}, NULL, '', 'sato', ${at}, ${at})`.execute(store.db);
    await row(1, 'failed', '{"code":"MAIL_BOUNCED","status":"5.1.1","diagnostic":"550 user unknown"}');
    await row(2, 'failed', '{"code":"SMTP_TIMEOUT","server":"127.0.0.1:25","phase":"response"}');
    await row(3, 'sent', null);
    const mail = {
      message_id: '<dsn@example.com>', content_hash: 'h1', raw: Buffer.from('raw'), size: 3, source: 'file' as const, arrived_at: at, arrival_source: 'received' as const,
      from_address: 'mailer-daemon@example.com', from_name: '', subject: 'Undelivered', recipient_count: 1, body_text: '', references: '[]', parse_state: 'ok' as const, kind: 'mail' as const,
      status: 'inbox' as const, stored_at: at,
    };
    const { id: inboxId } = await store.db.insertInto('inbox_messages').values(mail).returning('id').executeTakeFirstOrThrow();
    await sql`INSERT INTO outbox_bounces (outbox_id, inbox_message_id, status, diagnostic, at) VALUES (1, ${inboxId}, '5.1.1', '550 user unknown', ${at})`.execute(store.db);
    const indexesBefore = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name`.execute(store.db)).rows;

    expect((await migrator.migrateTo('0020_outbox_bounced')).error).toBeUndefined();
    const states = await store.db.selectFrom('outbox').select(['id', 'state', 'last_error', 'subject']).orderBy('id').execute();
    expect(states.map((r) => [r.id, r.state])).toEqual([
      [1, 'bounced'],
      [2, 'failed'],
      [3, 'sent'],
    ]);
    expect(states[0]!.last_error).toContain('MAIL_BOUNCED');
    expect(states[0]!.subject).toBe('件名');
    expect((await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name`.execute(store.db)).rows).toEqual(indexesBefore);
    expect((await sql`PRAGMA foreign_key_check`.execute(store.db)).rows).toEqual([]);
    expect((await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(store.db)).rows[0]!.foreign_keys).toBe(1);
    // The bounce still points at its message; a bounce for a message that does not exist is still refused.
    expect(await store.db.selectFrom('outbox_bounces').select('outbox_id').execute()).toEqual([{ outbox_id: 1 }]);
    const other = await store.db.insertInto('inbox_messages').values({ ...mail, message_id: '<dsn2@example.com>', content_hash: 'h2' }).returning('id').executeTakeFirstOrThrow();
    await expect(sql`INSERT INTO outbox_bounces (outbox_id, inbox_message_id, status, diagnostic, at) VALUES (99, ${other.id}, '5.1.1', '', ${at})`.execute(store.db)).rejects.toThrow(/FOREIGN KEY/);
    await expect(store.db.updateTable('outbox').set({ state: 'lost' as never }).where('id', '=', 3).execute()).rejects.toThrow(/CHECK/);
    // The claim rule is kept: sending needs a claim.
    await expect(store.db.updateTable('outbox').set({ state: 'sending' }).where('id', '=', 3).execute()).rejects.toThrow(/CHECK/);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect((await store.db.selectFrom('outbox').select('state').orderBy('id').execute()).map((r) => r.state)).toEqual(['failed', 'failed', 'sent']);
    await expect(store.db.updateTable('outbox').set({ state: 'bounced' as never }).where('id', '=', 3).execute()).rejects.toThrow(/CHECK/);
    expect(await store.db.selectFrom('outbox_bounces').select('outbox_id').execute()).toEqual([{ outbox_id: 1 }]);
    await store.close();
  });
});
