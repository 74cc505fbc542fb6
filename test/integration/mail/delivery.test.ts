// Delivery through a real SMTP server on loopback: the Japanese subject and body arrive intact (parsed
// back with mailparser), the envelope recipient is exactly the validated address, the Message-ID is the
// one fixed at drafting, and the notice is recorded on the case.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, parseMail, type TestSmtp } from '../../support/smtp.ts';
import { closeDirect, directDesk, intake, mailDesk, outboxRows, sender } from '../../support/mail-desk.ts';
import { value } from '../../support/desk.ts';
import { lockDesk, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { unlockDirect } from '../../support/tables.ts';

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
  smtp.received.length = 0;
});

describe('delivery', () => {
  it('Japanese subject and body arrive intact; the envelope recipient is exactly the validated address', async () => {
    // The address was typed full-width at intake: the desk stored (and sends to) its normalised form.
    const m = await mailDesk(0, false);
    cleanup.push(async () => m.dir.remove());
    const { id } = value(await m.rt.call('cases.create', intake(1, { memberName: '山田 太郎', memberEmail: 'ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', requestText: '登録情報の開示を求めます（1）。\u202e逆順\u202c' })));
    const draft = value(await m.rt.call('outbox.list', { state: 'draft' })).rows[0]!;
    expect(draft).toMatchObject({ caseId: id, noticeKind: 'acknowledgement', to: 'taro.yamada@example.co.jp', state: 'draft', allowedActions: ['update', 'send', 'cancel'] });
    value(await m.rt.call('outbox.send', { id: draft.id }));

    const desk: UnlockedDesk = await directDesk(m, smtp.port);
    cleanup.push(() => lockDesk(desk));
    const [row] = await outboxRows(desk);
    const report = await sender(desk, m.clock).drain();
    expect(report).toMatchObject({ sent: 1, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.to).toEqual(['taro.yamada@example.co.jp']);
    expect(got.from).toBe('info@career-model.com');
    const mail = await parseMail(got.raw);
    expect(mail.subject).toBe(row!.subject);
    expect(mail.subject).toMatch(/^【PD-2026-00001】受付のお知らせ \/ Acknowledgement of Receipt \(PD-2026-00001\)$/);
    expect(mail.text!.trimEnd()).toBe(row!.body_text.trimEnd());
    expect(mail.text).toContain('山田 太郎 様');
    expect(mail.text).toContain('令和8年11月24日');
    expect(mail.text).toContain('24 November 2026');
    expect(mail.text).toContain('登録情報の開示を求めます（1）。');
    expect(mail.messageId).toBe(row!.message_id);
    // The Message-ID is made under the desk's own email domain; the Date header is Japan time.
    expect(row!.message_id).toMatch(/^<[0-9a-f-]{36}@career-model\.com>$/);
    expect(got.raw.toString('latin1')).toMatch(/^Date: Tue, 24 Nov 2026 10:00:\d\d \+0900\r?$/m);
    // The same cleaning as a letter: a right-to-left override typed into the request does not reach the mail.
    expect(mail.text).toContain('逆順');
    expect(mail.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(mail.to).toMatchObject({ value: [{ address: 'taro.yamada@example.co.jp' }] });
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'text/plain', params: { charset: 'utf-8' } });

    const [after] = await outboxRows(desk);
    expect(after).toMatchObject({ state: 'sent', attempts: 1, claimed_by: null, possibly_duplicated: 0 });
    const notices = await desk.store.db.selectFrom('notices').selectAll().where('case_id', '=', id).execute();
    expect(notices).toMatchObject([{ kind: 'acknowledgement', channel: 'mail', recorded_by: 'sato' }]);
    // The notice points at the message it was (migration 0039): no sentence in its note.
    expect(notices[0]).toMatchObject({ note: '', outbox_id: row!.id });
    await closeDirect(desk);
    cleanup.pop();
  });

  it('two senders on one database (two connections) never send the same message twice', async () => {
    const m = await mailDesk(30, true);
    cleanup.push(async () => m.dir.remove());
    const a = await directDesk(m, smtp.port);
    cleanup.push(() => lockDesk(a));
    const b = await unlockDirect(m.dir.path);
    cleanup.push(() => lockDesk(b));
    const [ra, rb] = await Promise.all([sender(a, m.clock).drain(), sender(b, m.clock).drain()]);
    expect(ra.sent + rb.sent).toBe(30);
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    const ids = await Promise.all(smtp.received.map(async (r) => (await parseMail(r.raw)).messageId));
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    const rows = await outboxRows(a);
    expect(rows.every((r) => r.state === 'sent' && r.attempts === 1 && r.possibly_duplicated === 0)).toBe(true);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.message_id)));
    const notices = await a.store.db.selectFrom('notices').select('case_id').execute();
    expect(notices.map((n) => n.case_id).sort((x, y) => x - y)).toEqual(m.caseIds);
  });
});

describe('an email that lands after the case moved on', () => {
  it('is recorded without moving the case, and the timeline keeps why as a code, not an English sentence', async () => {
    const m = await mailDesk(1, true);
    cleanup.push(async () => m.dir.remove());
    const desk: UnlockedDesk = await directDesk(m, smtp.port);
    cleanup.push(() => lockDesk(desk));
    const caseId = m.caseIds[0]!;
    // Another PC closes the case while the server is taking the acknowledgement.
    const closeMeanwhile = async () => {
      await desk.store.db.updateTable('cases').set({ status: 'closed' }).where('id', '=', caseId).execute();
    };
    expect(await sender(desk, m.clock, { afterAccepted: closeMeanwhile }).drain()).toMatchObject({ sent: 1 });
    const event = await desk.store.db.selectFrom('case_events').select(['kind', 'data']).where('case_id', '=', caseId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event.kind).toBe('notice');
    expect(JSON.parse(event.data)).toMatchObject({ kind: 'acknowledgement', channel: 'mail', statusUnchanged: { code: 'WRONG_STATUS', status: 'closed', action: 'recordNotice' } });
    expect((await desk.store.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status).toBe('closed');
  });
});
