// Settings → security: "the last anchors, and whether the chain still extends each". A backup and a printed
// compliance pack each leave one; more work extends them; cutting the log's end back past them (with SQLite's
// counter reset, which nothing else shows) marks them broken, naming the problem.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import { sqliteStore } from '../../../db/open.ts';
import { dropGuards } from '../../support/audit-attacker.ts';
import type { AnchorCheck } from '../../../electron/contract/index.ts';

const dirs: Array<{ path: string; remove(): void }> = [];
const dir = () => {
  const d = tempDir('pd-anchors-');
  dirs.push(d);
  return d.path;
};
afterAll(() => dirs.splice(0).forEach((d) => d.remove()));
const login = { username: SUPERVISOR.username, password: SUPERVISOR.password };

describe('audit.anchors', () => {
  it('lists the backup and the printed pack, both extended; after the end is cut back past them, the backup’s shows broken with the reason', async () => {
    const live = dir();
    const usb = dir();
    const { rt } = await newDesk(live);
    expect(value(await rt.dispatch('audit.anchors', {}))).toEqual([]);
    value(await rt.dispatch('settings.update', { backup: { folder: usb, keep: 5, onLock: false, daily: false } }));
    const backup = value(await rt.dispatch('backup.now', {})) as { path: string };
    value(await rt.dispatch('reports.pack', { from: '2026-04-01', to: '2026-04-30' }));
    value(await rt.dispatch('settings.update', { idleLockMinutes: 30 })); // more work after both
    const anchors = value(await rt.dispatch('audit.anchors', {})) as AnchorCheck[];
    expect(anchors.map((a) => [a.source, a.problem])).toEqual([
      ['backup', null],
      ['report', null],
    ]);
    expect(anchors[0]!.name).toBe(backup.path.split('/').at(-1));
    expect(anchors[0]!.anchor).toMatch(/^\d+:[0-9a-f]{16}$/);
    expect(anchors[1]!.name).toBe('2026-04-01..2026-04-30');
    await rt.close();

    // Someone with the data key cuts the log back to before the backup and resets the counter.
    const cut = dir();
    cpSync(live, cut, { recursive: true });
    const d = await unlockDirect(cut);
    const backupSeq = Number(anchors[0]!.anchor.split(':')[0]);
    dropGuards(sqliteStore(d.store).raw);
    sqliteStore(d.store).raw.prepare('DELETE FROM audit_log WHERE seq >= ?').run(backupSeq - 1);
    sqliteStore(d.store).raw.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'`).run(backupSeq - 2);
    await lockDesk(d);
    const rt2 = await openRuntime(cut);
    try {
      value(await rt2.dispatch('auth.login', login));
      value(await rt2.dispatch('settings.update', { backup: { folder: usb, keep: 5, onLock: false, daily: false } }));
      const after = value(await rt2.dispatch('audit.anchors', {})) as AnchorCheck[];
      // The log no longer holds the row the backup recorded (cut, then written anew): the backup's manifest,
      // outside the database, shows it. The pack's own row was cut with the rest; its anchor lives on paper.
      expect(after.map((a) => [a.source, a.problem?.code])).toEqual([['backup', expect.stringMatching(/^AUDIT_ANCHOR_(MISMATCH|BEYOND_END)$/)]]);
    } finally {
      await rt2.close();
    }
  }, 120_000);

  it('re-key now: a supervisor switches the desk to a new key through the contract; an agent may not', async () => {
    const live = dir();
    const { rt } = await newDesk(live);
    try {
      const agent = value(await rt.dispatch('accounts.create', { username: 'kato', displayName: 'Kato', role: 'agent' })) as { oneTimePassword: string };
      expect(value(await rt.dispatch('desk.rekey', {}))).toMatchObject({ slots: 3, mustReset: [] });
      value(await rt.dispatch('auth.lock', {}));
      value(await rt.dispatch('auth.login', { username: 'kato', password: agent.oneTimePassword }));
      value(await rt.dispatch('auth.changePassword', { currentPassword: agent.oneTimePassword, newPassword: 'kato chooses a long one' }));
      expect(await rt.dispatch('desk.rekey', {})).toMatchObject({ ok: false, error: { reason: { code: 'SUPERVISOR_ONLY' } } });
      expect(await rt.dispatch('audit.anchors', {})).toMatchObject({ ok: false, error: { reason: { code: 'SUPERVISOR_ONLY' } } });
    } finally {
      await rt.close();
    }
  }, 120_000);
});
