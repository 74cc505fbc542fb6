// How the sender answers what the server says: 4xx retries with exponential backoff (on an injected
// clock), 5xx fails at once with the server's words, a refused login is shown plainly and stops sending
// until the settings change, and the retry limit fails a message visibly. Nothing is lost on the way.
import { readMailFailure } from '../../../electron/core/codes/stored.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtp } from '../../support/smtp.ts';
import { closeDirect, directDesk, mailDesk, outboxRows, sender } from '../../support/mail-desk.ts';
import { writeMailSettings } from '../../../electron/core/mail/mail-settings.ts';
import { defaultBackoffMs } from '../../../electron/core/mail/sender.ts';
import { classifySmtpError } from '../../../electron/core/mail/smtp-errors.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const MIN = 60_000;

describe('temporary failures (4xx)', () => {
  it('451 twice, then accepted: tries and next try follow the backoff (1 min, then 2 min)', async () => {
    const smtp = await startSmtp({ dataReplies: [451, 451] });
    cleanup.push(() => smtp.close());
    const m = await mailDesk(1, true);
    cleanup.push(() => m.dir.remove());
    const desk = await directDesk(m, smtp.port);
    cleanup.push(() => closeDirect(desk));
    const s = sender(desk, m.clock);
    const t0 = m.clock.t;

    expect(await s.drain()).toMatchObject({ sent: 0, retrying: 1 });
    let [row] = await outboxRows(desk);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, server_attempts: 1, next_attempt_at: new Date(t0 + MIN).toISOString() });
    expect(readMailFailure(row!.last_error)).toEqual({ code: 'SMTP_LATER', response: '451 4.7.1 Greylisted, try again later', responseCode: 451 });

    // Not due yet: 59 s later nothing is tried.
    m.clock.advance(MIN - 1_000);
    expect(await s.drain()).toMatchObject({ sent: 0, retrying: 0 });
    expect(smtp.refused).toBe(1);

    m.clock.advance(1_000);
    await s.drain();
    [row] = await outboxRows(desk);
    expect(row).toMatchObject({ state: 'queued', attempts: 2, server_attempts: 2, next_attempt_at: new Date(t0 + MIN + 2 * MIN).toISOString() });

    m.clock.advance(2 * MIN);
    expect(await s.drain()).toMatchObject({ sent: 1 });
    [row] = await outboxRows(desk);
    expect(row).toMatchObject({ state: 'sent', attempts: 3, next_attempt_at: null, last_error: null, sent_at: new Date(t0 + 3 * MIN).toISOString() });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.refused).toBe(2);
  });

  it('the backoff doubles and is capped at an hour; after the limit the message fails visibly', async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => defaultBackoffMs(n) / MIN)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    const smtp = await startSmtp({ dataReplies: Array(20).fill(452) });
    cleanup.push(() => smtp.close());
    const m = await mailDesk(1, true);
    cleanup.push(() => m.dir.remove());
    const desk = await directDesk(m, smtp.port);
    cleanup.push(() => closeDirect(desk));
    const s = sender(desk, m.clock, { maxAttempts: 4 });
    for (let i = 0; i < 4; i++) {
      await s.drain();
      m.clock.advance(60 * MIN);
    }
    const [row] = await outboxRows(desk);
    expect(row).toMatchObject({ state: 'failed', attempts: 4, server_attempts: 4, next_attempt_at: null });
    expect(readMailFailure(row!.last_error)).toMatchObject({ code: 'MAIL_GAVE_UP', after: 4, last: { code: 'SMTP_LATER', responseCode: 452 } });
    const events = await desk.store.db.selectFrom('case_events').select(['kind', 'data']).where('kind', '=', 'mail_failed').execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ outboxId: row!.id, noticeKind: 'acknowledgement', attempts: 4 });
  });
});

describe('permanent failures (5xx)', () => {
  it('550 fails at once, with the server’s words; the next message still goes', async () => {
    const smtp = await startSmtp({ dataReplies: [550] });
    cleanup.push(() => smtp.close());
    const m = await mailDesk(2, true);
    cleanup.push(() => m.dir.remove());
    const desk = await directDesk(m, smtp.port);
    cleanup.push(() => closeDirect(desk));
    const r = await sender(desk, m.clock).drain();
    expect(r).toMatchObject({ sent: 1, failed: 1 });
    const rows = await outboxRows(desk);
    expect(rows[0]).toMatchObject({ state: 'failed', attempts: 1 });
    expect(readMailFailure(rows[0]!.last_error)).toEqual({ code: 'SMTP_REJECTED', response: '550 5.7.1 Message rejected by policy', responseCode: 550 });
    expect(rows[1]).toMatchObject({ state: 'sent' });
    // Nothing personal in the error beyond the server's words.
    expect(rows[0]!.last_error).not.toContain(rows[0]!.to_address);
  });
});

describe('authentication', () => {
  it('a refused login is shown plainly; nothing is sent or failed until the settings change', async () => {
    const smtp = await startSmtp({ auth: (user, pass) => user === 'desk' && pass === 'right password' });
    cleanup.push(() => smtp.close());
    const m = await mailDesk(2, true);
    cleanup.push(() => m.dir.remove());
    const desk = await directDesk(m, smtp.port, { user: 'desk', password: 'wrong password' });
    cleanup.push(() => closeDirect(desk));
    const s = sender(desk, m.clock);

    expect(await s.drain()).toMatchObject({ sent: 0, failed: 0, stoppedBy: 'auth' });
    let rows = await outboxRows(desk);
    expect(rows.map((x) => x.state)).toEqual(['queued', 'queued']);
    expect(readMailFailure(rows[0]!.last_error)).toEqual({ code: 'SMTP_AUTH', response: '535 5.7.8 Authentication credentials invalid' });
    expect(s.status()).toMatchObject({ connection: 'auth_failed', lastError: readMailFailure(rows[0]!.last_error) });

    // The sender does not keep knocking with the wrong password, even when kicked.
    m.clock.advance(120 * MIN);
    expect(await s.drain(true)).toMatchObject({ stoppedBy: 'auth' });
    rows = await outboxRows(desk);
    expect(rows[0]!.attempts).toBe(1);

    // Corrected settings: everything goes.
    m.clock.advance(1_000);
    await writeMailSettings(desk.store.db, { host: '127.0.0.1', port: smtp.port, tls: 'none', user: 'desk', password: 'right password' }, 'sato', m.clock.now());
    s.settingsChanged();
    expect(await s.drain()).toMatchObject({ sent: 2 });
    expect(smtp.received).toHaveLength(2);
  });
});

describe('classifying what went wrong', () => {
  const server = { host: 'smtp.example.jp', port: 587 };
  it('names each kind in plain words', () => {
    expect(classifySmtpError({ code: 'EDNS', command: 'CONN', originalCode: 'ENOTFOUND' }, server)).toMatchObject({ kind: 'offline', failure: { code: 'SMTP_UNREACHABLE', server: 'smtp.example.jp:587', cause: 'not_found' } });
    expect(classifySmtpError({ code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'CONNECT_TIMEOUT' }, server)).toMatchObject({ kind: 'offline' });
    expect(classifySmtpError({ code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'GREETING_TIMEOUT' }, server)).toMatchObject({ kind: 'temporary', stopsQueue: true });
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 421, response: '421 closing' }, server)).toMatchObject({ kind: 'temporary', stopsQueue: true });
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 450, response: '450 mailbox busy' }, server)).toMatchObject({ kind: 'temporary', stopsQueue: false });
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 no such user\r\nBcc: x' }, server)).toMatchObject({ kind: 'permanent', failure: { code: 'SMTP_REJECTED', response: '550 5.1.1 no such user Bcc: x', responseCode: 550 } });
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535, response: '535 nope', command: 'AUTH PLAIN' }, server)).toMatchObject({ kind: 'auth' });
    expect(classifySmtpError(new Error('weird'), server)).toMatchObject({ kind: 'permanent' });
  });
});
