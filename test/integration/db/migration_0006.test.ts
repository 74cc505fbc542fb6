// Migration 0006_notice_delivery: the requester's own contact on a case, a notice record that can be a
// copy, who cancelled an outbox message (and their words). Rows written before it keep their values and
// get the defaults; down() removes exactly what up() added.
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
const columns = async (db: ReturnType<typeof openDatabase>['db'], table: string) => (await db.introspection.getTables()).find((t) => t.name === table)!.columns.map((c) => c.name);

describe('migration 0006_notice_delivery', () => {
  it('adds the requester contact, notice copies and who cancelled; old rows keep their values; down() undoes it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0005_mail')).error).toBeUndefined();
    // Rows as 0005 knew them.
    await sql`INSERT INTO accounts (username, display_name, role, created_at) VALUES ('sato', 'S', 'supervisor', ${at})`.execute(store.db);
    await sql`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name, member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES ('PD-2026-00001', 'disclosure', '[]', 'notified', 'post', ${at}, 10, '2026-11-24', '2026-12-08', '2026-12-08', 'agent', '弁護士 佐藤', '山田', '', '', '150-0001', '東京都', '', 'x', 'sato', ${at}, ${at})`.execute(store.db);
    await sql`INSERT INTO notices (case_id, kind, channel, note, recorded_by, recorded_at) VALUES (1, 'decision', 'letter', 'Printed letter', 'sato', ${at})`.execute(store.db);
    await sql`INSERT INTO outbox (case_id, notice_kind, message_id, to_address, subject, body_text, state, cancel_reason, created_by, created_at, updated_at)
      VALUES (1, 'acknowledgement', '<a@privacy-desk.local>', 'a@example.com', 's', 'b', 'cancelled', 'The case was closed before this draft was sent.', 'sato', ${at}, ${at})`.execute(store.db);

    expect((await migrator.migrateTo('0006_notice_delivery')).error).toBeUndefined();
    expect(await columns(store.db, 'cases')).toEqual(expect.arrayContaining(['requester_postal_code', 'requester_address', 'requester_email', 'requester_phone']));
    const c = await store.db.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
    expect(c).toMatchObject({ requester_name: '弁護士 佐藤', member_address: '東京都', requester_postal_code: '', requester_address: '', requester_email: '', requester_phone: '' });
    expect(await store.db.selectFrom('notices').selectAll().execute()).toMatchObject([{ kind: 'decision', channel: 'letter', copy: 0, note: 'Printed letter' }]);
    // An old cancel reason is kept as it was (core/notices/delivery.ts reads it as 'other' with its text).
    expect(await store.db.selectFrom('outbox').selectAll().execute()).toMatchObject([{ cancel_reason: 'The case was closed before this draft was sent.', cancelled_by: null, cancel_note: '' }]);
    // A copy is 0 or 1.
    await expect(sql`INSERT INTO notices (case_id, kind, channel, copy, note, recorded_by, recorded_at) VALUES (1, 'decision', 'mail', 2, '', 'sato', ${at})`.execute(store.db)).rejects.toThrow(/CHECK/);
    await store.db.insertInto('notices').values({ case_id: 1, kind: 'decision', channel: 'mail', copy: 1, note: '', recorded_by: 'sato', recorded_at: at }).execute();

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await columns(store.db, 'cases')).not.toContain('requester_email');
    expect(await columns(store.db, 'notices')).not.toContain('copy');
    expect(await columns(store.db, 'outbox')).not.toContain('cancelled_by');
    expect(await store.db.selectFrom('notices').select('kind').execute()).toHaveLength(2);
    await store.close();
  });
});
