// Migration 0034: every case carries a version (1 for the cases already stored) and who made its last
// change; going down drops both and keeps every case. Through the runtime on a local desk: a move naming
// an older version is refused with CASE_CHANGED (who, when) and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Migrator } from 'kysely/migration';
import { openDatabase } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import type { Input } from '../../../electron/contract/index.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
const upTo = (name: string) => Object.fromEntries(Object.entries(migrations).filter(([n]) => n <= name));

describe('migration 0034_case_versions', () => {
  it('gives stored cases version 1 and no last changer; down keeps the cases', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
    const migrator = (name: string) => new Migrator({ db: store.db, provider: { getMigrations: async () => upTo(name) } });
    expect((await migrator('0033_reply_answers').migrateTo('0033_reply_answers')).error).toBeUndefined();
    store.raw
      .prepare(`INSERT INTO cases (reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, legal_mark, requester_kind, requester_name,
        member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, created_by, created_at, updated_at)
        VALUES ('PD-2026-00001', 'disclosure', '[]', 'received', 'email', '2026-01-05T01:00:00.000Z', 14, '2026-01-05', '2026-01-19', '2026-01-19', 'member', '',
        '山田 太郎', '', 'taro@example.jp', '', '', '', '開示', 'sato', 'now', 'now')`)
      .run();
    expect((await migrator('0034_case_versions').migrateTo('0034_case_versions')).error).toBeUndefined();
    expect(store.raw.prepare('SELECT reference, version, updated_by FROM cases').all()).toEqual([{ reference: 'PD-2026-00001', version: 1, updated_by: null }]);
    expect((await migrator('0034_case_versions').migrateTo('0033_reply_answers')).error).toBeUndefined();
    expect(store.raw.prepare('SELECT reference, member_name FROM cases').all()).toEqual([{ reference: 'PD-2026-00001', member_name: '山田 太郎' }]);
    expect(store.raw.prepare(`SELECT count(*) AS n FROM pragma_table_info('cases') WHERE name IN ('version', 'updated_by')`).get()).toEqual({ n: 0 });
    await store.close();
  });

  it('on a local desk: a move from an older version is refused with who changed the case and when; nothing is written', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { rt } = await newDesk(dir.path);
    try {
      const intake = {
        type: 'disclosure', channel: 'post', arrivedAt: '2026-11-20T09:30:00+09:00', requesterKind: 'member', memberName: '山田 太郎', memberKana: 'やまだ たろう',
        memberEmail: 'taro@example.jp', memberPostalCode: '160-0023', memberAddress: '東京都新宿区西新宿1-1-1', requestText: '開示を求めます。', delivery: 'paper',
      } satisfies Input<'cases.create'>;
      const { id } = value(await rt.call('cases.create', intake));
      const seen = value(await rt.call('cases.get', { id }));
      value(await rt.call('cases.assign', { id, assignee: SUPERVISOR.username, version: seen.version }));
      const now = value(await rt.call('cases.get', { id }));
      expect(now.version).toBe(seen.version + 1);
      const refused = await rt.call('cases.startReview', { id, version: seen.version });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { code: 'CASE_CHANGED', reference: seen.case.reference, by: SUPERVISOR.username, byName: SUPERVISOR.displayName } } });
      const after = value(await rt.call('cases.get', { id }));
      expect({ status: after.case.status, version: after.version }).toEqual({ status: now.case.status, version: now.version });
      // Reloaded, the same move goes through.
      value(await rt.call('cases.startReview', { id, version: after.version }));
    } finally {
      await rt.close();
    }
  });
});
