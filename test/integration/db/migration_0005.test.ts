// Migration 0005_mail: the outbox and the mail server settings, and the guarantees the schema gives
// (known states only, a claim exactly while sending, one Message-ID per message, a real case, one
// settings row).
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

function freshDb() {
  const dir = tempDir();
  dirs.push(dir);
  return openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
}

const at = '2026-11-24T01:00:00.000Z';

describe('migration 0005_mail', () => {
  it('creates outbox and mail_settings with their checks, and down() removes them', async () => {
    const store = freshDb();
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0005_mail')).error).toBeUndefined();
    const tables = (await store.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['outbox', 'mail_settings']));
    const columns = (await store.db.introspection.getTables()).find((t) => t.name === 'outbox')!.columns.map((c) => c.name);
    expect(columns).toEqual([
      'id', 'case_id', 'notice_kind', 'message_id', 'to_address', 'subject', 'body_text', 'state', 'attempts', 'server_attempts', 'next_attempt_at', 'last_error',
      'claimed_by', 'claimed_at', 'queued_by', 'queued_at', 'sent_at', 'cancel_reason', 'possibly_duplicated', 'created_by', 'created_at', 'updated_at',
    ]);

    await sql`INSERT INTO accounts (username, display_name, role, created_at) VALUES ('sato', 'S', 'supervisor', ${at})`.execute(store.db);
    await sql`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name, member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES ('PD-2026-00001', 'disclosure', '[]', 'received', 'email', ${at}, 10, '2026-11-24', '2026-12-08', '2026-12-08', 'member', '', '山田', '', 'a@example.com', '', '', '', 'x', 'sato', ${at}, ${at})`.execute(store.db);
    const row = { case_id: 1, notice_kind: 'acknowledgement' as const, message_id: '<a@privacy-desk.local>', to_address: 'a@example.com', subject: 's', body_text: 'b', state: 'draft' as const, created_by: 'sato', created_at: at, updated_at: at };
    await store.db.insertInto('outbox').values(row).execute();
    const [saved] = await store.db.selectFrom('outbox').selectAll().execute();
    expect(saved).toMatchObject({ attempts: 0, server_attempts: 0, possibly_duplicated: 0, claimed_by: null });

    await expect(store.db.insertInto('outbox').values({ ...row, message_id: '<b@privacy-desk.local>', state: 'lost' as never }).execute()).rejects.toThrow(/CHECK/);
    await expect(store.db.insertInto('outbox').values({ ...row }).execute()).rejects.toThrow(/UNIQUE/);
    await expect(store.db.insertInto('outbox').values({ ...row, message_id: '<c@privacy-desk.local>', case_id: 99 }).execute()).rejects.toThrow(/FOREIGN KEY/);
    // A claim exists exactly while sending.
    await expect(store.db.updateTable('outbox').set({ state: 'sending' }).execute()).rejects.toThrow(/CHECK/);
    await expect(store.db.updateTable('outbox').set({ claimed_by: 'sender-x' }).execute()).rejects.toThrow(/CHECK/);
    await store.db.updateTable('outbox').set({ state: 'sending', claimed_by: 'sender-x', claimed_at: at }).execute();
    await expect(store.db.updateTable('outbox').set({ state: 'sent' }).execute()).rejects.toThrow(/CHECK/);

    const settings = { host: 'smtp.example.jp', port: 587, tls: 'starttls' as const, username: 'desk', password: 'p', updated_at: at, updated_by: 'sato' };
    await store.db.insertInto('mail_settings').values({ id: 1, ...settings }).execute();
    await expect(store.db.insertInto('mail_settings').values({ id: 2, ...settings }).execute()).rejects.toThrow(/CHECK/);
    await expect(store.db.updateTable('mail_settings').set({ tls: 'ssl' as never }).execute()).rejects.toThrow(/CHECK/);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    const after = (await store.db.introspection.getTables()).map((t) => t.name);
    expect(after).not.toContain('outbox');
    expect(after).not.toContain('mail_settings');
    await store.close();
  });
});
