// Migration 0010_stored_codes: rows written by earlier versions, with English sentences for staff, read
// back after the migration as codes with parameters — each kind of stored reason, before → after.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { Migrator } from 'kysely/migration';
import { openDatabase } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { readDraftCancelled, readMailFailure } from '../../../electron/core/codes/stored.ts';
import { inEnglish, type TimelineEventKind } from '../../../electron/contract/index.ts';
import { tempDir } from '../../support/desk.ts';
import { toJson } from '../../../db/json.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const at = '2026-11-24T01:00:00.000Z';

async function deskAt0005() {
  const dir = tempDir();
  dirs.push(dir);
  const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
  const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
  expect((await migrator.migrateTo('0005_mail')).error).toBeUndefined();
  await sql`INSERT INTO accounts (username, display_name, role, created_at) VALUES ('sato', 'S', 'supervisor', ${at})`.execute(store.db);
  await sql`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name, member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
    VALUES ('PD-2026-00001', 'disclosure', '[]', 'notified', 'email', ${at}, 10, '2026-11-24', '2026-12-08', '2026-12-08', 'member', '', '山田', '', 'a@example.com', '', '', '', 'x', 'sato', ${at}, ${at})`.execute(store.db);
  return { store, migrator };
}

let n = 0;
async function outboxRow(db: Kysely<DB>, state: 'failed' | 'cancelled' | 'queued', lastError: string | null, cancelReason: string | null) {
  n++;
  await db
    .insertInto('outbox')
    .values({ case_id: 1, notice_kind: 'decision', message_id: `<m${n}@privacy-desk.local>`, to_address: 'a@example.com', subject: 's', body_text: 'b', state, last_error: lastError, cancel_reason: cancelReason, created_by: 'sato', created_at: at, updated_at: at })
    .execute();
  return n;
}

describe('migration 0010_stored_codes', () => {
  it('turns the English cancel reasons and mail failures of the outbox into codes', async () => {
    const { store, migrator } = await deskAt0005();
    const db = store.db;
    const rows: Array<[string | null, string | null, 'failed' | 'cancelled' | 'queued']> = [
      [null, 'The case was closed before this draft was sent.', 'cancelled'],
      [null, 'Replaced by a new decision.', 'cancelled'],
      [null, 'Cancelled by tanaka.', 'cancelled'],
      [null, 'Member asked us to send it by post', 'cancelled'],
      ['The mail server refused the user name or password (535 5.7.8 Authentication failed). Check them in the mail settings.', null, 'queued'],
      ['The mail server refused the message: 550 5.1.1 User unknown.', null, 'failed'],
      ['The mail server 127.0.0.1:2525 cannot be reached (connection refused).', null, 'queued'],
      ['The mail server 127.0.0.1:2525 did not answer in time (it accepted the connection but never greeted) — gave up after 8 tries.', null, 'failed'],
      ['Something nobody recognises.', null, 'failed'],
    ];
    for (const [e, c, s] of rows) await outboxRow(db, s, e, c);

    expect((await migrator.migrateTo('0010_stored_codes')).error).toBeUndefined();
    const after = await db.selectFrom('outbox').select(['id', 'last_error', 'cancel_reason']).orderBy('id').execute();
    expect(after.slice(0, 4).map((r) => readDraftCancelled(r.cancel_reason))).toEqual([
      { code: 'DRAFT_CANCELLED', reason: 'case_closed' },
      { code: 'DRAFT_CANCELLED', reason: 'superseded' },
      { code: 'DRAFT_CANCELLED', reason: 'by_staff', by: 'tanaka' },
      { code: 'DRAFT_CANCELLED', reason: 'by_staff', note: 'Member asked us to send it by post' },
    ]);
    expect(after.slice(4).map((r) => readMailFailure(r.last_error))).toEqual([
      { code: 'SMTP_AUTH', response: '535 5.7.8 Authentication failed' },
      { code: 'SMTP_REJECTED', response: '550 5.1.1 User unknown', responseCode: 550 },
      { code: 'SMTP_UNREACHABLE', server: '127.0.0.1:2525', cause: 'refused' },
      { code: 'MAIL_GAVE_UP', after: 8, last: { code: 'SMTP_TIMEOUT', server: '127.0.0.1:2525', phase: 'greeting' } },
      { code: 'MAIL_FAILED_EARLIER' },
    ]);
    // The English table words the converted codes as the old sentences read (nothing said is lost).
    expect(inEnglish(readMailFailure(after[5]!.last_error)!)).toBe('The mail server refused the message: 550 5.1.1 User unknown.');
    expect(inEnglish(readDraftCancelled(after[0]!.cancel_reason)!)).toBe('The case was closed before this draft was sent.');
    await store.close();
  });

  it('clears the "Printed letter" note and converts the reasons kept in timeline events', async () => {
    const { store, migrator } = await deskAt0005();
    const db = store.db;
    await db.insertInto('notices').values([
      { case_id: 1, kind: 'decision', channel: 'letter', note: 'Printed letter', recorded_by: 'sato', recorded_at: at },
      { case_id: 1, kind: 'acknowledgement', channel: 'letter', note: 'Letter saved as PDF', recorded_by: 'sato', recorded_at: at },
      { case_id: 1, kind: 'extension', channel: 'mail', note: 'Printed letter', recorded_by: 'sato', recorded_at: at },
    ]).execute();
    const event = (kind: TimelineEventKind, data: unknown) => ({ case_id: 1, at, actor: 'sato', kind, data: toJson(data as Record<string, unknown>) });
    await db.insertInto('case_events').values([
      event('notice', { kind: 'decision', channel: 'letter', note: 'Printed letter', from: 'approved', to: 'notified' }),
      event('mail_failed', { outboxId: 3, noticeKind: 'decision', attempts: 1, message: 'The mail server refused the message: 550 no such user.' }),
      event('mail_draft_skipped', { noticeKind: 'decision', length: 600000, message: 'The decision notice is too long for an email (over 500,000 characters): send it as a printed letter.' }),
      event('due_recomputed', { oldDue: '2026-12-08', newDue: '2026-12-09', why: 'desk closed on 2026-12-01' }),
      event('due_recomputed', { oldDue: '2026-12-09', newDue: '2026-12-10', why: 'business hours changed' }),
      event('note', { length: 12 }),
    ]).execute();

    expect((await migrator.migrateTo('0010_stored_codes')).error).toBeUndefined();
    expect((await db.selectFrom('notices').select('note').orderBy('id').execute()).map((r) => r.note)).toEqual(['', '', 'Printed letter']);
    const data = (await db.selectFrom('case_events').select('data').orderBy('id').execute()).map((r) => JSON.parse(r.data) as unknown);
    expect(data).toEqual([
      { kind: 'decision', channel: 'letter', note: '', mode: 'print', from: 'approved', to: 'notified' },
      { outboxId: 3, noticeKind: 'decision', attempts: 1, failure: { code: 'SMTP_REJECTED', response: '550 no such user', responseCode: 550 } },
      { noticeKind: 'decision', length: 600000, limit: 500000 },
      { oldDue: '2026-12-08', newDue: '2026-12-09', why: { cause: 'desk_day', date: '2026-12-01', kind: 'closed' } },
      { oldDue: '2026-12-09', newDue: '2026-12-10', why: { cause: 'business_hours' } },
      { length: 12 },
    ]);
    await store.close();
  });

  it('leaves rows that already hold codes as they are (running it on new rows changes nothing)', async () => {
    const { store, migrator } = await deskAt0005();
    const code = JSON.stringify({ code: 'DRAFT_CANCELLED', reason: 'withdrawn' });
    const failure = JSON.stringify({ code: 'SMTP_LATER', response: '451 later', responseCode: 451 });
    await outboxRow(store.db, 'cancelled', failure, code);
    expect((await migrator.migrateTo('0010_stored_codes')).error).toBeUndefined();
    expect(await store.db.selectFrom('outbox').select(['last_error', 'cancel_reason']).executeTakeFirstOrThrow()).toEqual({ last_error: failure, cancel_reason: code });
    await store.close();
  });
});
