// The outbox through the contract, with the runtime's own sender running (started at login, stopped at
// lock): decide a case → its decision draft appears → an agent edits it → it can be sent only once a
// supervisor approved → the server receives exactly the edited message → the case shows the notice and
// closes. Then bad input: recipients, a broken template, a 10 MB body; nothing is lost from the outbox.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { Clock, FAST_TIMEOUTS, intake } from '../../support/mail-desk.ts';
import { freePort, parseMail, startSilentServer, startSmtp, type TestSmtp } from '../../support/smtp.ts';
import { dumpTables } from '../../support/tables.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';

let rt: DeskRuntime;
let dir: { path: string; remove(): void };
let smtp: TestSmtp;
let clock: Clock;

async function as(username: string, password: string) {
  value(await rt.call('auth.lock', {}));
  value(await rt.call('auth.login', { username, password }));
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const list = async (q: Record<string, unknown> = {}) => value(await rt.call('outbox.list', q));
const get = async (id: number) => value(await rt.call('outbox.get', { id }));

beforeEach(async () => {
  smtp = await startSmtp({ auth: (u, p) => u === 'desk' && p === 'smtp secret ﾊﾟｽ' });
  clock = new Clock();
  dir = tempDir('pd-mail-flow-');
  rt = (await newDesk(dir.path, { now: clock.now, mail: { timeouts: FAST_TIMEOUTS, stopGraceMs: 2_000 } })).rt;
  for (const [u, role] of [['suzuki', 'supervisor'], ['tanaka', 'agent']] as const) {
    const { oneTimePassword } = value(await rt.call('accounts.create', { username: u, displayName: u, role }));
    await as(u, oneTimePassword);
    value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: `${u} password 123` }));
    await as(SUPERVISOR.username, SUPERVISOR.password);
  }
});
afterEach(async () => {
  await rt.close();
  await smtp.close();
  dir.remove();
});

describe('a decision notice by email, end to end', () => {
  it('decide → draft → edit → approve → send → received → notified → closed', async () => {
    // The mail settings: the password goes in, and never comes out (not normalised either: ﾊﾟｽ stays half-width).
    const view = value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: 'desk', password: 'smtp secret ﾊﾟｽ' }));
    expect(view).toMatchObject({ host: '127.0.0.1', port: smtp.port, tls: 'none', user: 'desk', passwordSet: true, configured: true, from: 'info@career-model.com' });
    expect(JSON.stringify(value(await rt.call('mail.getSettings', {})))).not.toContain('secret');
    expect(JSON.stringify(value(await rt.call('settings.get', {})))).not.toContain('secret');

    await as('tanaka', 'tanaka password 123');
    expect(await rt.call('mail.getSettings', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { id } = value(await rt.call('cases.create', intake(1, { memberName: '山田 太郎' })));
    // Intake drafted the acknowledgement; it is not sent by itself.
    let page = await list({ caseId: id });
    expect(page.rows.map((r) => [r.noticeKind, r.state])).toEqual([['acknowledgement', 'draft']]);
    value(await rt.call('cases.startReview', { id }));
    value(await rt.call('cases.recordIdentityCheck', { id, verified: true, documents: [{ type: 'passport', issuedOn: '2024-01-10' }] }));
    value(await rt.call('cases.recordFee', { id, kind: 'payment', method: 'bank_transfer', amount: 1000, receivedOn: '2026-11-24' }));
    value(await rt.call('cases.decide', { id, outcome: 'disclosed_full' }));

    page = await list({ caseId: id, state: 'draft' });
    const draft = page.rows.find((r) => r.noticeKind === 'decision')!;
    expect(draft).toMatchObject({
      state: 'draft',
      to: 'member1@example.com',
      subject: '【PD-2026-00001】開示決定通知書 / Notice of Decision on Disclosure (PD-2026-00001)',
      sendBlockedReason: { code: 'NEEDS_APPROVAL' },
      allowedActions: ['update', 'cancel'],
    });
    expect(await rt.call('outbox.send', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { code: 'NEEDS_APPROVAL' } } });

    // The agent edits it: recipient typed full-width (normalised), subject, text.
    const edited = value(
      await rt.call('outbox.update', {
        id: draft.id,
        to: 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ',
        subject: `${draft.subject}（再送不要）`,
        body: `${(await get(draft.id)).body}\n追伸：お問い合わせは平日にお願いいたします。\n`,
      }),
    );
    expect(edited).toMatchObject({ to: 'taro@example.co.jp', subject: expect.stringMatching(/（再送不要）$/), state: 'draft' });
    expect(await rt.call('outbox.update', { id: draft.id, to: 'taro@@example' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'to' } });
    expect(await rt.call('outbox.update', { id: draft.id, subject: 'a\r\nBcc: evil@example.com' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'subject' } });

    await as('suzuki', 'suzuki password 123');
    value(await rt.call('cases.approve', { id }));
    expect((await get(draft.id)).allowedActions).toEqual(['update', 'send', 'cancel']);
    const sent = value(await rt.call('outbox.send', { id: draft.id }));
    expect(['queued', 'sending', 'sent']).toContain(sent.state);

    // The runtime's sender was woken by the send: wait for it.
    const done = await waitFor(() => get(draft.id), (m) => m.state === 'sent');
    expect(done).toMatchObject({ state: 'sent', attempts: 1, possiblyDuplicated: false, sentAt: '2026-11-24T01:00:00.000Z' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['taro@example.co.jp']);
    const mail = await parseMail(smtp.received[0]!.raw);
    expect(mail.subject).toBe(edited.subject);
    expect(mail.text).toContain('追伸：お問い合わせは平日にお願いいたします。');
    expect(mail.messageId).toBe(edited.messageId);

    let file = value(await rt.call('cases.get', { id }));
    expect(file.case.status).toBe('notified');
    // The notice is the message that went: its address and Message-ID, no sentence in its note (issue 12).
    expect(file.notices).toEqual([expect.objectContaining({ kind: 'decision', channel: 'mail', note: '', mail: { to: 'taro@example.co.jp', messageId: edited.messageId, resent: false }, recordedBy: 'suzuki' })]);
    // The acknowledgement nobody sent is owed and can no longer go out (it would arrive after the answer):
    // the case file says so, and closing asks before dropping it.
    expect(file.owedNotices.find((o) => o.kind === 'acknowledgement')).toMatchObject({ state: 'draft', next: 'cancel_superseded' });
    expect(await rt.call('cases.close', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { code: 'OWED_NOTICES_UNSENT', kinds: ['acknowledgement'] } } });
    expect(value(await rt.call('cases.get', { id })).case.status).toBe('notified');
    file = value(await rt.call('cases.close', { id, dropUnsent: true }));
    expect(file.case.status).toBe('closed');
    // The person's decision is recorded; the outbox says who dropped it and why (a code, not a sentence).
    expect(file.timeline.find((e) => e.kind === 'notices_dropped')).toMatchObject({ actor: 'suzuki', data: { kinds: ['acknowledgement'] } });
    const ack = (await list({ caseId: id })).rows.find((r) => r.noticeKind === 'acknowledgement')!;
    expect(ack).toMatchObject({ state: 'cancelled', cancelReason: { code: 'DRAFT_CANCELLED', reason: 'case_closed', by: 'suzuki' } });

    const status = value(await rt.call('mail.status', {}));
    expect(status).toMatchObject({ connection: 'online', counts: { sent: 1, cancelled: 1, draft: 0, queued: 0, sending: 0, failed: 0 } });
  });

  it('queued while the server is down; lock and log in again once it is up: it goes, nothing lost', async () => {
    const port = await freePort();
    value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port, tls: 'none', user: '' }));
    const { id } = value(await rt.call('cases.create', intake(1)));
    const draft = (await list({ caseId: id })).rows[0]!;
    value(await rt.call('outbox.send', { id: draft.id }));
    const waiting = await waitFor(() => get(draft.id), (m) => m.attempts > 0 && m.state === 'queued');
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: '2026-11-24T01:01:00.000Z', lastError: { code: 'SMTP_UNREACHABLE', server: expect.stringMatching(/^127\.0\.0\.1:\d+$/), cause: 'refused' } });
    expect(value(await rt.call('mail.status', {}))).toMatchObject({ connection: 'offline', counts: { queued: 1 }, oldestQueuedAt: '2026-11-24T01:00:00.000Z' });

    value(await rt.call('auth.lock', {}));
    const up = await startSmtp({ port });
    try {
      value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
      const done = await waitFor(() => get(draft.id), (m) => m.state === 'sent');
      expect(done.state).toBe('sent');
      expect(up.received).toHaveLength(1);
    } finally {
      await up.close();
    }
  });

  it('locking never waits long on a hanging server; the half-sent message is taken back at the next login', async () => {
    await rt.close();
    rt = await (await import('../../support/desk.ts')).openRuntime(dir.path, { now: clock.now, mail: { timeouts: { connectionMs: 2_000, greetingMs: 3_000, socketMs: 3_000 }, stopGraceMs: 200 } });
    value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
    const silent = await startSilentServer();
    value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: silent.port, tls: 'none', user: '' }));
    const { id } = value(await rt.call('cases.create', intake(1)));
    const draft = (await list({ caseId: id })).rows[0]!;
    value(await rt.call('outbox.send', { id: draft.id }));
    expect((await waitFor(() => get(draft.id), (m) => m.state === 'sending')).state).toBe('sending');

    const t = Date.now();
    value(await rt.call('auth.lock', {}));
    expect(Date.now() - t).toBeLessThan(1_500);

    // The server comes back (a real one, on the same port); the next login takes the message back and sends it.
    const port = silent.port;
    await silent.close();
    const up = await startSmtp({ port });
    try {
      value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
      const done = await waitFor(() => get(draft.id), (m) => m.state === 'sent');
      expect(done).toMatchObject({ state: 'sent', possiblyDuplicated: true });
      expect(up.received).toHaveLength(1);
      expect((await parseMail(up.received[0]!.raw)).messageId).toBe(done.messageId);
      const file = value(await rt.call('cases.get', { id }));
      expect(file.timeline.map((e) => e.kind)).toContain('mail_possibly_duplicated');
    } finally {
      await up.close();
    }
  });

  it('a test email through the settings; a refused login in plain words', async () => {
    value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: 'desk', password: 'wrong' }));
    expect(value(await rt.call('mail.sendTest', { to: 'ｓａｔｏ＠ｅｘａｍｐｌｅ．ｊｐ' }))).toEqual({
      sent: false,
      failure: { code: 'SMTP_AUTH', response: '535 5.7.8 Authentication credentials invalid' },
      serverResponse: null,
    });
    // Keeping the stored password: omit it.
    value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: 'desk', password: 'smtp secret ﾊﾟｽ' }));
    value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: 'desk' }));
    const ok = value(await rt.call('mail.sendTest', { to: 'ｓａｔｏ＠ｅｘａｍｐｌｅ．ｊｐ' }));
    expect(ok).toMatchObject({ sent: true, failure: null, serverResponse: expect.stringMatching(/^250 /) });
    expect(smtp.received.at(-1)!.to).toEqual(['sato@example.jp']);
    expect((await parseMail(smtp.received.at(-1)!.raw)).subject).toBe('Privacy Desk テストメール / test email');
  });
});

describe('bad input, and nothing lost', () => {
  it('recipients, a broken template, a 10 MB body: refused with the field; the outbox is as it was', async () => {
    const { id } = value(await rt.call('cases.create', intake(1)));
    const draft = (await list({ caseId: id })).rows[0]!;
    const before = await dumpTables(dir.path);

    const tenMb = 'あ'.repeat(10 * 1024 * 1024);
    const big = await rt.call('outbox.update', { id: draft.id, body: tenMb });
    expect(big).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'body', message: 'body: An email body is at most 500,000 characters: shorten it, or send the notice as a printed letter.' } });
    for (const to of ['taro', 'taro@', '"taro yamada"@example.com', 'Taro <taro@example.com>', 'taro@example.com, evil@example.com', 'taro@example.com\r\nBcc: evil@example.com', 'taro..y@example.com', '']) {
      expect(await rt.call('outbox.update', { id: draft.id, to }), to).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'to' } });
    }
    expect(await rt.call('outbox.update', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await rt.call('outbox.update', { id: draft.id, body: ' \n ' })).toMatchObject({ ok: false, error: { field: 'body' } });
    expect(await rt.call('outbox.get', { id: 9999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(await rt.call('notices.saveTemplate', { kind: 'acknowledgement', ja: '{{recipientName}} 様 {{memberNmae}}', en: 'Dear {{recipientName}},' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'ja', reason: { code: 'TEMPLATE_UNKNOWN_VARIABLE', name: 'memberNmae', allowed: expect.arrayContaining(['reference', 'memberName']) } },
    });
    expect(await rt.call('notices.saveTemplate', { kind: 'acknowledgement', ja: '{{recipientName}} 様', en: 'Dear {{recipientName,' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'en', reason: { code: 'TEMPLATE_BRACES', problem: 'unclosed', line: 1 } },
    });
    expect(await rt.call('notices.saveTemplate', { kind: 'decision', outcome: null, ja: 'x', en: 'y' })).toMatchObject({ ok: false, error: { field: 'outcome' } });
    expect(await rt.call('notices.saveTemplate', { kind: 'acknowledgement', ja: '{{dueDate}}', en: '{{newDueDate}}' })).toMatchObject({ ok: false, error: { field: 'en', reason: { code: 'TEMPLATE_UNKNOWN_VARIABLE', name: 'newDueDate' } } });

    expect(await dumpTables(dir.path)).toEqual(before);
    const kept = await get(draft.id);
    expect(kept).toMatchObject({ state: 'draft', to: 'member1@example.com', subject: draft.subject });
  });

  it('a supervisor’s template is used for the next draft; values are never expanded twice', async () => {
    const saved = value(
      await rt.call('notices.saveTemplate', { kind: 'acknowledgement', ja: '{{recipientName}} 様\n\n受付番号 {{ reference }} で承りました。', en: 'Dear {{recipientName}},\n\nReceived as {{reference}}.' }),
    );
    expect(saved).toMatchObject({ key: 'acknowledgement', customised: true });
    const { id } = value(await rt.call('cases.create', intake(1, { memberName: '{{reference}} 太郎' })));
    const body = (await get((await list({ caseId: id })).rows[0]!.id)).body;
    expect(body).toContain('受付番号 PD-2026-00001 で承りました。');
    expect(body).toContain('Received as PD-2026-00001.');
    expect(body).toContain('{{reference}} 太郎 様');
    const templates = value(await rt.call('notices.templates', {}));
    expect(templates).toHaveLength(18);
    expect(templates.filter((t) => t.customised).map((t) => t.key)).toEqual(['acknowledgement']);
    // Saving the default text again removes the override.
    const ack = templates.find((t) => t.key === 'acknowledgement')!;
    value(await rt.call('notices.saveTemplate', { kind: 'acknowledgement', ja: ack.defaultJa, en: ack.defaultEn }));
    expect(value(await rt.call('settings.get', {})).noticeTemplates).toEqual({});
  });
});
