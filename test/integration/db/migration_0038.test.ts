// Migration 0038: outbox messages can carry files (they go when the message goes) and the desk keeps one
// document to send (the request form PDF, by name); down() drops both tables and leaves the outbox whole.
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

describe('migration 0038_outbox_attachments', () => {
  it('adds attachments that go with their message and the desk document, and down() drops them', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0037_inbox_no_question')).error).toBeUndefined();
    await sql`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name, member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES ('PD-2026-00001', 'inquiry', '[]', 'approved', 'email', ${at}, 3, '2026-11-24', '2026-11-27', '2026-12-08', 'member', '', '山田', '', 'a@example.com', '', '', '', 'x', 'sato', ${at}, ${at})`.execute(store.db);
    await sql`INSERT INTO outbox (id, case_id, notice_kind, message_id, to_address, subject, body_text, state, created_by, created_at, updated_at)
      VALUES (1, 1, 'reply', '<m1@privacy-desk.local>', 'a@example.com', '件名', '本文', 'draft', 'sato', ${at}, ${at})`.execute(store.db);

    expect((await migrator.migrateTo('0038_outbox_attachments')).error).toBeUndefined();
    await store.db.insertInto('outbox_attachments').values({ outbox_id: 1, position: 1, filename: 'form.pdf', content_type: 'application/pdf', size: 3, content: Buffer.from('pdf') }).execute();
    await expect(store.db.insertInto('outbox_attachments').values({ outbox_id: 1, position: 1, filename: 'again.pdf', content_type: 'application/pdf', size: 3, content: Buffer.from('pdf') }).execute()).rejects.toThrow(/UNIQUE/);
    await expect(store.db.insertInto('outbox_attachments').values({ outbox_id: 99, position: 1, filename: 'x.pdf', content_type: 'application/pdf', size: 3, content: Buffer.from('pdf') }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await store.db.insertInto('desk_documents').values({ name: 'request_form_pdf', filename: 'form.pdf', content_type: 'application/pdf', size: 3, content: Buffer.from('pdf'), stored_by: 'sato', stored_at: at }).execute();
    await expect(sql`INSERT INTO desk_documents (name, filename, content_type, size, content, stored_by, stored_at) VALUES ('other', 'f', 't', 1, x'00', 'sato', ${at})`.execute(store.db)).rejects.toThrow(/CHECK/);

    await sql`DELETE FROM outbox WHERE id = 1`.execute(store.db);
    expect(await store.db.selectFrom('outbox_attachments').selectAll().execute()).toEqual([]);

    expect((await migrator.migrateTo('0037_inbox_no_question')).error).toBeUndefined();
    const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('outbox_attachments', 'desk_documents')`.execute(store.db)).rows;
    expect(tables).toEqual([]);
    await store.close();
  });
});
