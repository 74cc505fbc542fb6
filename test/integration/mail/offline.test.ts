// Offline, then online: while nothing listens on the mail server's port the messages stay queued (tries
// counted on the message at the head of the queue, nothing failed, nothing lost); once the server is up
// everything drains, in the order it was queued. A server that accepts the connection and never greets
// times out as a temporary failure and the message stays queued.
import { readMailFailure } from '../../../electron/core/codes/stored.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, parseMail, startSilentServer, startSmtp } from '../../support/smtp.ts';
import { closeDirect, directDesk, mailDesk, outboxRows, sender } from '../../support/mail-desk.ts';
import { MESSAGE_ID_PATTERN } from '../../../electron/core/mail/outbox.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('offline, then online', () => {
  it('nothing listening: messages stay queued with tries counted; server up: all drain, in order', async () => {
    const m = await mailDesk(5, true);
    cleanup.push(() => m.dir.remove());
    const port = await freePort();
    const desk = await directDesk(m, port);
    cleanup.push(() => closeDirect(desk));
    const s = sender(desk, m.clock);

    // Down: the first try finds nobody; the queue waits (1 min), nothing fails.
    let r = await s.drain();
    expect(r).toMatchObject({ sent: 0, failed: 0, stoppedBy: 'offline' });
    let rows = await outboxRows(desk);
    expect(rows.map((x) => x.state)).toEqual(['queued', 'queued', 'queued', 'queued', 'queued']);
    expect(rows[0]).toMatchObject({ attempts: 1, server_attempts: 0 });
    expect(readMailFailure(rows[0]!.last_error)).toMatchObject({ code: 'SMTP_UNREACHABLE', cause: 'refused' });
    // The message is due; it is the server that is away: the sender's next probe is in 1 min.
    expect(rows[0]!.next_attempt_at).toBeNull();
    expect(s.status()).toMatchObject({ connection: 'offline', nextTryAt: new Date(m.clock.t + 60_000).toISOString() });

    // Still inside the wait: nothing is tried.
    expect(await s.drain()).toMatchObject({ stoppedBy: 'waiting' });
    // Later tries back off (1 min, 2 min …) and keep counting, still without failing anything.
    for (let i = 0; i < 10; i++) {
      m.clock.advance(60 * 60_000);
      r = await s.drain();
      expect(r.stoppedBy).toBe('offline');
    }
    rows = await outboxRows(desk);
    expect(rows[0]).toMatchObject({ state: 'queued', attempts: 11, server_attempts: 0 });
    expect(rows.slice(1).every((x) => x.state === 'queued' && x.attempts === 0)).toBe(true);

    // Up, on the same port: the next try drains everything, in the order it was queued.
    const smtp = await startSmtp({ port });
    cleanup.push(() => smtp.close());
    m.clock.advance(5 * 60_000);
    r = await s.drain();
    expect(r).toMatchObject({ sent: 5, failed: 0, stoppedBy: null });
    rows = await outboxRows(desk);
    expect(rows.map((x) => x.state)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    const ids = await Promise.all(smtp.received.map(async (x) => (await parseMail(x.raw)).messageId));
    const byQueue = m.queued.map((id) => rows.find((x) => x.id === id)!.message_id);
    expect(ids).toEqual(byQueue);
    expect(ids.every((id) => MESSAGE_ID_PATTERN.test(id!))).toBe(true);
    expect(smtp.received.map((x) => x.to[0])).toEqual(m.queued.map((id) => rows.find((x) => x.id === id)!.to_address));
    expect(s.status()).toMatchObject({ connection: 'online', lastError: null });
  });

  it('a server that accepts and never greets times out: the message stays queued as a temporary failure', async () => {
    const m = await mailDesk(2, true);
    cleanup.push(() => m.dir.remove());
    const silent = await startSilentServer();
    cleanup.push(() => silent.close());
    const desk = await directDesk(m, silent.port);
    cleanup.push(() => closeDirect(desk));
    const s = sender(desk, m.clock, { timeouts: { connectionMs: 2_000, greetingMs: 300, socketMs: 2_000 } });

    const t = Date.now();
    const r = await s.drain();
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(r).toMatchObject({ sent: 0, failed: 0, stoppedBy: 'temporary' });
    expect(silent.connections).toBe(1); // the queue stops at the first timeout: no time lost on each message
    const rows = await outboxRows(desk);
    expect(rows.map((x) => x.state)).toEqual(['queued', 'queued']);
    expect(rows[0]).toMatchObject({ attempts: 1, server_attempts: 1 });
    expect(readMailFailure(rows[0]!.last_error)).toMatchObject({ code: 'SMTP_TIMEOUT' });
    expect(rows[0]!.next_attempt_at).toBe(new Date(m.clock.t + 60_000).toISOString());
    expect(rows[1]).toMatchObject({ attempts: 0 });
  });
});
