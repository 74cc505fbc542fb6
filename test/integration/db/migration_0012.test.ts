// Migration 0012_inbox: incoming mail, its attachments, the mailbox settings and read marks, bounces, and
// the guarantees the schema gives (one row per content hash, attached exactly when it has a case,
// dismissed exactly when it has a reason, known states only, one settings row).
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

describe('migration 0012_inbox', () => {
  it('creates the inbox tables with their checks, and down() removes them', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0012_inbox')).error).toBeUndefined();
    const tables = (await store.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['inbox_messages', 'inbox_attachments', 'mailbox_settings', 'mailbox_state', 'outbox_bounces']));

    await sql`INSERT INTO accounts (username, display_name, role, created_at) VALUES ('sato', 'S', 'supervisor', ${at})`.execute(store.db);
    await sql`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name, member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES ('PD-2026-00001', 'disclosure', '[]', 'received', 'email', ${at}, 10, '2026-11-24', '2026-12-08', '2026-12-08', 'member', '', '山田', '', 'a@example.com', '', '', '', 'x', 'sato', ${at}, ${at})`.execute(store.db);
    const mail = {
      message_id: '<a@example.com>', content_hash: 'h1', raw: Buffer.from('raw'), size: 3, source: 'file' as const, arrived_at: at, arrival_source: 'received' as const,
      from_address: 'a@example.com', from_name: '', subject: 's', recipient_count: 1, body_text: 'b', references: '[]', parse_state: 'ok' as const, kind: 'mail' as const,
      status: 'inbox' as const, stored_at: at,
    };
    await store.db.insertInto('inbox_messages').values(mail).execute();
    await expect(store.db.insertInto('inbox_messages').values(mail).execute()).rejects.toThrow(/UNIQUE/);
    await expect(store.db.insertInto('inbox_messages').values({ ...mail, content_hash: 'h2', status: 'attached' }).execute()).rejects.toThrow(/CHECK/);
    await expect(store.db.insertInto('inbox_messages').values({ ...mail, content_hash: 'h3', case_id: 1 }).execute()).rejects.toThrow(/CHECK/);
    await expect(store.db.insertInto('inbox_messages').values({ ...mail, content_hash: 'h4', status: 'dismissed' }).execute()).rejects.toThrow(/CHECK/);
    await expect(store.db.insertInto('inbox_messages').values({ ...mail, content_hash: 'h5', kind: 'spam' as never }).execute()).rejects.toThrow(/CHECK/);
    await store.db.insertInto('inbox_messages').values({ ...mail, content_hash: 'h6', status: 'attached', case_id: 1, attached_by_rule: 'reference' }).execute();
    await store.db.insertInto('inbox_attachments').values({ message_id: 1, position: 0, filename: '在留カード.jpg', content_type: 'image/jpeg', size: 1, content: Buffer.from([0xff]) }).execute();
    await expect(store.db.insertInto('inbox_attachments').values({ message_id: 1, position: 0, filename: 'x', content_type: 'x', size: 1, content: Buffer.from([0]) }).execute()).rejects.toThrow(/UNIQUE/);

    const settings = { host: 'imap.example.jp', port: 993, tls: 'tls' as const, username: 'desk', password: 'p', folder: 'INBOX', after_fetch: 'seen' as const, move_to: 'Processed', max_message_bytes: 25 << 20, updated_at: at, updated_by: 'sato' };
    await store.db.insertInto('mailbox_settings').values({ id: 1, ...settings }).execute();
    await expect(store.db.insertInto('mailbox_settings').values({ id: 2, ...settings }).execute()).rejects.toThrow(/CHECK/);
    await expect(store.db.updateTable('mailbox_settings').set({ after_fetch: 'delete' as never }).execute()).rejects.toThrow(/CHECK/);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    const after = (await store.db.introspection.getTables()).map((t) => t.name);
    for (const t of ['inbox_messages', 'inbox_attachments', 'mailbox_settings', 'mailbox_state', 'outbox_bounces']) expect(after).not.toContain(t);
    await store.close();
  });
});
