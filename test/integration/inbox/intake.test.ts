// Mail into the desk through the contract (the Inbox drop), as staff would see it: the Inbox, a case made
// from a mail, replies that find their case, automatic replies, bounces, duplicates, bad mail.
import { afterEach, describe, expect, it } from 'vitest';
import type { MailImportResult } from '../../../electron/contract/index.ts';
import { newDesk, tempDir, value } from '../../support/desk.ts';
import { Clock, intake } from '../../support/mail-desk.ts';
import { dumpTables, unlockDirect } from '../../support/tables.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import { bounceMail, corpus, largeMail, malformed, plainMail, word } from '../../support/mail-corpus.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function desk() {
  const dir = tempDir('pd-inbox-');
  const clock = new Clock(Date.parse('2026-11-24T03:00:00Z'));
  const { rt } = await newDesk(dir.path, { now: clock.now });
  cleanups.push(() => dir.remove(), () => rt.close());
  return { rt, clock, dir };
}

async function drop(rt: DeskRuntime, ...files: Array<[string, Buffer]>): Promise<MailImportResult[]> {
  return value(await rt.call('inbox.importFiles', { files: files.map(([name, raw]) => ({ name, base64: raw.toString('base64') })) }));
}

const subject = (s: string) => word(s, 'UTF-8');

describe('the Inbox', () => {
  it('shows a request mail; a case made from it takes its arrival from the Received header and keeps the mail as its first correspondence', async () => {
    const { rt, dir } = await desk();
    const [r] = await drop(rt, ['request.eml', corpus()[0]!.raw]);
    expect(r).toMatchObject({ status: 'inbox', subject: '【開示請求】登録情報について', from: 'yamada@example.com', arrivedAt: '2026-11-24T00:15:02.000Z', reference: null });

    const page = value(await rt.call('inbox.list', {}));
    expect(page.rows.map((x) => x.subject)).toEqual(['【開示請求】登録情報について']);
    expect(page.counts).toEqual({ inbox: 1, attached: 0, dismissed: 0 });
    const mail = value(await rt.call('inbox.get', { id: page.rows[0]!.id }));
    expect(mail.prefill).toMatchObject({ memberName: '山田 太郎', memberEmail: 'yamada@example.com', arrivedAt: '2026-11-24T00:15:02.000Z', channel: 'email' });
    expect(mail.text).toContain('登録情報の開示を請求します。');

    const created = value(
      await rt.call('inbox.createCase', { id: mail.id, intake: { ...intake(0), memberName: mail.prefill.memberName, memberEmail: mail.prefill.memberEmail, requestText: mail.prefill.requestText, arrivedAt: mail.prefill.arrivedAt } }),
    );
    const file = value(await rt.call('cases.get', { id: created.id }));
    expect(file.deadline.arrivedAt).toBe('2026-11-24T00:15:02.000Z');
    expect(file.deadline.dayZero).toBe('2026-11-24'); // 09:15 JST on a Tuesday, inside business hours
    expect(value(await rt.call('inbox.list', {})).rows).toEqual([]);

    const thread = value(await rt.call('inbox.thread', { caseId: created.id }));
    expect(thread.entries.map((e) => e.kind)).toEqual(['incoming', 'outgoing']); // the mail, then the acknowledgement draft
    expect(thread.entries[0]).toMatchObject({ kind: 'incoming', inbox: { attachedBy: 'created', reference: created.reference } });

    // Every view of a mail is in the audit log, never its text.
    const tables = await dumpTables(dir.path);
    const audit = (tables.audit_log as string[]).map((row) => JSON.parse(row) as { action: string; detail: string });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['inbox.view', 'inbox.import', 'case.thread.view', 'case.mail_received']));
    expect(audit.map((a) => a.detail).join('\n')).not.toContain('登録情報の開示');
  });

  it('attaches a reply by the reference in its subject or by In-Reply-To, offers resume on a paused case, flags a reply to a closed case', async () => {
    const { rt, clock } = await desk();
    const a = value(await rt.call('cases.create', intake(1)));
    const b = value(await rt.call('cases.create', intake(2)));
    value(await rt.call('cases.startReview', { id: a.id }));
    value(await rt.call('cases.pause', { id: a.id, reasonKind: 'identity_documents', reason: '本人確認書類をお送りください' }));
    clock.advance(5 * 60_000);

    const fullWidth = a.reference.replace(/[0-9A-Z-]/g, (ch) => String.fromCharCode(ch === '-' ? 0xff0d : ch.charCodeAt(0) + 0xfee0));
    const [byRef] = await drop(rt, ['reply.eml', plainMail({ subject: subject(`RE: Re: 【${fullWidth}】書類のお願い`), received: ['by imap; Tue, 24 Nov 2026 12:04:00 +0900'], body: '書類を郵送しました。' })]);
    expect(byRef).toMatchObject({ status: 'attached', reference: a.reference });
    const thread = value(await rt.call('inbox.thread', { caseId: a.id }));
    expect(thread.resumeOffer).toMatchObject({ arrivedAt: '2026-11-24T03:04:00.000Z' });

    const drafts = value(await rt.call('outbox.list', { caseId: b.id }));
    const ack = value(await rt.call('outbox.get', { id: drafts.rows[0]!.id }));
    const [byId] = await drop(rt, ['reply2.eml', plainMail({ subject: 'Re: your mail', extra: [`In-Reply-To: ${ack.messageId.toUpperCase().replace('<', '< ').replace(' ', '')}`] })]);
    expect(byId).toMatchObject({ status: 'attached', reference: b.reference });
    expect(value(await rt.call('inbox.thread', { caseId: b.id })).entries.find((e) => e.kind === 'incoming')).toMatchObject({ inbox: { attachedBy: 'message_id' } });

    value(await rt.call('cases.withdraw', { id: b.id, reason: '取下げ', written: true }));
    value(await rt.call('cases.recordNotice', { id: b.id, kind: 'withdrawal', channel: 'letter' }));
    value(await rt.call('cases.close', { id: b.id }));
    const [late] = await drop(rt, ['late.eml', plainMail({ subject: subject(`Re: 【${b.reference}】`) })]);
    expect(late!.status).toBe('attached');
    const lateRow = value(await rt.call('inbox.thread', { caseId: b.id })).entries.find((e) => e.kind === 'incoming' && e.inbox.subject.includes(b.reference));
    expect(lateRow).toMatchObject({ inbox: { afterClose: true } });

    // A reference that names no case: the mail waits in the Inbox for a person.
    const [unknown] = await drop(rt, ['unknown.eml', plainMail({ subject: subject('Re: 【PD-2026-09999】') })]);
    expect(unknown!.status).toBe('inbox');
  });

  it('never makes a case of an automatic reply: attached to its case marked automatic, or set aside', async () => {
    const { rt } = await desk();
    const a = value(await rt.call('cases.create', intake(1)));
    const [onCase, stray] = await drop(
      rt,
      ['auto1.eml', plainMail({ subject: subject(`自動返信: 【${a.reference}】受付のお知らせ`) })],
      ['auto2.eml', plainMail({ subject: subject('不在のお知らせ'), extra: ['Auto-Submitted: auto-replied'] })],
    );
    expect(onCase).toMatchObject({ status: 'attached', reference: a.reference });
    expect(stray!.status).toBe('ignored');
    const thread = value(await rt.call('inbox.thread', { caseId: a.id }));
    expect(thread.entries.find((e) => e.kind === 'incoming')).toMatchObject({ inbox: { kind: 'auto_reply' } });
    expect(value(await rt.call('inbox.list', {})).rows).toEqual([]);
    expect(value(await rt.call('inbox.list', { status: 'dismissed' })).rows.map((r) => r.kind)).toEqual(['auto_reply']);
  });

  it('marks the desk’s notice bounced from a delivery report, with the server’s words, on the case, the thread and the Outbox', async () => {
    const { rt, dir } = await desk();
    const a = value(await rt.call('cases.create', { ...intake(1), memberAddress: '東京都新宿区西新宿1-1-1', memberPostalCode: '160-0023' }));
    const drafts = value(await rt.call('outbox.list', { caseId: a.id }));
    const ack = value(await rt.call('outbox.get', { id: drafts.rows[0]!.id }));
    // The acknowledgement went out (recorded as sent, as the sender does), then the report came back.
    value(await rt.call('outbox.send', { id: ack.id }));
    const direct = await unlockDirect(dir.path);
    await direct.store.db.updateTable('outbox').set({ state: 'sent', sent_at: new Date().toISOString(), claimed_by: null }).where('id', '=', ack.id).execute();
    await lockDesk(direct);
    const dsn = bounceMail(ack.messageId, 'member1@example.com');
    const [r] = await drop(rt, ['dsn.eml', dsn]);
    expect(r).toMatchObject({ status: 'bounce', reference: a.reference });
    const thread = value(await rt.call('inbox.thread', { caseId: a.id }));
    expect(thread.entries.find((e) => e.kind === 'outgoing')).toMatchObject({ bounced: { status: '5.1.1', diagnostic: expect.stringContaining('User unknown') } });
    const file = value(await rt.call('cases.get', { id: a.id }));
    expect(file.timeline.find((e) => e.kind === 'mail_bounced')?.data).toMatchObject({ noticeKind: 'acknowledgement', status: '5.1.1', byLetter: true });
    // The same report again is a duplicate, not a second bounce.
    // In the Outbox: not delivered, with the server's words; staff can retry or cancel it.
    expect(value(await rt.call('outbox.get', { id: ack.id }))).toMatchObject({ state: 'bounced', lastError: { code: 'MAIL_BOUNCED', status: '5.1.1', diagnostic: expect.stringContaining('User unknown') } });
    expect((await drop(rt, ['dsn.eml', dsn]))[0]!.status).toBe('duplicate');
    expect(value(await rt.call('cases.get', { id: a.id })).timeline.filter((e) => e.kind === 'mail_bounced')).toHaveLength(1);
  });

  it('stores the same mail once (same bytes, or same Message-ID by another route) and lets staff set mail aside', async () => {
    const { rt } = await desk();
    const raw = plainMail({ messageId: '<Same@Example.COM>', subject: 'question' });
    const rerouted = plainMail({ messageId: '<same@example.com>', subject: 'question', received: ['by other-mx; Tue, 24 Nov 2026 09:20:00 +0900'] });
    const results = await drop(rt, ['a.eml', raw], ['a-again.eml', raw], ['b.eml', rerouted]);
    expect(results.map((x) => x.status)).toEqual(['inbox', 'duplicate', 'duplicate']);
    const page = value(await rt.call('inbox.list', {}));
    expect(page.total).toBe(1);
    const dismissed = value(await rt.call('inbox.dismiss', { id: page.rows[0]!.id, reason: 'other' }));
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissReason: 'other' });
    expect(value(await rt.call('inbox.list', {})).total).toBe(0);
  });

  it('keeps mail it cannot read, a 60 MB mail without its attachment, a zip unopened, and reports each file', async () => {
    const { rt } = await desk();
    const bad = malformed();
    const results = await drop(rt, ...bad.map((b): [string, Buffer] => [`${b.name}.eml`, b.raw]), ['empty.eml', Buffer.alloc(0)]);
    expect(results.map((x) => [x.status, x.unreadable, x.reason])).toEqual([
      ['inbox', true, null],
      ['inbox', true, null],
      ['inbox', true, null],
      ['error', false, 'file_empty'],
    ]);
    const page = value(await rt.call('inbox.list', {}));
    expect(page.rows.every((r) => r.unreadable)).toBe(true);

    const big = largeMail(45 * 1024 * 1024); // 45 MB of attachment: a 60 MB mail once base64-encoded
    expect(big.length).toBeGreaterThan(60 * 1024 * 1024);
    const [stored] = await drop(rt, ['big.eml', big]);
    expect(stored).toMatchObject({ status: 'inbox', oversize: true, attachments: ['big.bin'] });
    const bigRow = value(await rt.call('inbox.list', {})).rows.find((r) => r.oversize)!;
    const bigMail = value(await rt.call('inbox.get', { id: bigRow.id }));
    expect(bigMail.text).toContain('大きな添付ファイルがあります。');
    expect(bigMail.attachments).toEqual([]);
    expect(bigMail.size).toBe(big.length);
  }, 120_000);
});
