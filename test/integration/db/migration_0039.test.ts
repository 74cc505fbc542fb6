// Migration 0039_notice_mail_facts: a notice sent by email stops carrying the English sentence the sender
// used to write ("Email to …, Message-ID …."). Rows before → after: the notice points at its outbox message
// and its note is empty; the timeline event keeps the address, the Message-ID and the resend flag; a note a
// person typed (even one that starts "Email to") and a letter's note stay as they were.
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

describe('migration 0039_notice_mail_facts', () => {
  it('turns the stored email sentence into a link to the message and facts on the timeline; typed notes stay', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0038_outbox_attachments')).error).toBeUndefined();
    await sql`INSERT INTO accounts (username, display_name, role, created_at) VALUES ('sato', 'S', 'supervisor', ${at})`.execute(store.db);
    await sql`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name, member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES ('PD-2026-00001', 'disclosure', '[]', 'notified', 'email', ${at}, 10, '2026-11-24', '2026-12-08', '2026-12-08', 'member', '', '山田', '', 'yamada@example.jp', '150-0001', '東京都', '', 'x', 'sato', ${at}, ${at})`.execute(store.db);
    const message = (id: number, duplicated: number) =>
      sql`INSERT INTO outbox (id, case_id, notice_kind, message_id, to_address, subject, body_text, state, possibly_duplicated, cancelled_by, cancel_note, created_by, created_at, updated_at)
        VALUES (${id}, 1, ${id === 1 ? 'acknowledgement' : 'decision'}, ${`<m${id}.abc@desk.example.jp>`}, 'yamada@example.jp', '件名', '本文', 'sent', ${duplicated}, NULL, '', 'sato', ${at}, ${at})`.execute(store.db);
    await message(1, 0);
    await message(2, 1);
    const notice = (kind: string, channel: string, note: string) =>
      sql`INSERT INTO notices (case_id, kind, channel, note, recorded_by, recorded_at) VALUES (1, ${kind}, ${channel}, ${note}, 'sato', ${at})`.execute(store.db);
    const event = (data: object) => sql`INSERT INTO case_events (case_id, at, actor, kind, data) VALUES (1, ${at}, 'sato', 'notice', ${JSON.stringify(data)})`.execute(store.db);
    await notice('acknowledgement', 'mail', 'Email to yamada@example.jp, Message-ID <m1.abc@desk.example.jp>.');
    await notice('decision', 'mail', 'Email to yamada@example.jp, Message-ID <m2.abc@desk.example.jp> (sent again after an interrupted send: the member may have received it twice).');
    await notice('decision', 'mail', 'Email to the member from my own mailbox, see the thread');
    await notice('decision', 'letter', '簡易書留で送付');
    await event({ kind: 'acknowledgement', channel: 'mail', note: 'Email to yamada@example.jp, Message-ID <m1.abc@desk.example.jp>.' });
    await event({ kind: 'decision', channel: 'mail', note: 'Email to yamada@example.jp, Message-ID <m2.abc@desk.example.jp> (sent again after an interrupted send: the member may have received it twice).', statusUnchanged: { code: 'CASE_CLOSED_NO_SEND' } });
    await event({ kind: 'decision', channel: 'letter', note: '簡易書留で送付', mode: 'print' });

    expect((await migrator.migrateTo('0039_notice_mail_facts')).error).toBeUndefined();
    const notices = await sql<{ kind: string; channel: string; note: string; outbox_id: number | null }>`SELECT kind, channel, note, outbox_id FROM notices ORDER BY id`.execute(store.db);
    expect(notices.rows).toEqual([
      { kind: 'acknowledgement', channel: 'mail', note: '', outbox_id: 1 },
      { kind: 'decision', channel: 'mail', note: '', outbox_id: 2 },
      { kind: 'decision', channel: 'mail', note: 'Email to the member from my own mailbox, see the thread', outbox_id: null },
      { kind: 'decision', channel: 'letter', note: '簡易書留で送付', outbox_id: null },
    ]);
    const events = await sql<{ data: string }>`SELECT data FROM case_events ORDER BY id`.execute(store.db);
    expect(events.rows.map((e) => JSON.parse(e.data) as unknown)).toEqual([
      { kind: 'acknowledgement', channel: 'mail', note: '', mailTo: 'yamada@example.jp', messageId: '<m1.abc@desk.example.jp>', resent: false },
      { kind: 'decision', channel: 'mail', note: '', mailTo: 'yamada@example.jp', messageId: '<m2.abc@desk.example.jp>', resent: true, statusUnchanged: { code: 'CASE_CLOSED_NO_SEND' } },
      { kind: 'decision', channel: 'letter', note: '簡易書留で送付', mode: 'print' },
    ]);
    // Nothing stored on a notice or its event is the English sentence any more.
    expect(JSON.stringify([notices.rows, events.rows])).not.toMatch(/Email to yamada|interrupted send/);

    expect((await migrator.migrateTo('0038_outbox_attachments')).error).toBeUndefined();
    expect((await sql<{ name: string }>`SELECT name FROM pragma_table_info('notices') WHERE name = 'outbox_id'`.execute(store.db)).rows).toEqual([]);
    await store.close();
  });
});
