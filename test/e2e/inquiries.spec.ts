// Inquiries (issue 19) end to end, in browser mode with a real SMTP server on loopback:
//  1. a question mail in the Inbox → taken in as an inquiry → answered with the purpose-of-use template →
//     the Outbox shows one reply → sent → closed;
//  2. "how do I ask for my data?" → answered with the how-to-request template (the request form goes with
//     it) → the member's request arrives by post → taken in from the inquiry's file as a disclosure
//     request linked to the inquiry, the link shown on both files.
import { parseMail, startSmtp, type TestSmtp } from '../support/smtp.ts';
import { expect, test } from './fixtures.ts';
import { call, createCase } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { setUpDesk } from './pages/flows.ts';
import { InboxPage } from './pages/InboxPage.ts';
import { IntakePage } from './pages/IntakePage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import type { Page } from '@playwright/test';

// The letter frame allows no script; Playwright's trace recorder would try to inject one (see letters.spec.ts).
test.use({ trace: 'off' });

let smtp: TestSmtp;
test.beforeEach(async () => {
  smtp = await startSmtp();
});
test.afterEach(async () => {
  await smtp.close();
});

/** A plain UTF-8 mail as the member's client sends it (base64 subject, 8bit body), received an hour ago. */
function questionMail(subject: string, body: string): string {
  const at = new Date(Date.now() - 3_600_000).toUTCString().replace('GMT', '+0000');
  const raw = [
    `Received: from mx.example.net by imap.juo.example; ${at}`,
    `From: =?UTF-8?B?${Buffer.from('佐藤 美咲').toString('base64')}?= <misaki@example.jp>`,
    'To: privacy@juo.example',
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Date: ${at}`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@example.jp>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ].join('\r\n');
  return Buffer.from(raw, 'utf8').toString('base64');
}

/** The mail lands in the Inbox; a person opens it and takes it in as an inquiry about `kind`. */
async function takeInAsInquiry(page: Page, subject: string, body: string, kind: string): Promise<{ id: number; reference: string }> {
  await call(page, 'inbox.importFiles', { files: [{ name: 'question.eml', base64: questionMail(subject, body) }] });
  const shell = new ShellPage(page);
  await shell.open('inbox');
  const inbox = new InboxPage(page);
  await inbox.waitFor(subject);
  const dialog = await inbox.open(subject);
  await expect(dialog.getByTestId('mail-text')).toContainText(body);
  // A question is no way out of the Inbox any more: it is taken in and answered.
  await expect(dialog.getByTestId('inbox-actions').getByRole('button')).toHaveText([
    inbox.t('inbox.action.dismiss'),
    inbox.t('inbox.action.attach'),
    inbox.t('inbox.action.createComplaint'),
    inbox.t('inbox.action.createInquiry'),
    inbox.t('inbox.action.createCase'),
  ]);
  await dialog.getByRole('button', { name: inbox.t('inbox.action.createInquiry'), exact: true }).click();

  const intake = new IntakePage(page);
  await intake.expectVisible();
  await expect(intake.radio('type.inquiry.long')).toBeChecked();
  await expect(intake.field('intake.memberEmail')).toHaveValue('misaki@example.jp');
  await page.getByRole('checkbox', { name: intake.t(`kind.inquiry.${kind}` as 'kind.inquiry.other'), exact: true }).check();
  await intake.submit();
  const file = new CaseFilePage(page);
  await file.expectOpen();
  await expect(page).toHaveURL(/\/cases\/PD-\d{4}-\d{5}$/);
  // A reply target, never a legal deadline: its own label, no Art. 39 mark.
  await expect(file.root.getByTestId('case-type')).toHaveAttribute('data-type', 'inquiry');
  await expect(file.deadline.getByTestId('reply-target')).toHaveText(file.t('target.badge'));
  await expect(file.deadline.getByTestId('no-legal-mark')).toHaveText(file.t('target.legalNone'));
  await expect(file.deadline.getByTestId('legal-mark')).toHaveCount(0);
  const id = Number(await file.root.getAttribute('data-case-id'));
  return { id, reference: await file.reference() };
}

/** Answers the open inquiry with the template its kind suggests; returns the reply's text as written. */
async function answer(page: Page, template: string): Promise<string> {
  const file = new CaseFilePage(page);
  await file.actionButton('answer').click();
  const dialog = file.dialog('answer');
  await expect(dialog.getByRole('combobox', { name: file.t('inquiry.template'), exact: true })).toHaveValue(file.t(`replyTemplate.${template}` as 'replyTemplate.blank'));
  const ja = dialog.getByTestId('reply-ja');
  await expect(ja).not.toHaveValue('');
  const text = await ja.inputValue();
  await dialog.getByRole('button', { name: file.t('action.answer'), exact: true }).click();
  await expect(dialog).toBeHidden();
  return text;
}

/** Sends the case's one reply from the Outbox and waits for the SMTP server to have it. */
async function sendReply(page: Page, reference: string, sentBefore: number, attachment?: string): Promise<void> {
  const shell = new ShellPage(page);
  await shell.open('outbox');
  const outbox = new OutboxPage(page);
  await outbox.expectVisible();
  await expect(outbox.table.locator(`tbody tr[data-reference="${reference}"]`)).toHaveCount(1);
  const message = await outbox.open(reference, 'reply');
  if (attachment) await expect(message.getByTestId('message-attachment')).toContainText(attachment);
  await outbox.action(message, 'outbox.action.send').click();
  await expect(message).toBeHidden();
  await expect.poll(() => smtp.received.length, { timeout: 30_000 }).toBe(sentBefore + 1);
}

test('a question mail → inquiry → answered from the purpose-of-use template → one reply in the Outbox → sent → closed', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await call(page, 'mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', password: '' });
  const c = await takeInAsInquiry(page, '国籍の利用目的について', '会員登録で国籍を聞かれましたが、何に使うのですか？', 'purpose_of_use');

  const text = await answer(page, 'purpose_of_use');
  // The template quotes the policy's list of purposes (Article 3).
  expect(text).toContain(c.reference);
  await sendReply(page, c.reference, 0);
  expect(smtp.received[0]!.to).toEqual(['misaki@example.jp']);
  await expect.poll(async () => (await call(page, 'cases.get', { id: c.id })).case.status, { timeout: 30_000 }).toBe('notified');

  await page.goto(`${new URL(desk.url).origin}/#/cases/${c.reference}`);
  const file = new CaseFilePage(page);
  await file.expectOpen(c.reference);
  await expect(page.getByTestId('reply-text')).toContainText(text.split('\n')[0]!);
  await file.confirm('close');
  await file.expectStatus('closed');
  // The Outbox still holds exactly one message for the case: the reply, sent.
  const all = await call(page, 'outbox.list', { caseId: c.id });
  expect(all.rows.map((r) => [r.noticeKind, r.state])).toEqual([['reply', 'sent']]);
});

test('"how do I ask for my data?" → answered with the request form → the request by post → a disclosure case linked to the inquiry', async ({ page, desk, browser }) => {
  await setUpDesk(page, desk.url);
  await call(page, 'mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', password: '' });
  // A supervisor stores the request form as a PDF: the printable form from the Letters screen, saved as a
  // PDF (here by Chromium's own page.pdf, as the browser's print dialog would), chosen in Settings.
  const form = await call(page, 'inquiries.requestForm', {});
  // (In a context of its own: a second page in the desk's context makes the desk's page refetch on focus.)
  const printing = await browser.newContext();
  const printer = await printing.newPage();
  await printer.setContent(form.html);
  const pdf = await printer.pdf({ format: 'A4', printBackground: true });
  await printing.close();
  const shell = new ShellPage(page);
  await shell.open('settings');
  await page.getByRole('tab', { name: shell.t('settings.tab.replies') }).click();
  const panel = page.getByTestId('request-form-pdf');
  await expect(panel.getByTestId('request-form-pdf-state')).toHaveAttribute('data-stored', 'false');
  await panel.locator('input[type="file"]').setInputFiles({ name: 'request-form.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(panel.getByTestId('request-form-pdf-state')).toHaveAttribute('data-stored', 'true');

  const inquiry = await takeInAsInquiry(page, '自分のデータの請求方法', '自分のデータを見せてもらうにはどうすればいいですか？', 'how_to_request');
  const caseFile = new CaseFilePage(page);
  await caseFile.actionButton('answer').click();
  await expect(caseFile.dialog('answer').getByTestId('request-form-attached')).toHaveAttribute('data-attached', 'true');
  await caseFile.dialog('answer').getByRole('button', { name: caseFile.t('common.cancel'), exact: true }).click();
  await answer(page, 'how_to_request');
  const stored = (await call(page, 'inquiries.requestFormPdf', {}))!;
  await sendReply(page, inquiry.reference, 0, stored.filename);
  const raw = smtp.received[0]!.raw;
  expect(raw.toString('latin1')).toMatch(/^Content-Type: multipart\/mixed/im);
  const mail = await parseMail(raw);
  expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
  expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);
  await expect.poll(async () => (await call(page, 'cases.get', { id: inquiry.id })).case.status, { timeout: 30_000 }).toBe('notified');

  // The member fills in the form and posts it: taken in from the inquiry's file, linked to it.
  await page.goto(`${new URL(desk.url).origin}/#/cases/${inquiry.reference}`);
  const file = new CaseFilePage(page);
  await file.expectOpen(inquiry.reference);
  await page.getByTestId('section-linked').getByRole('button', { name: file.t('inquiry.followUp') }).click();
  const intake = new IntakePage(page);
  await intake.expectVisible();
  await expect(page.getByTestId('intake-related')).toHaveText(intake.t('intake.related', { reference: inquiry.reference }));
  await expect(intake.radio('type.disclosure.long')).toBeChecked();
  await intake.fill({
    channel: 'post',
    delivery: 'paper',
    memberName: '佐藤 美咲',
    memberKana: 'サトウ ミサキ',
    memberEmail: 'misaki@example.jp',
    memberPostalCode: '150-0001',
    memberAddress: '東京都渋谷区神宮前1-2-3',
    requestText: '開示等請求書（郵送）：保有個人データの開示を請求します。',
  });
  await intake.submit();
  await file.expectOpen();
  const request = await file.reference();
  expect(request).not.toBe(inquiry.reference);
  await expect(file.root.getByTestId('case-type')).toHaveAttribute('data-type', 'disclosure');
  await expect(page.getByTestId('related-case')).toHaveAttribute('data-reference', inquiry.reference);
  // A request has its legal deadline and Art. 39 mark again (no target badge).
  await expect(file.deadline.getByTestId('reply-target')).toHaveCount(0);

  // The inquiry's file shows the request that followed.
  await page.getByTestId('related-case').getByRole('button', { name: inquiry.reference }).click();
  // (The file opened by id takes its reference's address, and loads once more there: wait for that.)
  await expect(page).toHaveURL(new RegExp(`/cases/${inquiry.reference}$`));
  await file.expectOpen(inquiry.reference);
  await expect(page.getByTestId('linked-from')).toHaveAttribute('data-reference', request);
  await expect(page.getByTestId('case-thread')).toBeVisible();
  const linked = await call(page, 'cases.get', { id: inquiry.id });
  expect(linked.linkedFrom.map((l) => [l.reference, l.type])).toEqual([[request, 'disclosure']]);
});

test('a supervisor edits a reply template: an unknown placeholder is refused on save, naming it; a good text is saved', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  await page.getByRole('tab', { name: shell.t('settings.tab.replies') }).click();
  await page.getByTestId('reply-template-list').getByRole('button', { name: shell.t('replyTemplate.promotional_mail') }).click();
  const editor = page.getByTestId('reply-template-editor');
  await expect(editor).toHaveAttribute('data-template', 'promotional_mail');
  const ja = editor.getByRole('textbox', { name: shell.t('noticeTexts.text.ja'), exact: true });
  const before = await ja.inputValue();
  await ja.fill(`${before}\n担当：{{staffNickname}}`);
  await editor.getByRole('button', { name: shell.t('common.save'), exact: true }).click();
  await expect(ja).toHaveAttribute('aria-invalid', 'true');
  await expect(ja).toHaveAccessibleDescription(/\{\{staffNickname\}\}/);
  expect((await call(page, 'inquiries.replyTemplates', {})).find((x) => x.template === 'promotional_mail')!.customised).toBe(false);

  await ja.fill(`${before}\n以上、よろしくお願いいたします。`);
  await editor.getByRole('button', { name: shell.t('common.save'), exact: true }).click();
  await expect(page.getByText(shell.t('noticeTexts.saved'))).toBeVisible();
  const saved = (await call(page, 'inquiries.replyTemplates', {})).find((x) => x.template === 'promotional_mail')!;
  expect(saved).toMatchObject({ customised: true });
  expect(saved.ja).toContain('以上、よろしくお願いいたします。');
});

// The blank request form prints from the Letters screen like a letter (one job). print() is replaced in
// the frame by a capture-phase load listener (see letters.spec.ts: the letter frame runs no script).
test('the blank request form (開示等請求書) prints from the Letters screen', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('letters');
  await page.evaluate(`(() => {
    const printed = (window.__printed = []);
    document.addEventListener('load', (e) => {
      const frame = e.target;
      if (!(frame instanceof HTMLIFrameElement) || !frame.contentWindow) return;
      const doc = frame.contentDocument;
      frame.contentWindow.print = () => printed.push(doc ? doc.body.innerText : '');
    }, true);
  })()`);
  await page.getByTestId('print-request-form').click();
  await expect.poll(() => page.evaluate<number>('window.__printed.length'), { timeout: 20_000 }).toBe(1);
  const text = (await page.evaluate<string[]>('window.__printed'))[0]!;
  expect(text).toContain('開示等請求書');
  expect(text).toMatch(/Request Form/i);
});

test('a complaint about a decision: taken in from the request’s file, linked on both files; its answer waits for a supervisor', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const request = await createCase(page, { memberName: '高橋 健', memberKana: 'タカハシ ケン', memberEmail: 'ken@example.jp' });
  await call(page, 'cases.startReview', { id: request.id });
  await call(page, 'cases.recordIdentityCheck', { id: request.id, verified: true, documents: [{ type: 'my_number_card' }] });
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  await call(page, 'cases.recordFee', { id: request.id, kind: 'payment', method: 'postal_money_order', amount: 1000, receivedOn: today });
  await call(page, 'cases.decide', { id: request.id, outcome: 'disclosed_partial', grounds: ['business_hindrance'], reasoning: '業務に著しい支障があるため' });

  const origin = new URL(desk.url).origin;
  await page.goto(`${origin}/#/cases/${request.reference}`);
  const file = new CaseFilePage(page);
  await file.expectOpen(request.reference);
  await page.getByTestId('section-linked').getByRole('button', { name: file.t('related.complain') }).click();
  const intake = new IntakePage(page);
  await intake.expectVisible();
  await expect(intake.radio('type.complaint.long')).toBeChecked();
  await expect(page.getByTestId('intake-related')).toHaveText(intake.t('intake.related', { reference: request.reference }));
  await page.getByRole('checkbox', { name: intake.t('kind.complaint.decision'), exact: true }).check();
  await intake.fill({ channel: 'phone', memberName: '高橋 健', memberEmail: 'ken@example.jp', requestText: '一部不開示の決定に納得できません。' });
  await intake.submit();
  await file.expectOpen();
  // (The new file opens by id and then takes its reference's address: act once it has.)
  await expect(page).toHaveURL(/\/cases\/PD-\d{4}-\d{5}$/);
  const complaint = await file.reference();
  await expect(file.root.getByTestId('case-type')).toHaveAttribute('data-type', 'complaint');
  await expect(page.getByTestId('related-case')).toHaveAttribute('data-reference', request.reference);
  await expect(file.deadline.getByTestId('reply-target')).toBeVisible();

  // The answer speaks for the business: written now, sent only once another supervisor approves it.
  await file.actionButton('answer').click();
  await expect(file.dialog('answer')).toContainText(file.t('inquiry.complaintNeedsApproval'));
  await file.dialog('answer').getByTestId('reply-ja').fill('決定の理由をあらためてご説明いたします。');
  await file.dialog('answer').getByRole('button', { name: file.t('action.answer'), exact: true }).click();
  await expect(file.dialog('answer')).toBeHidden();
  await file.expectStatus('decided');
  await expect(file.owed('reply')).toHaveAttribute('data-next', 'approve_first');

  // The request's file names the complaint about its decision.
  await page.getByTestId('related-case').getByRole('button', { name: request.reference }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${request.reference}$`));
  await file.expectOpen(request.reference);
  await expect(page.getByTestId('linked-from')).toHaveAttribute('data-reference', complaint);
  await expect(page.getByTestId('case-thread')).toBeVisible();
  expect((await call(page, 'cases.get', { id: request.id })).linkedFrom.map((l) => [l.reference, l.type])).toEqual([[complaint, 'complaint']]);
});

test('Reports count inquiries and complaints apart from requests, complaints by kind', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await createCase(page, {});
  await createCase(page, { type: 'inquiry', kinds: ['purpose_of_use'], memberName: '佐藤 美咲', memberEmail: 'misaki@example.jp', requestText: '利用目的を教えてください。' });
  await createCase(page, { type: 'complaint', kinds: ['handling'], memberName: '高橋 健', memberEmail: 'ken@example.jp', requestText: '広告メールが止まりません。' });
  const shell = new ShellPage(page);
  await shell.open('reports');
  // The request figures count the one request; the contacts section counts the other two, by type and kind.
  await expect(page.getByTestId('report')).toHaveAttribute('data-received', '1');
  const contacts = page.getByTestId('report-contacts');
  await expect(contacts).toContainText(`${shell.t('type.complaint')}：${shell.t('kind.complaint.handling')}`);
  await expect(contacts).toContainText(`${shell.t('type.inquiry')}：${shell.t('kind.inquiry.purpose_of_use')}`);
  await expect(contacts).toContainText(shell.t('reports.contacts.openNow'));
});
