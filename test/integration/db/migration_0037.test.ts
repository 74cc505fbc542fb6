// Migration 0037: mail set aside as a "question" goes back to the Inbox (a question becomes an inquiry now,
// issue 19); spam and other stay set aside; the old reason is refused afterwards; down() lifts the refusal.
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

describe('migration 0037_inbox_no_question', () => {
  it('returns questions to the Inbox, keeps other set-aside mail, and refuses the reason afterwards', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0033_reply_answers')).error).toBeUndefined();
    const insert = (hash: string, reason: string | null) =>
      sql`INSERT INTO inbox_messages (content_hash, raw, size, source, arrived_at, arrival_source, from_address, from_name, subject, recipient_count, body_text, "references", parse_state, kind, status, dismiss_reason, handled_by, handled_at, stored_at)
        VALUES (${hash}, ${Buffer.from('raw')}, 3, 'file', ${at}, 'received', 'a@example.jp', '', ${`mail ${hash}`}, 1, 'text', '[]', 'ok', 'mail', ${reason ? 'dismissed' : 'inbox'}, ${reason}, ${reason ? 'sato' : null}, ${reason ? at : null}, ${at})`.execute(store.db);
    await insert('q', 'question');
    await insert('s', 'spam');
    await insert('o', 'other');
    await insert('n', null);

    expect((await migrator.migrateTo('0037_inbox_no_question')).error).toBeUndefined();
    const rows = await sql<{ content_hash: string; status: string; dismiss_reason: string | null; handled_by: string | null }>`SELECT content_hash, status, dismiss_reason, handled_by FROM inbox_messages ORDER BY id`.execute(store.db);
    expect(rows.rows).toEqual([
      { content_hash: 'q', status: 'inbox', dismiss_reason: null, handled_by: null },
      { content_hash: 's', status: 'dismissed', dismiss_reason: 'spam', handled_by: 'sato' },
      { content_hash: 'o', status: 'dismissed', dismiss_reason: 'other', handled_by: 'sato' },
      { content_hash: 'n', status: 'inbox', dismiss_reason: null, handled_by: null },
    ]);
    await expect(sql`UPDATE inbox_messages SET status = 'dismissed', dismiss_reason = 'question' WHERE content_hash = 'n'`.execute(store.db)).rejects.toThrow(/no longer a reason/);
    await expect(insert('q2', 'question')).rejects.toThrow(/no longer a reason/);

    expect((await migrator.migrateTo('0033_reply_answers')).error).toBeUndefined();
    await insert('q3', 'question');
    await store.close();
  });
});
