// "Someone with the data key edits the audit log behind the desk's back (dropping the append-only
// triggers first): an edited row, a deleted row and two rows swapped are each found, by the core's
// verifyAudit and by `desk audit verify`, which names the first broken row and exits 1."
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { runCli } from '../../support/run-cli.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import { verifyAudit, type AuditVerdict } from '../../../electron/core/audit/audit-log.ts';

const dirs: Array<{ path: string; remove(): void }> = [];
let original: string;
let rows: number;

function dir(): string {
  const d = tempDir('pd-audit-');
  dirs.push(d);
  return d.path;
}

/** A copy of the desk, changed with raw SQL as an attacker holding the data key would. */
async function tampered(statements: string): Promise<{ path: string; verdict: AuditVerdict }> {
  const path = dir();
  cpSync(original, path, { recursive: true });
  const desk = await unlockDirect(path);
  try {
    desk.store.raw.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${statements}`);
    return { path, verdict: await verifyAudit(desk.store.db) };
  } finally {
    await lockDesk(desk);
  }
}

const verify = (path: string) => runCli(['audit', 'verify', '--data-dir', path, '--user', SUPERVISOR.username], SUPERVISOR.password);

beforeAll(async () => {
  original = dir();
  const { rt } = await newDesk(original);
  for (const name of ['山田 太郎', '佐藤 一郎', 'Tran Van Minh']) {
    value(
      await rt.dispatch('cases.create', {
        type: 'disclosure',
        channel: 'email',
        arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        requesterKind: 'member',
        memberName: name,
        memberEmail: 'member@example.jp',
        requestText: '保有個人データの開示を求めます。',
        delivery: 'electronic',
      }),
    );
  }
  await rt.close();
  const desk = await unlockDirect(original);
  const v = await verifyAudit(desk.store.db);
  await lockDesk(desk);
  expect(v.ok).toBe(true);
  rows = v.rows;
  expect(rows).toBeGreaterThanOrEqual(7);
});
afterAll(() => dirs.splice(0).forEach((d) => d.remove()));

describe('audit verify', () => {
  it('finds an edited, a deleted and a reordered row, and a cut-off end; an untouched desk is OK', async () => {
    const edited = await tampered(`UPDATE audit_log SET detail = '{"reference":"PD-2026-99999"}' WHERE seq = 4`);
    const deleted = await tampered(`DELETE FROM audit_log WHERE seq = 4`);
    // Rows 3 and 5 trade places: each keeps its own hash, so each row alone still hashes correctly.
    const swapped = await tampered(`
      CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (3, 5);
      UPDATE audit_log SET (at, actor, action, entity, entity_id, detail, prev_hash, hash) =
        (SELECT at, actor, action, entity, entity_id, detail, prev_hash, hash FROM t WHERE t.seq = 8 - audit_log.seq)
      WHERE seq IN (3, 5);`);
    const truncated = await tampered(`DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`);

    expect(edited.verdict).toEqual({ ok: false, rows, brokenAt: 4, reason: 'its content was changed after it was written' });
    expect(deleted.verdict).toMatchObject({ ok: false, brokenAt: 5, reason: expect.stringMatching(/does not follow the row before it/) });
    expect(swapped.verdict).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/does not follow the row before it/) });
    // The hash chain alone cannot see its end cut off; the CLI also checks SQLite's sequence counter.
    expect(truncated.verdict).toMatchObject({ ok: true });

    const [ok, e, d, s, t] = await Promise.all([verify(original), verify(edited.path), verify(deleted.path), verify(swapped.path), verify(truncated.path)]);
    expect(ok).toEqual({ code: 0, stdout: `OK (${rows} rows)\n`, stderr: '' });
    expect(e).toMatchObject({ code: 1, stdout: `BROKEN at row 4: its content was changed after it was written. (${rows} rows checked.)\n` });
    expect(d).toMatchObject({ code: 1, stdout: expect.stringMatching(/^BROKEN at row 5: it does not follow the row before it \(a row was removed or moved\)\./) });
    expect(s).toMatchObject({ code: 1, stdout: expect.stringMatching(/^BROKEN at row 3: it does not follow the row before it/) });
    expect(t).toMatchObject({ code: 1, stdout: `BROKEN at row ${rows}: rows ${rows} to ${rows} at the end of the log were removed. (${rows - 1} rows checked.)\n` });
  });

  it('--help, and an unknown subcommand is a usage error', async () => {
    const [help, bad] = await Promise.all([runCli(['audit', '--help']), runCli(['audit', 'fix', '--data-dir', original, '--user', SUPERVISOR.username])]);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: npm run desk -- audit verify/) });
    expect(bad.code).toBe(2);
  });
});
