// Migration 0040_status_unchanged_codes: a notice sent by email after its case had moved on keeps why in its
// timeline event (`statusUnchanged`). Older versions stored the refusal's English sentence there; rows
// before → after: each sentence they could write becomes its code with parameters, one that matches none
// becomes STATUS_UNCHANGED_EARLIER (never kept as text), and everything else in the event — a code already
// stored, a person's note, other events — stays as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { openDatabase } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { inEnglish, type StatusUnchanged } from '../../../electron/contract/index.ts';
import { tempDir } from '../../support/desk.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
const at = '2026-11-30T01:00:00.000Z';

/** The sentences as the versions before codes (until 2026-12-03 06:50) wrote them, and their codes. */
const OLD_SENTENCES: Array<[string, StatusUnchanged]> = [
  ['This cannot be done while the case is closed.', { code: 'WRONG_STATUS', status: 'closed', action: 'recordNotice' }],
  ['This cannot be done while the case is waiting for the requester.', { code: 'WRONG_STATUS', status: 'awaiting_requester', action: 'recordNotice' }],
  ['Only a supervisor can do this.', { code: 'SUPERVISOR_ONLY' }],
  ['The decision must be approved by a supervisor before its notice goes out.', { code: 'NEEDS_APPROVAL' }],
  ['A withdrawal notice answers a withdrawn case; this case is in review.', { code: 'NOTICE_DOES_NOT_ANSWER', kind: 'withdrawal', needs: 'withdrawn', status: 'in_review' }],
];
/** The codes whose English message versions from 06:50 to 14:17 stored: read back through today's wording. */
const CODED_MESSAGES: StatusUnchanged[] = [
  { code: 'CASE_CLOSED_NO_SEND' },
  { code: 'NEEDS_APPROVAL' },
  { code: 'DECISION_SUPERSEDED' },
  { code: 'ACKNOWLEDGEMENT_AFTER_DECISION' },
  { code: 'WRONG_STATUS', status: 'decided', action: 'recordNotice' },
  { code: 'NOTICE_DOES_NOT_ANSWER', kind: 'rejection', needs: 'rejected', status: 'notified' },
];

describe('migration 0040_status_unchanged_codes', () => {
  it('turns every stored statusUnchanged sentence into a code; codes, notes and other events stay', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0039_notice_mail_facts')).error).toBeUndefined();
    await sql`INSERT INTO accounts (username, display_name, role, created_at) VALUES ('sato', 'S', 'supervisor', ${at})`.execute(store.db);
    await sql`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name, member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
      VALUES ('PD-2026-00001', 'disclosure', '[]', 'closed', 'email', ${at}, 10, '2026-11-30', '2026-12-14', '2026-12-14', 'member', '', '山田', '', 'yamada@example.jp', '150-0001', '東京都', '', 'x', 'sato', ${at}, ${at})`.execute(store.db);
    const event = (kind: string, data: object) => sql`INSERT INTO case_events (case_id, at, actor, kind, data) VALUES (1, ${at}, 'sato', ${kind}, ${JSON.stringify(data)})`.execute(store.db);
    const mailed = { kind: 'decision', channel: 'mail', note: '', mailTo: 'yamada@example.jp', messageId: '<m1@desk.example.jp>', resent: false };

    const sentences = [...OLD_SENTENCES.map(([s]) => s), ...CODED_MESSAGES.map((c) => inEnglish(c)), 'Something an unknown version said.'];
    for (const [i, s] of sentences.entries()) await event(i % 2 === 0 ? 'notice' : 'notice_copy', { ...mailed, statusUnchanged: s });
    await event('notice', { ...mailed, statusUnchanged: { code: 'CASE_CLOSED_NO_SEND' } });
    await event('notice', { kind: 'decision', channel: 'letter', note: 'statusUnchanged: 本人に手渡し', mode: 'print' });
    await event('note', { text: 'The case is closed: its notices can no longer be sent. Cancel this message.' });

    expect((await migrator.migrateTo('0040_status_unchanged_codes')).error).toBeUndefined();
    const rows = (await sql<{ kind: string; data: string }>`SELECT kind, data FROM case_events ORDER BY id`.execute(store.db)).rows;
    const data = rows.map((r) => JSON.parse(r.data) as Record<string, unknown>);
    expect(data.slice(0, sentences.length).map((d) => d.statusUnchanged)).toEqual([...OLD_SENTENCES.map(([, c]) => c), ...CODED_MESSAGES, { code: 'STATUS_UNCHANGED_EARLIER' }]);
    // The rest of each converted event is as it was.
    for (const d of data.slice(0, sentences.length)) expect({ ...d, statusUnchanged: undefined }).toEqual({ ...mailed, statusUnchanged: undefined });
    expect(rows.slice(0, sentences.length).map((r) => r.kind)).toEqual(sentences.map((_, i) => (i % 2 === 0 ? 'notice' : 'notice_copy')));
    expect(data.slice(sentences.length)).toEqual([
      { ...mailed, statusUnchanged: { code: 'CASE_CLOSED_NO_SEND' } },
      { kind: 'decision', channel: 'letter', note: 'statusUnchanged: 本人に手渡し', mode: 'print' },
      { text: 'The case is closed: its notices can no longer be sent. Cancel this message.' },
    ]);
    // No notice event keeps a sentence as its statusUnchanged.
    expect(data.filter((d) => typeof d.statusUnchanged === 'string')).toEqual([]);

    // One way: going back leaves the codes.
    expect((await migrator.migrateTo('0039_notice_mail_facts')).error).toBeUndefined();
    expect(JSON.parse((await sql<{ data: string }>`SELECT data FROM case_events WHERE id = 1`.execute(store.db)).rows[0]!.data)).toMatchObject({ statusUnchanged: OLD_SENTENCES[0]![1] });
    await store.close();
  });
});
