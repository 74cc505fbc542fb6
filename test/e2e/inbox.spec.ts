// Mail intake end to end, with a real IMAP server (Dovecot, started here on 127.0.0.1) and a real SMTP
// server (smtp-server): a request mail lands in the Inbox → a case is created from it (arrival from the
// Received header) → the acknowledgement is sent → the member's reply (Re: 【reference】) attaches itself
// → "resume" is offered and taken (by a person on the English screen; a colleague on the Japanese one reads
// why in Japanese) → a decision → the case's thread shows all of it, in time order.
import { startDovecot, type Dovecot } from '../support/dovecot.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { encodeJa, word } from '../support/mail-corpus.ts';
import { formatDateTime } from '../../renderer/src/i18n/format.ts';
import { expect, test } from './fixtures.ts';
import { call } from './pages/api.ts';
import { say, type Lang } from './pages/BasePage.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { setUpDesk } from './pages/flows.ts';
import { InboxPage } from './pages/InboxPage.ts';
import { IntakePage } from './pages/IntakePage.ts';
import { QueuePage } from './pages/QueuePage.ts';
import { ShellPage } from './pages/ShellPage.ts';

let dovecot: Dovecot;
let smtp: TestSmtp;
test.beforeAll(async () => {
  dovecot = await startDovecot();
});
test.afterAll(async () => {
  await dovecot?.close();
});
test.beforeEach(async () => {
  smtp = await startSmtp();
});
test.afterEach(async () => {
  await smtp.close();
});

/** RFC 2822 date in Japan time, as the desk's mail server writes it in its Received header. */
function rfc2822Jst(at: Date): string {
  const j = new Date(at.getTime() + 9 * 3_600_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[j.getUTCDay()]}, ${j.getUTCDate()} ${months[j.getUTCMonth()]} ${j.getUTCFullYear()} ${p(j.getUTCHours())}:${p(j.getUTCMinutes())}:${p(j.getUTCSeconds())} +0900`;
}

function mail(o: { subject: string; body: string; received: Date; date: Date; extra?: string[] }): Buffer {
  const head = [
    `Received: from mx.example.net by imap.juo.example with ESMTPS id 4Abc; ${rfc2822Jst(o.received)}`,
    `From: ${word('山田 花子', 'ISO-2022-JP', encodeJa('山田 花子', 'JIS'))} <hanako@example.jp>`,
    'To: privacy@juo.example',
    `Subject: ${word(o.subject, 'ISO-2022-JP', encodeJa(o.subject, 'JIS'))}`,
    `Date: ${rfc2822Jst(o.date)}`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@example.jp>`,
    ...(o.extra ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=ISO-2022-JP',
    'Content-Transfer-Encoding: 7bit',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), encodeJa(o.body.replace(/\n/g, '\r\n'), 'JIS'), Buffer.from('\r\n', 'latin1')]);
}

test('mail intake: Inbox → case from the mail → acknowledgement sent → reply attaches itself → resume → decision → one thread', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await call(page, 'mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', password: '' });
  await call(page, 'mailbox.updateSettings', { host: '127.0.0.1', port: dovecot.port, tls: 'none', user: dovecot.user, password: dovecot.password, folder: 'INBOX', afterFetch: 'seen', moveTo: 'Processed', maxMessageMb: 25 });

  // ── A request arrives: the desk's server received it two hours ago; the sender's clock said yesterday.
  const receivedAt = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 1000) * 1000);
  await dovecot.append(mail({ subject: '個人情報の開示請求', body: '登録されている私の情報を開示してください。\n会員番号 12345', received: receivedAt, date: new Date(receivedAt.getTime() - 86_400_000) }));

  const shell = new ShellPage(page);
  await shell.open('inbox');
  const inbox = new InboxPage(page);
  await inbox.waitFor('個人情報の開示請求');
  let dialog = await inbox.open('個人情報の開示請求');
  await expect(dialog.getByTestId('mail-text')).toContainText('登録されている私の情報を開示してください。');
  await dialog.getByRole('button', { name: inbox.t('inbox.action.createCase') }).click();

  // ── The intake form is prefilled from the mail; a person completes and saves it.
  const intake = new IntakePage(page);
  await intake.expectVisible();
  await expect(page.getByTestId('intake-from-mail')).toBeVisible();
  await expect(intake.field('intake.memberEmail')).toHaveValue('hanako@example.jp');
  await expect(intake.field('intake.memberName')).toHaveValue('山田 花子');
  await intake.fill({ memberKana: 'ヤマダ ハナコ', delivery: 'electronic' });
  await intake.submit();
  const caseFile = new CaseFilePage(page);
  await caseFile.expectOpen();
  const reference = await caseFile.reference();
  const id = Number(await page.getByTestId('case-file').getAttribute('data-case-id'));
  const file = await call(page, 'cases.get', { id });
  // Arrival is when the desk's server received the mail (to the minute the form holds), not the Date header.
  expect(Math.abs(Date.parse(file.deadline.arrivedAt) - receivedAt.getTime())).toBeLessThan(60_000);
  await expect(inbox.thread.getByTestId('thread-entry').filter({ hasText: '個人情報の開示請求' })).toBeVisible();

  // ── The acknowledgement goes out through the SMTP server.
  const drafts = await call(page, 'outbox.list', { caseId: id, state: 'draft' });
  await call(page, 'outbox.send', { id: drafts.rows[0]!.id });
  await expect.poll(() => smtp.received.length, { timeout: 60_000 }).toBe(1);
  const ackId = /^Message-ID:\s*(<[^>]+>)/im.exec(smtp.received[0]!.raw.toString('latin1'))![1]!;

  // ── The case waits for identity documents; the member replies to the acknowledgement.
  await call(page, 'cases.startReview', { id });
  await call(page, 'cases.pause', { id, reasonKind: 'identity_documents', reason: '本人確認書類をお送りください。' });
  // Received a moment after the pause (the header has whole seconds).
  const replyAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
  await dovecot.append(mail({ subject: `Re: 【${reference}】受付のお知らせ`, body: '本人確認書類を郵送しました。', received: replyAt, date: replyAt, extra: [`In-Reply-To: ${ackId}`] }));

  // ── The reply attaches itself: the case file offers "resume" with the reply's date.
  await expect.poll(async () => (await call(page, 'inbox.thread', { caseId: id })).resumeOffer?.arrivedAt ?? null, { timeout: 60_000 }).toBe(replyAt.toISOString());
  const reopen = async () => {
    await shell.open('queue');
    await new QueuePage(page).open(reference);
    await caseFile.expectOpen(reference);
  };
  await reopen();
  // The person who takes the offer works in English.
  await shell.switchLanguage('en');
  await page.getByTestId('resume-offer').getByRole('button', { name: say('en', 'thread.resume') }).click();
  await caseFile.expectStatus('in_review');
  const resumedOnReply = (lang: Lang) => say(lang, 'resumeReason.requester_reply', { date: formatDateTime(lang, replyAt.toISOString()) });
  const resumeLine = caseFile.section('timeline').locator('[data-kind="resume"]');
  const historyRow = caseFile.section('deadline-history').locator('tr[data-type="resume"]');
  await expect(resumeLine).toContainText(resumedOnReply('en'));
  await expect(historyRow).toContainText(resumedOnReply('en'));
  // A colleague on the Japanese screen reads why in Japanese: the desk kept the reply, not the English words.
  await shell.switchLanguage('ja');
  await expect(resumeLine).toContainText(resumedOnReply('ja'));
  await expect(historyRow).toContainText(resumedOnReply('ja'));
  await expect(resumeLine).not.toContainText(resumedOnReply('en'));
  await expect(historyRow).not.toContainText(resumedOnReply('en'));

  // ── A decision; the thread shows the request, the acknowledgement, the reply and the decision draft in order.
  // The reply's date is up to two seconds ahead (whole seconds, after the pause): decide once it has passed,
  // as a person would, or a fast run drafts the decision "before" the reply it answers.
  await expect.poll(() => Date.now(), { timeout: 10_000 }).toBeGreaterThan(replyAt.getTime());
  await call(page, 'cases.recordIdentityCheck', { id, verified: true, documents: [{ type: 'my_number_card' }] });
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  await call(page, 'cases.recordFee', { id, kind: 'payment', method: 'postal_money_order', amount: 1000, receivedOn: today });
  await call(page, 'cases.decide', { id, outcome: 'disclosed_full', reasoning: '' });
  await reopen();
  const entries = inbox.thread.getByTestId('thread-entry');
  // request (in), acknowledgement (out, sent), documents request (out, drafted with the pause), reply (in), decision (out)
  await expect(entries).toHaveCount(5);
  await expect.poll(async () => entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['incoming', 'outgoing', 'outgoing', 'incoming', 'outgoing']);
  await expect(entries.nth(0)).toContainText('個人情報の開示請求');
  await expect(entries.nth(3)).toContainText(`Re: 【${reference}】受付のお知らせ`);

  // Opening the reply from the thread shows its text; the Inbox has nothing left to handle.
  await entries.nth(3).getByRole('button', { name: inbox.t('thread.open') }).click();
  dialog = page.getByRole('dialog', { name: inbox.t('inbox.mail.title') });
  await expect(dialog.getByTestId('mail-text')).toContainText('本人確認書類を郵送しました。');
  await page.keyboard.press('Escape');
  await shell.open('inbox');
  await expect(page.getByTestId('inbox-empty')).toBeVisible();
});

test('mail intake: .eml files dropped on the Inbox are imported; unreadable mail is kept and says so', async ({ page, desk }) => {
  await setUpDesk(page, desk.url, 'en');
  const shell = new ShellPage(page, 'en');
  await shell.open('inbox');
  const inbox = new InboxPage(page, 'en');
  await expect(page.getByTestId('inbox-empty')).toBeVisible();
  const good = mail({ subject: '訂正の請求', body: '住所を訂正してください。', received: new Date(Date.now() - 3_600_000), date: new Date(Date.now() - 3_600_000) });
  const files = [
    { name: 'request.eml', bytes: [...good] },
    { name: 'garbage.eml', bytes: Array.from({ length: 2048 }, (_v, i) => (i * 7919 + 13) % 256) },
  ];
  // A drop as the browser delivers it (the e2e project has no DOM types: the page's own constructors).
  await page.getByTestId('inbox-screen').evaluate((el, list) => {
    type Ctor<T> = new (...args: unknown[]) => T;
    const w = globalThis as unknown as { DataTransfer: Ctor<{ items: { add(f: unknown): void } }>; File: Ctor<unknown>; DragEvent: Ctor<unknown> };
    const dt = new w.DataTransfer();
    for (const f of list) dt.items.add(new w.File([new Uint8Array(f.bytes)], f.name, { type: 'message/rfc822' }));
    (el as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new w.DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  const results = page.getByTestId('import-results');
  await expect(results).toContainText(`request.eml: ${inbox.t('inbox.result.inbox')}`);
  await expect(results).toContainText(`garbage.eml: ${inbox.t('inbox.result.inbox')} — ${inbox.t('inbox.unreadable')}`);
  await expect(inbox.row('訂正の請求')).toBeVisible();
  await expect(page.getByTestId('inbox-row')).toHaveCount(2);
  await expect(page.getByTestId('inbox-row').filter({ hasText: inbox.t('inbox.unreadable') })).toHaveCount(1);
});
