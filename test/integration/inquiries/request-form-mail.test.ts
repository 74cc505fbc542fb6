// The "how to make a request" answer by email carries the request form as a PDF (issue 19): a supervisor
// stores the PDF saved from the printable form; the reply's draft gets a copy of it; the sender hands the
// SMTP server a multipart message whose attachment is those very bytes. Without a stored PDF the answer
// offers to post the form. A file that is not a PDF is refused with its code, and nothing is stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { Clock, FAST_TIMEOUTS } from '../../support/mail-desk.ts';
import { parseMail, startSmtp, type TestSmtp } from '../../support/smtp.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';

let rt: DeskRuntime;
let dir: { path: string; remove(): void };
let smtp: TestSmtp;
let clock: Clock;

/** A tiny but well-formed one-page PDF (what matters here is that the same bytes arrive). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const question = {
  type: 'inquiry' as const,
  kinds: ['how_to_request'],
  channel: 'email' as const,
  arrivedAt: '2026-11-24T09:30:00+09:00',
  requesterKind: 'member' as const,
  memberName: '佐藤 美咲',
  memberEmail: 'misaki@example.jp',
  requestText: '自分のデータを見せてもらうにはどうすればいいですか？',
};

beforeEach(async () => {
  smtp = await startSmtp();
  clock = new Clock();
  dir = tempDir('pd-request-form-mail-');
  rt = (await newDesk(dir.path, { now: clock.now, mail: { timeouts: FAST_TIMEOUTS, stopGraceMs: 2_000 } })).rt;
  value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', password: '' }));
});
afterEach(async () => {
  await rt.close();
  await smtp.close();
  dir.remove();
});

describe('the request form with the "how to make a request" email', () => {
  it('without a stored PDF, offers to post the form; a file that is not a PDF is refused and nothing is stored', async () => {
    const { id } = value(await rt.call('cases.create', question));
    const filled = value(await rt.call('inquiries.fillReply', { id, template: 'how_to_request' }));
    expect(filled).toMatchObject({ channel: 'mail', withRequestForm: true, formAttached: false });
    expect(filled.ja).toContain('ご返信でご住所をお知らせください');

    const notPdf = await rt.call('inquiries.saveRequestFormPdf', { base64: Buffer.from('<html>開示等請求書</html>').toString('base64') });
    expect(notPdf).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'base64', reason: { code: 'REQUEST_FORM_NOT_PDF' } } });
    const cut = await rt.call('inquiries.saveRequestFormPdf', { base64: PDF.subarray(0, 40).toString('base64') });
    expect(cut).toMatchObject({ ok: false, error: { reason: { code: 'REQUEST_FORM_NOT_PDF' } } });
    expect(value(await rt.call('inquiries.requestFormPdf', {}))).toBeNull();
  });

  it('with a stored PDF: the reply says it is attached, its draft carries it, and the server receives those bytes', async () => {
    const info = value(await rt.call('inquiries.saveRequestFormPdf', { base64: PDF.toString('base64') }));
    expect(info).toMatchObject({ size: PDF.length, storedBy: SUPERVISOR.username });
    expect(value(await rt.call('inquiries.requestFormPdf', {}))).toEqual(info);

    const { id } = value(await rt.call('cases.create', question));
    const filled = value(await rt.call('inquiries.fillReply', { id, template: 'how_to_request' }));
    expect(filled).toMatchObject({ formAttached: true });
    expect(filled.ja).toContain('添付いたしました');
    value(await rt.call('cases.answer', { id, template: 'how_to_request', ja: filled.ja, en: filled.en }));

    const drafts = value(await rt.call('outbox.list', { caseId: id }));
    expect(drafts.rows.map((r) => [r.noticeKind, r.state])).toEqual([['reply', 'draft']]);
    const draft = value(await rt.call('outbox.get', { id: drafts.rows[0]!.id }));
    expect(draft.attachments).toEqual([{ filename: info.filename, contentType: 'application/pdf', size: PDF.length }]);

    // A PDF stored later does not change what this message was reviewed with.
    value(await rt.call('inquiries.saveRequestFormPdf', { base64: Buffer.concat([PDF, Buffer.from('% padding\n%%EOF\n')]).toString('base64') }));
    value(await rt.call('outbox.send', { id: draft.id }));
    const done = await waitFor(() => rt.call('outbox.get', { id: draft.id }).then(value), (m) => m.state === 'sent');
    expect(done.state).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.raw.toString('latin1')).toMatch(/^Content-Type: multipart\/mixed/im);
    const mail = await parseMail(smtp.received[0]!.raw);
    expect(mail.text).toContain('添付いたしました');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ contentType: 'application/pdf', filename: info.filename });
    expect(Buffer.compare(mail.attachments[0]!.content, PDF)).toBe(0);
    expect(value(await rt.call('cases.get', { id })).case.status).toBe('notified');
  });

  it('any other answer still goes as one text part', async () => {
    value(await rt.call('inquiries.saveRequestFormPdf', { base64: PDF.toString('base64') }));
    const { id } = value(await rt.call('cases.create', { ...question, kinds: ['purpose_of_use'] }));
    const filled = value(await rt.call('inquiries.fillReply', { id, template: 'purpose_of_use' }));
    value(await rt.call('cases.answer', { id, template: 'purpose_of_use', ja: filled.ja, en: filled.en }));
    const draft = value(await rt.call('outbox.list', { caseId: id })).rows[0]!;
    expect(value(await rt.call('outbox.get', { id: draft.id })).attachments).toEqual([]);
    value(await rt.call('outbox.send', { id: draft.id }));
    await waitFor(() => rt.call('outbox.get', { id: draft.id }).then(value), (m) => m.state === 'sent');
    expect(smtp.received[0]!.raw.toString('latin1')).not.toMatch(/multipart/i);
  });
});
