// The crash window of at-least-once delivery: a sender (a child process) hands a message to the mail
// server, the server accepts it, and the process is SIGKILLed before it marks the message sent. The next
// sender finds it half-sent, resends it exactly once with the SAME Message-ID, and the case timeline
// says the member may have received it twice. The notice is recorded on the case once.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSmtp, parseMail } from '../../support/smtp.ts';
import { closeDirect, directDesk, mailDesk, outboxRows, sender } from '../../support/mail-desk.ts';
import { SUPERVISOR } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';

const child = fileURLToPath(new URL('../../support/mail-crash-child.ts', import.meta.url));

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('the crash window', () => {
  it('killed after the server accepted, before the local mark: one resend, same Message-ID, timeline says so', async () => {
    const smtp = await startSmtp();
    cleanup.push(() => smtp.close());
    const m = await mailDesk(2, true);
    cleanup.push(() => m.dir.remove());
    await closeDirect(await directDesk(m, smtp.port));

    const proc = spawn(process.execPath, [child, m.dir.path, SUPERVISOR.username, SUPERVISOR.password], { env: { ...process.env, PD_MAIL_PAUSE_AFTER_SEND: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanup.push(() => void proc.kill('SIGKILL'));
    let out = '';
    let err = '';
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const accepted = await new Promise<string>((ok, fail) => {
      proc.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const hit = /accepted (\S+)/.exec(out);
        if (hit) ok(hit[1]!);
      });
      proc.on('exit', (code) => fail(new Error(`child exited (${code}) before the send: ${out} ${err}`)));
    });
    // The server has it; the child is frozen before its "sent" mark. Kill it there.
    expect(smtp.received).toHaveLength(1);
    proc.kill('SIGKILL');
    await new Promise((ok) => proc.once('exit', ok));

    const desk = await unlockDirect(m.dir.path);
    cleanup.push(() => closeDirect(desk));
    let rows = await outboxRows(desk);
    const first = rows.find((r) => r.message_id === accepted)!;
    expect(first).toMatchObject({ state: 'sending', claimed_by: expect.stringMatching(/^sender-/) });
    expect(rows.filter((r) => r.state === 'queued')).toHaveLength(1);

    const s = sender(desk, m.clock);
    expect(await s.recover()).toBe(1);
    expect(await s.drain()).toMatchObject({ sent: 2, failed: 0 });
    // Nothing is left to resend: exactly one resend of the half-sent message.
    expect(await s.drain()).toMatchObject({ sent: 0 });
    expect(await sender(desk, m.clock).recover()).toBe(0);

    const ids = await Promise.all(smtp.received.map(async (r) => (await parseMail(r.raw)).messageId));
    expect(ids.filter((id) => id === accepted)).toHaveLength(2);
    expect(ids).toHaveLength(3);
    rows = await outboxRows(desk);
    expect(rows.find((r) => r.id === first.id)).toMatchObject({ state: 'sent', possibly_duplicated: 1, attempts: 2, message_id: accepted });
    expect(rows.find((r) => r.id !== first.id)).toMatchObject({ state: 'sent', possibly_duplicated: 0, attempts: 1 });

    const events = await desk.store.db.selectFrom('case_events').select(['kind', 'data']).where('case_id', '=', first.case_id).orderBy('id').execute();
    const dup = events.filter((e) => e.kind === 'mail_possibly_duplicated');
    expect(dup).toHaveLength(1);
    expect(JSON.parse(dup[0]!.data)).toMatchObject({ outboxId: first.id, messageId: accepted });
    const notices = await desk.store.db.selectFrom('notices').selectAll().where('case_id', '=', first.case_id).execute();
    expect(notices).toHaveLength(1);
    // Facts, not a sentence (migration 0039): the notice points at the message; its event says it was resent.
    expect(notices[0]).toMatchObject({ note: '', outbox_id: first.id });
    const noticeEvents = events.filter((e) => e.kind === 'notice' || e.kind === 'notice_copy').map((e) => JSON.parse(e.data) as Record<string, unknown>);
    expect(noticeEvents).toEqual([expect.objectContaining({ channel: 'mail', note: '', messageId: accepted, resent: true })]);
  });
});
