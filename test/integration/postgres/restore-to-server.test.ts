// A backup restored straight onto a server with the real command line (`desk restore BACKUP --database-url`):
// a local desk's backup becomes the shared desk of an empty database — the same cases (`desk export`
// compared), every table the same, the audit chain verifying (`desk audit verify --database-url`) with the
// restore as its last row, a sealed secret still opening. A backup of that shared desk goes onto a second
// database the same way. A wrong password leaves the server as it was (not even a table made); a database
// that already holds a desk is refused and keeps its rows.
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, withAdmin, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { intake } from '../../support/mail-desk.ts';
import { runCli } from '../../support/run-cli.ts';
import { unlockDirect } from '../../support/tables.ts';
import { formatDatabaseUrl, parseDatabaseUrl } from '../../../db/postgres.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { tableDigests } from '../../../electron/core/shared-desk/desk-tables.ts';
import { readMailConfig } from '../../../electron/core/mail/mail-settings.ts';
import { exportedCases, keepSmtpSecret, SMTP_SECRET } from '../../support/desk-copies.ts';

const dirs = { local: tempDir('pd-rts-local-'), pc: tempDir('pd-rts-pc-'), out: tempDir('pd-rts-out-') };
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of databases) await d.drop();
  for (const d of Object.values(dirs)) d.remove();
});

type Digests = Awaited<ReturnType<typeof tableDigests>>;
const withoutAudit = (d: Digests) => Object.fromEntries(Object.entries(d).filter(([t]) => t !== 'audit_log'));

async function digestsOf(open: () => Promise<UnlockedDesk>, also?: (desk: UnlockedDesk) => Promise<void>): Promise<Digests> {
  const desk = await open();
  try {
    await also?.(desk);
    return await tableDigests(desk.store.db);
  } finally {
    await lockDesk(desk);
  }
}

/** The tables in the database, as its administrator sees them (nothing made = none). */
const tablesIn = async (db: TestDatabase) =>
  withAdmin(await testPostgres(), async (c) => Number((await c.query(`SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`)).rows[0].n), db.name);

describe('desk restore BACKUP --database-url', () => {
  it('a local backup becomes the shared desk of an empty database, and a backup of that one the desk of another; wrong password and a desk already there are refused', async () => {
    const { rt } = await newDesk(dirs.local.path);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(value(await rt.call('cases.create', intake(i))).id);
    value(await rt.call('cases.addNote', { id: ids[0]!, text: '電話で本人確認済み。' }));
    await rt.close();
    await keepSmtpSecret(dirs.local.path);
    const pw = SUPERVISOR.password;
    const localExport = await exportedCases(['--data-dir', dirs.local.path]);
    expect(localExport).toHaveLength(5);
    const backup = await runCli(['backup', '--data-dir', dirs.local.path, '--user', SUPERVISOR.username, '--out', dirs.out.path], pw, { timeoutMs: 120_000 });
    expect(backup, backup.stderr).toMatchObject({ code: 0 });
    let localAudit: unknown[] = [];
    const local = await digestsOf(() => unlockDirect(dirs.local.path), async (desk) => {
      localAudit = await desk.store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    });
    // The backup's snapshot was taken before the command recorded it: the chain it holds ends before that row.
    expect((localAudit.at(-1) as { action: string }).action).toBe('desk.backup');
    const backupPath = backup.stdout.split('\n')[0]!;

    const pg = await testPostgres();
    const first = await freshDatabase(pg);
    databases.push(first);
    const server = { target: parseDatabaseUrl(first.url), password: first.password };
    const url = formatDatabaseUrl(server.target);
    const env = { PRIVACY_DESK_DATABASE_PASSWORD: first.password };
    const restore = (path: string, to: string, password: string, e: NodeJS.ProcessEnv) => runCli(['restore', path, '--database-url', to, '--user', SUPERVISOR.username], password, { env: e, timeoutMs: 300_000 });

    // A wrong password: refused with its reason, and the server as it was — no table made.
    const wrong = await restore(backupPath, url, 'not the password 2026', env);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/password/i);
    expect(await tablesIn(first)).toBe(0);

    // Restored: the same cases, every table the same, the chain verifying with the restore as its last row.
    const ok = await restore(backupPath, url, pw, env);
    expect(ok, ok.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining('5 case(s)') });
    const openFirst = async () => (await unlockWithPassword(deskPaths(dirs.pc.path, server), SUPERVISOR.username, pw))!;
    const onServer = await digestsOf(openFirst, async (desk) => {
      // The chain row for row as the backup held it, then the restore, signed by the person who restored.
      const rows = await desk.store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      expect(rows.slice(0, -1)).toEqual(localAudit.slice(0, -1));
      expect(rows.at(-1)).toMatchObject({ action: 'desk.restore', actor: SUPERVISOR.username });
      expect((await readMailConfig(desk.store.db))?.password).toBe(SMTP_SECRET);
    });
    expect(withoutAudit(onServer)).toEqual(withoutAudit(local));
    const where = ['--database-url', url, '--data-dir', dirs.pc.path];
    expect(await exportedCases(where, env)).toEqual(localExport);
    const verify = await runCli(['audit', 'verify', ...where, '--user', SUPERVISOR.username], pw, { env, timeoutMs: 120_000 });
    expect(verify, verify.stderr).toMatchObject({ code: 0 });
    const seen = await digestsOf(openFirst);

    // A database that holds a desk is never written over: refused, its rows as they were.
    const again = await restore(backupPath, url, pw, env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`The database ${first.name} already holds a desk`);
    expect(await digestsOf(openFirst)).toEqual(seen);

    // A backup of the shared desk, onto a second database.
    const sharedBackup = await runCli(['backup', ...where, '--user', SUPERVISOR.username, '--out', dirs.out.path], pw, { env, timeoutMs: 120_000 });
    expect(sharedBackup, sharedBackup.stderr).toMatchObject({ code: 0 });
    const second = await freshDatabase(pg);
    databases.push(second);
    const url2 = formatDatabaseUrl(parseDatabaseUrl(second.url));
    const env2 = { PRIVACY_DESK_DATABASE_PASSWORD: second.password };
    const moved = await restore(sharedBackup.stdout.split('\n')[0]!, url2, pw, env2);
    expect(moved, moved.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining('5 case(s)') });
    expect(await exportedCases(['--database-url', url2, '--data-dir', dirs.pc.path], env2)).toEqual(localExport);
    const verify2 = await runCli(['audit', 'verify', '--database-url', url2, '--data-dir', dirs.pc.path, '--user', SUPERVISOR.username], pw, { env: env2, timeoutMs: 120_000 });
    expect(verify2, verify2.stderr).toMatchObject({ code: 0 });
  }, 600_000);
});
