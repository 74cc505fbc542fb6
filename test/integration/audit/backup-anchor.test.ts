// A backup's manifest is an anchor: it records the audit log's head as it was in that copy, and
// `audit verify --anchor BACKUP` proves the live desk's chain still extends it. Cutting the end of the log
// and resetting SQLite's counter passes without an anchor and is caught with the backup as one.
import { sqliteStore } from '../../../db/open.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { runCli } from '../../support/run-cli.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import { writeBackup } from '../../../electron/core/backup/backup.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { auditHead } from '../../../electron/core/audit/audit-log.ts';
import { dropGuards } from '../../support/audit-attacker.ts';

const dirs: Array<{ path: string; remove(): void }> = [];
const dir = () => {
  const d = tempDir('pd-anchor-');
  dirs.push(d);
  return d.path;
};
afterAll(() => dirs.splice(0).forEach((d) => d.remove()));

describe('a backup as an anchor', () => {
  it('records the head; verify --anchor BACKUP passes on the desk and catches a cut end with the counter reset', async () => {
    const live = dir();
    const { rt } = await newDesk(live);
    await rt.close();
    const usb = dir();
    const desk = await unlockDirect(live);
    const backup = await writeBackup({ paths: deskPaths(live), deskId: desk.deskId, dataKey: desk.dataKey, deskName: { ja: 'x', en: 'x' } }, usb);
    const head = (await auditHead(desk.store.db))!;
    await lockDesk(desk);
    const manifest = JSON.parse(readFileSync(join(backup.path, 'manifest.json'), 'utf8')) as { audit: { seq: number; hash: string } };
    expect(manifest.audit).toMatchObject({ seq: head.seq, hash: head.hash });

    // More work after the backup: the chain extends the anchor.
    const rt2 = await openRuntime(live);
    value(await rt2.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
    await rt2.close();
    const ok = await runCli(['audit', 'verify', '--data-dir', live, '--user', SUPERVISOR.username, '--anchor', backup.path], SUPERVISOR.password);
    expect(ok).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK \(\d+ rows\)\n$/) });

    // An attacker cuts the log back to before the backup's head and resets the counter.
    const cut = dir();
    cpSync(live, cut, { recursive: true });
    const d = await unlockDirect(cut);
    dropGuards(sqliteStore(d.store).raw);
    sqliteStore(d.store).raw.prepare('DELETE FROM audit_log WHERE seq >= ?').run(head.seq - 1);
    sqliteStore(d.store).raw.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'`).run(head.seq - 2);
    await lockDesk(d);
    // Consistent in itself: without an anchor nothing shows.
    const plain = await runCli(['audit', 'verify', '--data-dir', cut, '--user', SUPERVISOR.username], SUPERVISOR.password);
    expect(plain.code).toBe(0);
    const anchored = await runCli(['audit', 'verify', '--data-dir', cut, '--user', SUPERVISOR.username, '--anchor', backup.path], SUPERVISOR.password);
    expect(anchored).toMatchObject({ code: 1, stdout: expect.stringMatching(/^BROKEN at row \d+: the log ends at row \d+ but the anchor is at row \d+/) });
    const bad = await runCli(['audit', 'verify', '--data-dir', cut, '--user', SUPERVISOR.username, '--anchor', 'not-an-anchor'], SUPERVISOR.password);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/--anchor not-an-anchor: neither a backup folder/) });
  }, 120_000);
});
