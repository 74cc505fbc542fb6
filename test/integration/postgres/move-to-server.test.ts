// A local desk onto a server and back, as IT staff do it with the real command line: `desk move-to-server`,
// `desk backup --database-url`, `desk restore` into a new local folder. At each step every table is the
// same (each table's rows compared by digest; the cases by `desk export`) and the audit chain verifies;
// the local desk is left as it was, marked as moved, and a second move of it is refused.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDatabase, withAdmin, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { intake } from '../../support/mail-desk.ts';
import { corpus } from '../../support/mail-corpus.ts';
import { runCli } from '../../support/run-cli.ts';
import { unlockDirect } from '../../support/tables.ts';
import { formatDatabaseUrl, parseDatabaseUrl } from '../../../db/postgres.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { tableDigests } from '../../../electron/core/shared-desk/desk-tables.ts';
import { manifestSchema } from '../../../electron/core/backup/manifest.ts';
import { readMailConfig } from '../../../electron/core/mail/mail-settings.ts';
import { exportedCases, keepSmtpSecret, SMTP_SECRET } from '../../support/desk-copies.ts';

const dirs = { local: tempDir('pd-move-local-'), pc: tempDir('pd-move-pc-'), out: tempDir('pd-move-out-'), restored: tempDir('pd-move-restored-') };
let database: TestDatabase;
afterAll(async () => {
  await database?.drop();
  for (const d of Object.values(dirs)) d.remove();
});

type Digests = Awaited<ReturnType<typeof tableDigests>>;

async function inspect(open: () => Promise<UnlockedDesk>, also?: (desk: UnlockedDesk) => Promise<void>): Promise<{ digests: Digests; audit: Awaited<ReturnType<typeof verifyAudit>> }> {
  const desk = await open();
  try {
    const digests = await tableDigests(desk.store.db);
    const audit = await verifyAudit(desk.store.db);
    await also?.(desk);
    return { digests, audit };
  } finally {
    await lockDesk(desk);
  }
}

const withoutAudit = (d: Digests) => Object.fromEntries(Object.entries(d).filter(([t]) => t !== 'audit_log'));

describe('desk move-to-server → backup --database-url → restore', () => {
  it('every table identical and the audit chain verifying at each step; the local desk untouched and marked as moved', async () => {
    // A local desk with cases, events, notes, notices, queued mail and imported mail with attachments.
    const { rt } = await newDesk(dirs.local.path);
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(value(await rt.call('cases.create', intake(i))).id);
    value(await rt.call('cases.addNote', { id: ids[0]!, text: '電話で本人確認済み。' }));
    value(await rt.call('cases.recordNotice', { id: ids[1]!, kind: 'acknowledgement', channel: 'letter', note: '郵送' }));
    const drafts = value(await rt.call('outbox.list', { state: 'draft', pageSize: 50 }));
    for (const d of drafts.rows.slice(0, 3)) value(await rt.call('outbox.send', { id: d.id }));
    const mails = corpus().filter((m, i) => i < 5 || m.expect.attachments.length > 0).slice(0, 20);
    value(await rt.call('inbox.importFiles', { files: mails.map((m) => ({ name: `${m.name.replace(/\W+/g, '_')}.eml`, base64: m.raw.toString('base64') })) }));
    await rt.close();
    // A secret kept in a table: plain inside the local desk's encrypted file, sealed on a server.
    await keepSmtpSecret(dirs.local.path);

    const pw = SUPERVISOR.password;
    const localExport = await exportedCases(['--data-dir', dirs.local.path]);
    expect(localExport).toHaveLength(6);
    const local = await inspect(() => unlockDirect(dirs.local.path), async (desk) => {
      const attachments = await desk.store.db.selectFrom('inbox_attachments').select('id').execute();
      expect(attachments.length).toBeGreaterThan(0);
    });
    expect(local.audit).toMatchObject({ ok: true });
    const slotsBefore = readFileSync(deskPaths(dirs.local.path).keySlots);

    // Step 1: onto the server.
    database = await freshDatabase(await testPostgres());
    const server = { target: parseDatabaseUrl(database.url), password: database.password };
    const url = formatDatabaseUrl(server.target);
    const env = { PRIVACY_DESK_DATABASE_PASSWORD: database.password };
    const moved = await runCli(['move-to-server', '--data-dir', dirs.local.path, '--database-url', url, '--user', SUPERVISOR.username], pw, { env, timeoutMs: 300_000 });
    expect(moved, moved.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining('6 case(s)') });

    // The local desk: the same rows, the same key slots, and a marker naming where it went.
    const localAfter = await inspect(() => unlockDirect(dirs.local.path));
    expect(localAfter.digests).toEqual(local.digests);
    expect(readFileSync(deskPaths(dirs.local.path).keySlots)).toEqual(slotsBefore);
    const marker = JSON.parse(readFileSync(join(deskPaths(dirs.local.path).deskDir, 'moved-to-server.json'), 'utf8')) as { to: string; cases: number };
    expect(marker).toMatchObject({ to: url, cases: 6 });

    // The server: every table as the local desk's, the audit chain the local one plus the move.
    const openServer = async () => (await unlockWithPassword(deskPaths(dirs.pc.path, server), SUPERVISOR.username, pw))!;
    const onServer = await inspect(openServer, async (desk) => {
      const last = await desk.store.db.selectFrom('audit_log').select(['action', 'actor']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toEqual({ action: 'desk.move-to-server', actor: SUPERVISOR.username });
    });
    expect(withoutAudit(onServer.digests)).toEqual(withoutAudit(local.digests));
    // On the server the secrets are sealed (the administrator reads none of them); the desk opens them.
    const stored = await withAdmin(await testPostgres(), async (c) => (await c.query(`SELECT (SELECT password FROM mail_settings) AS smtp, (SELECT private_key FROM audit_keys) AS system_key`)).rows[0] as { smtp: string; system_key: string }, database.name);
    expect(stored.smtp).toMatch(/^pd1:/);
    expect(stored.smtp).not.toContain('smtp-secret');
    expect(stored.system_key).toMatch(/^pd1:/);
    const serverDesk = await openServer();
    try {
      expect((await readMailConfig(serverDesk.store.db))?.password).toBe(SMTP_SECRET);
    } finally {
      await lockDesk(serverDesk);
    }
    expect(onServer.audit).toMatchObject({ ok: true, rows: local.digests.audit_log!.rows + 1 });
    const where = ['--database-url', url, '--data-dir', dirs.pc.path];
    expect(await exportedCases(where, env)).toEqual(localExport);

    // Step 2: a backup of the shared desk.
    let serverAudit: unknown[] = [];
    const beforeBackup = await inspect(openServer, async (desk) => {
      serverAudit = await desk.store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    });
    const backup = await runCli(['backup', ...where, '--user', SUPERVISOR.username, '--out', dirs.out.path], pw, { env, timeoutMs: 300_000 });
    expect(backup, backup.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/\.pdbackup\n6 case\(s\)/) });
    const backupPath = backup.stdout.split('\n')[0]!;
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(backupPath, 'manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({ cases: 6, audit: { seq: beforeBackup.audit.ok ? beforeBackup.audit.head!.seq : -1 } });
    expect(existsSync(join(backupPath, 'desk.db-wal'))).toBe(false);

    // Step 3: restored into a new local desk.
    const restored = await runCli(['restore', backupPath, '--data-dir', dirs.restored.path, '--user', SUPERVISOR.username], pw, { timeoutMs: 300_000 });
    expect(restored, restored.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining('6 case(s)') });
    const back = await inspect(() => unlockDirect(dirs.restored.path), async (desk) => {
      expect(await verifyAudit(desk.store.db, [{ seq: manifest.audit!.seq, hash: manifest.audit!.hash }])).toMatchObject({ ok: true });
      // The chain as it stood on the server, row for row, then the restore's own row.
      const rows = await desk.store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      expect(rows.slice(0, serverAudit.length)).toEqual(serverAudit);
      expect(rows.slice(serverAudit.length).map((r) => r.action)).toEqual(['desk.restore']);
    });
    expect(withoutAudit(back.digests)).toEqual(withoutAudit(beforeBackup.digests));
    expect(back.audit).toMatchObject({ ok: true });
    const restoredDesk = await unlockDirect(dirs.restored.path);
    try {
      expect((await readMailConfig(restoredDesk.store.db))?.password).toBe(SMTP_SECRET);
    } finally {
      await lockDesk(restoredDesk);
    }
    expect(await exportedCases(['--data-dir', dirs.restored.path])).toEqual(localExport);
    // A search on the restored desk finds the member (its search index was rebuilt from the cases).
    const again = await openRuntime(dirs.restored.path);
    try {
      value(await again.call('auth.login', { username: SUPERVISOR.username, password: pw }));
      const hits = value(await again.call('cases.list', { view: 'all_open', search: '山田 太郎3' }));
      expect(hits.rows.map((r) => r.reference)).toHaveLength(1);
    } finally {
      await again.close();
    }

    // Moving the same local desk again is refused: it is marked as moved; the server is left alone.
    const twice = await runCli(['move-to-server', '--data-dir', dirs.local.path, '--database-url', url, '--user', SUPERVISOR.username], pw, { env, timeoutMs: 120_000 });
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain(`This desk was moved to the shared desk ${url}`);
  }, 900_000);
});
