// The daily anchor email (issue 14, item 2): with a supervisor's address set in Settings → security, the
// desk mails the audit log's head once a Japan day when a mail server answers — to a real SMTP server on
// loopback, with the runtime's own clock moved a day on. Exactly one mail per day (a restart the same day
// sends none), Japanese first; each is listed as an anchor on Settings → security, and `desk audit verify
// --anchor` accepts the mailed line — and catches a log cut back past it. Offline: nothing is recorded,
// and the mail goes once the server answers.
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { Clock, FAST_TIMEOUTS } from '../../support/mail-desk.ts';
import { freePort, parseMail, startSmtp, type TestSmtp } from '../../support/smtp.ts';
import { runCli } from '../../support/run-cli.ts';
import { unlockDirect } from '../../support/tables.ts';
import { dropGuards } from '../../support/audit-attacker.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import { sqliteStore } from '../../../db/open.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';

const DAY = 86_400_000;
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function folder(): string {
  const d = tempDir('pd-anchor-mail-');
  cleanup.push(() => d.remove());
  return d.path;
}

async function waitFor(ok: () => boolean, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!ok() && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  return ok();
}

/** Every call runs the runtime's daily jobs first (as its 5 s timer does). */
const nudge = async (rt: DeskRuntime) => value(await rt.call('session.touch', {}));

async function desk(dir: string, clock: Clock, log: string[] = []) {
  const { rt } = await newDesk(dir, { now: clock.now, mail: { timeouts: FAST_TIMEOUTS }, log: (l) => log.push(l) });
  value(await rt.call('settings.update', { idleLockMinutes: 60 }));
  return rt;
}

async function mailed(smtp: TestSmtp, i: number) {
  const m = await parseMail(smtp.received[i]!.raw);
  const text = m.text ?? '';
  const ja = /アンカー: (\d+:[0-9a-f]{64})/.exec(text);
  const en = /Anchor: (\d+:[0-9a-f]{64})/.exec(text);
  return { m, text, ja: ja?.[1], en: en?.[1], to: smtp.received[i]!.to };
}

describe('the daily anchor email', () => {
  it('one a day to the address set; each listed on Settings → security and accepted by audit verify --anchor, which catches a cut end', async () => {
    const smtp = await startSmtp();
    cleanup.push(() => smtp.close());
    const clock = new Clock();
    const dir = folder();
    let rt = await desk(dir, clock);
    cleanup.push(() => rt.close());
    value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', password: '' }));

    // No address: nothing goes.
    await nudge(rt);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received).toHaveLength(0);

    // The address is normalised like any email field (full-width typed).
    const saved = value(await rt.call('settings.update', { security: { anchorEmail: 'ｋａｎｓａ@example.org' } }));
    expect(saved.security).toEqual({ anchorEmail: 'kansa@example.org' });
    await nudge(rt);
    expect(await waitFor(() => smtp.received.length === 1)).toBe(true);
    const first = await mailed(smtp, 0);
    expect(first.to).toEqual(['kansa@example.org']);
    expect(first.m.subject).toBe('監査ログのアンカー 2026-11-24 / Audit log anchor');
    expect(first.ja).toBeDefined();
    expect(first.en).toBe(first.ja);
    expect(first.text.indexOf('アンカー:')).toBeLessThan(first.text.indexOf('Anchor:')); // Japanese first
    expect(first.text).toContain(`npm run desk -- audit verify --anchor ${first.ja}`);

    // The same day: more calls, later hours, a lock and login, a restart — still one.
    for (let i = 0; i < 5; i++) {
      clock.advance(30 * 60_000);
      await nudge(rt);
    }
    value(await rt.call('auth.lock', {}));
    value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
    await nudge(rt);
    await rt.close();
    rt = await openRuntime(dir, { now: clock.now, mail: { timeouts: FAST_TIMEOUTS } });
    value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
    await nudge(rt);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received).toHaveLength(1);

    // Settings → security lists it, held.
    const anchors = value(await rt.call('audit.anchors', {}));
    expect(anchors.map((a) => [a.source, a.name, a.problem])).toEqual([['email', 'kansa@example.org', null]]);
    expect(first.ja!.startsWith(anchors[0]!.anchor.replace(/:.*/, ':'))).toBe(true);

    // The next Japan day (the idle lock fired meanwhile: log in again): one more, a later head.
    clock.advance(DAY);
    value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
    await nudge(rt);
    expect(await waitFor(() => smtp.received.length === 2)).toBe(true);
    await nudge(rt);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received).toHaveLength(2);
    const second = await mailed(smtp, 1);
    expect(second.m.subject).toBe('監査ログのアンカー 2026-11-25 / Audit log anchor');
    expect(Number(second.ja!.split(':')[0])).toBeGreaterThan(Number(first.ja!.split(':')[0]));
    expect(value(await rt.call('audit.anchors', {})).map((a) => [a.source, a.problem])).toEqual([
      ['email', null],
      ['email', null],
    ]);
    await rt.close();

    // Each mailed line is an anchor `audit verify` accepts.
    for (const line of [first.ja!, second.ja!]) {
      const ok = await runCli(['audit', 'verify', '--data-dir', dir, '--user', SUPERVISOR.username, '--anchor', line], SUPERVISOR.password);
      expect(ok).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK \(\d+ rows\)\n$/) });
    }

    // A key holder cuts the log back before the second anchor and resets SQLite's counter: the mailbox catches it.
    const cut = folder();
    cpSync(dir, cut, { recursive: true });
    const d = await unlockDirect(cut);
    const seq = Number(second.ja!.split(':')[0]);
    dropGuards(sqliteStore(d.store).raw);
    sqliteStore(d.store).raw.prepare('DELETE FROM audit_log WHERE seq >= ?').run(seq);
    sqliteStore(d.store).raw.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'`).run(seq - 1);
    await lockDesk(d);
    const plain = await runCli(['audit', 'verify', '--data-dir', cut, '--user', SUPERVISOR.username], SUPERVISOR.password);
    expect(plain.code).toBe(0);
    const caught = await runCli(['audit', 'verify', '--data-dir', cut, '--user', SUPERVISOR.username, '--anchor', second.ja!], SUPERVISOR.password);
    expect(caught).toMatchObject({ code: 1, stdout: expect.stringMatching(/^BROKEN at row \d+: the log ends at row \d+ but the anchor is at row \d+/) });
  }, 180_000);

  it('offline: nothing recorded, tried again later, sent once the server answers', async () => {
    const port = await freePort();
    const clock = new Clock();
    const log: string[] = [];
    const rt = await desk(folder(), clock, log);
    cleanup.push(() => rt.close());
    value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port, tls: 'none', user: '', password: '' }));
    value(await rt.call('settings.update', { security: { anchorEmail: 'kansa@example.org' } }));
    await nudge(rt);
    expect(await waitFor(() => log.some((l) => l.includes('anchor email was not sent')))).toBe(true);
    expect(log.find((l) => l.includes('anchor email'))).not.toContain('kansa'); // the log names no one
    expect(value(await rt.call('audit.anchors', {}))).toEqual([]);

    const smtp = await startSmtp({ port });
    cleanup.push(() => smtp.close());
    await nudge(rt); // the retry is not due yet
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received).toHaveLength(0);
    clock.advance(5 * 60_000);
    await nudge(rt);
    expect(await waitFor(() => smtp.received.length === 1)).toBe(true);
    await waitFor(() => false, 300);
    expect(value(await rt.call('audit.anchors', {})).map((a) => [a.source, a.problem])).toEqual([['email', null]]);
    expect(smtp.received).toHaveLength(1);
  }, 120_000);
});
