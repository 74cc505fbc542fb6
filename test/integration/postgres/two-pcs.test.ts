// Several PCs, one desk: two desks on one PostgreSQL database, as two office PCs would run them (each its own
// data folder and its own connection; the imports in two separate `desk` processes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRuntime, SUPERVISOR, DESK, tempDir, value } from '../../support/desk.ts';
import { freshDatabase, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { csvOf, IMPORT_HEADER, sampleRow } from '../../support/import-file.ts';
import { runCli } from '../../support/run-cli.ts';
import { formatDatabaseUrl, parseDatabaseUrl } from '../../../db/postgres.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword } from '../../../electron/core/vault/vault.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { CaseFile, Result } from '../../../electron/contract/index.ts';

const SUZUKI = { username: 'suzuki', displayName: '鈴木 一郎', password: 'suzuki password 123' };

const intake = (i: number) => ({
  type: 'disclosure',
  channel: 'post',
  arrivedAt: '2026-11-24T09:30:00+09:00',
  requesterKind: 'member',
  memberName: `山田 太郎${i}`,
  memberKana: 'やまだ たろう',
  memberEmail: `taro${i}@example.jp`,
  memberPostalCode: '160-0023',
  memberAddress: '東京都新宿区西新宿1-1-1',
  requestText: '登録情報の開示を求めます。',
  delivery: 'paper',
});

let database: TestDatabase;
let a: DeskRuntime;
let b: DeskRuntime;
const dirs = [tempDir('pd-pc-a-'), tempDir('pd-pc-b-')];
const now = () => new Date('2026-11-24T01:00:00Z');

beforeAll(async () => {
  database = await freshDatabase(await testPostgres());
  const server = { target: parseDatabaseUrl(database.url), password: database.password };
  a = await openRuntime(dirs[0]!.path, { server, now });
  value(await a.dispatch('desk.setup', { desk: DESK, supervisor: SUPERVISOR }));
  const { oneTimePassword } = value(await a.dispatch('accounts.create', { username: SUZUKI.username, displayName: SUZUKI.displayName, role: 'supervisor' })) as { oneTimePassword: string };
  // PC B: another folder, its own connection; the account made on PC A logs in there.
  b = await openRuntime(dirs[1]!.path, { server, now });
  value(await b.dispatch('auth.login', { username: SUZUKI.username, password: oneTimePassword }));
  value(await b.dispatch('auth.changePassword', { currentPassword: oneTimePassword, newPassword: SUZUKI.password }));
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
  for (const d of dirs) d.remove();
});

describe('two PCs on one shared desk', () => {
  it('see the same queue: a case taken in on one is in the other\'s queue', async () => {
    const { reference } = value(await a.dispatch('cases.create', intake(0))) as { reference: string };
    const page = value(await b.dispatch('cases.list', { view: 'all_open', search: reference })) as { rows: Array<{ reference: string }> };
    expect(page.rows.map((r) => r.reference)).toEqual([reference]);
    // A search alone is counted in PostgreSQL's index tables too (queue.ts indexCount): two characters, and a
    // name typed without its space (two lists, one case).
    for (const search of ['山田', '山田太郎0', '山田 太郎0']) {
      const found = value(await b.dispatch('cases.list', { search })) as { total: number; rows: unknown[] };
      expect({ search, total: found.total, rows: found.rows.length }).toEqual({ search, total: 1, rows: 1 });
    }
  });

  it('both act on one case from the same version: one wins, the other is told who changed it and when', async () => {
    const { id, reference } = value(await a.dispatch('cases.create', intake(1))) as { id: number; reference: string };
    const seenA = value(await a.dispatch('cases.get', { id })) as CaseFile;
    const seenB = value(await b.dispatch('cases.get', { id })) as CaseFile;
    expect(seenB.version).toBe(seenA.version);
    // At the same moment: PC A assigns, PC B starts the review.
    const [ra, rb] = (await Promise.all([
      a.dispatch('cases.assign', { id, assignee: SUPERVISOR.username, version: seenA.version }),
      b.dispatch('cases.startReview', { id, version: seenB.version }),
    ])) as [Result<CaseFile>, Result<CaseFile>];
    const wins = [ra, rb].filter((r) => r.ok);
    const lost = [ra, rb].filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = ra.ok ? SUPERVISOR : SUZUKI;
    const refusal = lost[0]!;
    if (refusal.ok) throw new Error('unreachable');
    expect(refusal.error).toMatchObject({ code: 'CONFLICT', reason: { code: 'CASE_CHANGED', reference, by: winner.username, byName: winner.displayName } });
    expect(refusal.error.message).toBe(`${reference} was changed by ${winner.displayName} at ${(refusal.error.reason as { at: string }).at} — reload to see it.`);
    // Nothing of the loser's move was written: the case shows only the winner's change.
    const after = value(await b.dispatch('cases.get', { id })) as CaseFile;
    expect(after.version).toBe(seenA.version + 1);
    if (ra.ok) expect(after.case).toMatchObject({ status: 'received', assignee: SUPERVISOR.username });
    else expect(after.case.status).toBe('in_review');
    // Reloaded, the loser's move goes through.
    const retry = ra.ok ? await b.dispatch('cases.startReview', { id, version: after.version }) : await a.dispatch('cases.assign', { id, assignee: SUPERVISOR.username, version: after.version });
    expect(retry.ok).toBe(true);
  });

  it('take cases in at the same time: every reference unique and gapless, one linear audit chain', async () => {
    const before = (value(await a.dispatch('cases.list', { view: 'all_open' })) as { total: number }).total;
    const burst = (rt: DeskRuntime, from: number) => Promise.all(Array.from({ length: 15 }, (_, i) => rt.dispatch('cases.create', intake(from + i))));
    const results = (await Promise.all([burst(a, 100), burst(b, 200)])).flat();
    const refs = results.map((r) => (value(r) as { reference: string }).reference);
    expect(new Set(refs).size).toBe(30);
    const numbers = refs.map((r) => Number(r.slice(-5))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => before + 1 + i));

    const desk = (await unlockWithPassword(deskPaths(dirs[0]!.path, { target: parseDatabaseUrl(database.url), password: database.password }), SUPERVISOR.username, SUPERVISOR.password))!;
    try {
      const verdict = await verifyAudit(desk.store.db);
      expect(verdict).toMatchObject({ ok: true });
      const creators = await desk.store.db.selectFrom('audit_log').select('actor').distinct().where('action', '=', 'case.received').execute();
      expect(creators.map((c) => c.actor).sort()).toEqual([SUPERVISOR.username, SUZUKI.username].sort());
    } finally {
      await lockDesk(desk);
    }
  });

  it('two `desk import` processes of 1,000 rows each at once: all imported, references unique', async () => {
    const files = tempDir('pd-two-imports-');
    try {
      const write = (name: string, from: number) => {
        const path = join(files.path, name);
        writeFileSync(path, csvOf(Array.from({ length: 1000 }, (_, i) => sampleRow(from + i)), { header: IMPORT_HEADER }));
        return path;
      };
      const url = formatDatabaseUrl(parseDatabaseUrl(database.url));
      const run = (file: string, user: { username: string; password: string }) =>
        runCli(['import', file, '--database-url', url, '--user', user.username], user.password, { env: { PRIVACY_DESK_DATABASE_PASSWORD: database.password }, timeoutMs: 540_000 });
      const [one, two] = await Promise.all([run(write('one.csv', 0), SUPERVISOR), run(write('two.csv', 5000), SUZUKI)]);
      expect(one, one.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^1000 imported/) });
      expect(two, two.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^1000 imported/) });
      const desk = (await unlockWithPassword(deskPaths(dirs[0]!.path, { target: parseDatabaseUrl(database.url), password: database.password }), SUPERVISOR.username, SUPERVISOR.password))!;
      try {
        const refs = await desk.store.db.selectFrom('cases').select('reference').execute();
        expect(new Set(refs.map((r) => r.reference)).size).toBe(refs.length);
        expect(refs.length).toBeGreaterThanOrEqual(2000);
        expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true });
      } finally {
        await lockDesk(desk);
      }
    } finally {
      files.remove();
    }
  }, 600_000);
});
