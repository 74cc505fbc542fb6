// A shared desk's backup while the office keeps working, and move-to-server's refusals. What IT staff check:
// the backup is one consistent moment (every case in it has its intake event and its audit row, the count
// in the manifest is the count in the file, its audit chain verifies up to the anchor in the manifest),
// and a move that cannot be done says why and changes nothing, on either side.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDatabase, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { DESK, newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { intake } from '../../support/mail-desk.ts';
import { runCli } from '../../support/run-cli.ts';
import { unlockDirect } from '../../support/tables.ts';
import { formatDatabaseUrl, parseDatabaseUrl } from '../../../db/postgres.ts';
import { deskPaths, type SharedDeskServer } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword } from '../../../electron/core/vault/vault.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { writeBackup } from '../../../electron/core/backup/backup.ts';
import { restoreBackup } from '../../../electron/core/backup/restore.ts';
import { manifestSchema } from '../../../electron/core/backup/manifest.ts';
import { tableDigests } from '../../../electron/core/shared-desk/desk-tables.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';

const made: TestDatabase[] = [];
const dirs: Array<{ path: string; remove(): void }> = [];
afterAll(async () => {
  for (const d of made) await d.drop();
  for (const d of dirs) d.remove();
});
const dir = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d.path;
};
async function database(): Promise<{ db: TestDatabase; server: SharedDeskServer }> {
  const db = await freshDatabase(await testPostgres());
  made.push(db);
  return { db, server: { target: parseDatabaseUrl(db.url), password: db.password } };
}

describe('backup of a shared desk while a colleague keeps taking cases in', () => {
  it('is one consistent snapshot: every case with its event and audit row, the manifest\'s count and anchor those of the file', async () => {
    const { server } = await database();
    const pcA = dir('pd-backup-pc-a-');
    const { rt: colleague } = await newDesk(pcA, { server });
    for (let i = 0; i < 10; i++) value(await colleague.call('cases.create', intake(i)));

    // PC B takes the backup while PC A's colleague takes 40 more cases in, one after another.
    const pcB = dir('pd-backup-pc-b-');
    const out = dir('pd-backup-out-');
    const desk = (await unlockWithPassword(deskPaths(pcB, server), SUPERVISOR.username, SUPERVISOR.password))!;
    const intakes = (async (rt: DeskRuntime) => {
      let n = 0;
      for (let i = 100; i < 140; i++) {
        value(await rt.call('cases.create', intake(i)));
        n++;
      }
      return n;
    })(colleague);
    let result;
    try {
      result = await writeBackup({ paths: deskPaths(pcB, server), deskId: desk.deskId, dataKey: desk.dataKey, deskName: { ja: DESK.deskNameJa, en: DESK.deskNameEn }, server: desk.store.db }, out);
    } finally {
      await lockDesk(desk);
    }
    expect(await intakes).toBe(40);
    await colleague.close();

    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(result.path, 'manifest.json'), 'utf8')));
    expect(manifest.cases).toBe(result.cases);
    console.info(`[shared backup] the snapshot holds ${result.cases} of the 50 cases taken in by the end (10 before it started)`);
    expect(result.cases).toBeGreaterThanOrEqual(10);
    expect(result.cases).toBeLessThanOrEqual(50);

    const restoredDir = dir('pd-backup-restored-');
    const restored = await restoreBackup({ backupPath: result.path, paths: deskPaths(restoredDir), secret: { kind: 'password', username: SUPERVISOR.username, password: SUPERVISOR.password } });
    expect(restored.cases).toBe(manifest.cases);
    const copy = await unlockDirect(restoredDir);
    try {
      const db = copy.store.db;
      expect(await verifyAudit(db, [{ seq: manifest.audit!.seq, hash: manifest.audit!.hash }])).toMatchObject({ ok: true });
      const cases = await db.selectFrom('cases').select(['id', 'reference']).execute();
      expect(cases).toHaveLength(manifest.cases);
      // Nothing half-taken-in: each case has its intake event and its audit row, and nothing else refers to a case the copy lacks.
      const received = await db.selectFrom('case_events').select('case_id').where('kind', '=', 'received').execute();
      expect(new Set(received.map((e) => e.case_id))).toEqual(new Set(cases.map((c) => c.id)));
      const audited = await db.selectFrom('audit_log').select('entity_id').where('action', '=', 'case.received').execute();
      expect(audited).toHaveLength(cases.length);
      // References gapless up to the last one in the copy.
      const numbers = cases.map((c) => Number(c.reference.slice(-5))).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: cases.length }, (_, i) => i + 1));
    } finally {
      await lockDesk(copy);
    }
  }, 600_000);
});

describe('move-to-server refuses, and changes nothing', () => {
  it('a wrong database password, a database that already holds a desk, a URL with a password, a missing desk', async () => {
    const local = dir('pd-move-refused-');
    const { rt } = await newDesk(local);
    value(await rt.call('cases.create', intake(1)));
    await rt.close();
    const localBefore = await digestsOf(local);
    const pw = SUPERVISOR.password;
    const move = (url: string, dbPassword: string, dataDir = local) =>
      runCli(['move-to-server', '--data-dir', dataDir, '--database-url', url, '--user', SUPERVISOR.username], pw, { env: { PRIVACY_DESK_DATABASE_PASSWORD: dbPassword }, timeoutMs: 120_000 });

    const empty = await database();
    const wrong = await move(formatDatabaseUrl(empty.server.target), 'not the password');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('refused user pd_desk: the database password is wrong');

    // A database that already holds a desk (another office's shared desk): never overwritten.
    const taken = await database();
    const other = await openRuntime(dir('pd-move-other-'), { server: taken.server });
    value(await other.call('desk.setup', { desk: DESK, supervisor: SUPERVISOR }));
    value(await other.call('cases.create', intake(7)));
    await other.close();
    const takenBefore = await serverDigests(taken.server);
    const onto = await move(formatDatabaseUrl(taken.server.target), taken.db.password);
    expect(onto.code).toBe(1);
    expect(onto.stderr).toContain(`The database ${taken.db.name} already holds a desk`);
    expect(await serverDigests(taken.server)).toEqual(takenBefore);

    const inUrl = await move(formatDatabaseUrl(empty.server.target).replace('pd_desk@', 'pd_desk:secret@'), empty.db.password);
    expect(inUrl.code).toBe(2);
    expect(inUrl.stderr).toContain('must not contain a password');

    const none = await move(formatDatabaseUrl(empty.server.target), empty.db.password, dir('pd-move-nodesk-'));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('There is no desk in');

    // The local desk: unchanged and not marked as moved, so it can still be moved once the problem is fixed.
    expect(await digestsOf(local)).toEqual(localBefore);
    expect(existsSync(join(deskPaths(local).deskDir, 'moved-to-server.json'))).toBe(false);
    const ok = await move(formatDatabaseUrl(empty.server.target), empty.db.password);
    expect(ok, ok.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining('1 case(s)') });
  }, 600_000);
});

async function digestsOf(dataDir: string) {
  const desk = await unlockDirect(dataDir);
  try {
    return await tableDigests(desk.store.db);
  } finally {
    await lockDesk(desk);
  }
}

async function serverDigests(server: SharedDeskServer) {
  const desk = (await unlockWithPassword(deskPaths(dir('pd-move-look-'), server), SUPERVISOR.username, SUPERVISOR.password))!;
  try {
    return await tableDigests(desk.store.db);
  } finally {
    await lockDesk(desk);
  }
}
