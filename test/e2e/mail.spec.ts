// Email notices end to end: a real SMTP server on 127.0.0.1 (smtp-server), set up in Settings → Mail with
// a test email; a notice text with an unknown variable is refused (named beside the field) and a notice is
// previewed on the real case; a correction request with an email address walked to "decided" — its decision draft
// waits in the Outbox and cannot be sent until a second supervisor approves; then the draft's subject is
// edited, it is sent, the server receives it (subject and Japanese text), and the case file shows the
// notice recorded by email, so the case can be closed.
import { startSmtp, parseMail, type TestSmtp } from '../support/smtp.ts';
import { expect, test } from './fixtures.ts';
import { call, createCase } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { firstLogin, setUpDesk } from './pages/flows.ts';
import { MailSettingsPage, NoticeTextsPage, OutboxPage } from './pages/OutboxPage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';

let smtp: TestSmtp;
test.beforeEach(async () => {
  smtp = await startSmtp();
});
test.afterEach(async () => {
  await smtp.close();
});

test('mail: settings + test email → decision draft held until approved → edit → send → received → notified → closed', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  const settings = new SettingsPage(page);
  await settings.openTab('accounts');
  const otp = await settings.addAccount('suzuki', '鈴木 次郎', 'supervisor');

  // ── Settings → Mail: the loopback server, no TLS, no login; a test email goes through it.
  const mailSettings = new MailSettingsPage(page);
  await mailSettings.open();
  await mailSettings.configure({ host: '127.0.0.1', port: smtp.port, tls: 'none' });
  const result = await mailSettings.sendTest('desk-check@example.jp');
  await expect(result).toHaveAttribute('data-sent', 'true');
  await expect(result).toContainText(mailSettings.o('mailSettings.test.sent'));
  expect(smtp.received).toHaveLength(1);
  expect(smtp.received[0]!.to).toEqual(['desk-check@example.jp']);

  // ── A correction request by email (no fee), walked to "decided" by this supervisor.
  const c = await createCase(page, {
    type: 'correction',
    kinds: ['correct'],
    delivery: null,
    memberName: '高橋 実',
    memberKana: 'タカハシ ミノル',
    memberEmail: 'minoru@example.jp',
    requestText: '登録されている住所が古いので、新しい住所に訂正してください。',
  });
  await call(page, 'cases.startReview', { id: c.id });
  await call(page, 'cases.recordIdentityCheck', { id: c.id, verified: true, documents: [{ type: 'my_number_card' }] });
  await call(page, 'cases.decide', { id: c.id, outcome: 'done', reasoning: '' });

  // ── Settings → Notice texts: an unknown variable is refused beside its field, by name; a real case previews.
  const texts = new NoticeTextsPage(page);
  await texts.open();
  await texts.text('ja').fill('{{memberName}} 様\n\n{{fax}} までご連絡ください。');
  await texts.save();
  await expect(texts.text('ja')).toHaveAttribute('aria-invalid', 'true');
  await expect(texts.text('ja')).toHaveAccessibleDescription(/\{\{fax\}\}/);
  const preview = await texts.previewOn(c.reference.toLowerCase());
  await expect(preview.getByTestId('notice-preview-subject')).toContainText(c.reference);
  await expect(preview.getByTestId('notice-preview-body')).toContainText('高橋 実');

  // ── The decision draft is in the Outbox, but not sendable before approval: the desk says why.
  await shell.open('outbox');
  const outbox = new OutboxPage(page);
  await outbox.expectVisible();
  await expect(outbox.status).toHaveAttribute('data-connection', /^(unknown|online)$/);
  await outbox.filter('draft');
  await expect(outbox.row(c.reference, 'acknowledgement')).toBeVisible();
  let dialog = await outbox.open(c.reference, 'decision');
  await expect(dialog.getByTestId('send-blocked-reason')).toContainText(outbox.w({ code: 'NEEDS_APPROVAL' }));
  await expect(outbox.action(dialog, 'outbox.action.send')).toHaveCount(0);
  await outbox.close(dialog);

  // ── A second supervisor approves; now it can go. Its subject is edited first.
  await firstLogin(page, 'suzuki', otp, 'suzuki-no-himitsu-no-kotoba');
  await call(page, 'cases.approve', { id: c.id });
  await shell.open('outbox');
  await outbox.filter('draft');
  dialog = await outbox.open(c.reference, 'decision');
  await expect(dialog.getByTestId('send-blocked-reason')).toHaveCount(0);
  const subject = `訂正等決定通知書（${c.reference}）／Decision on your request`;
  await outbox.outField('outbox.field.subject', dialog).fill(subject);
  await outbox.action(dialog, 'outbox.action.save').click();
  await expect(page.getByText(outbox.o('outbox.done.save'))).toBeVisible();
  // A further edit goes with 「保存して送信」: saved first, then sent as saved.
  const added = '追記：ご不明な点は窓口までお問い合わせください。';
  const body = outbox.outField('outbox.field.body', dialog);
  await body.fill(`${await body.inputValue()}\n${added}`);
  await outbox.action(dialog, 'outbox.action.saveAndSend').click();
  await expect(dialog).toBeHidden();

  // ── The server receives exactly that message.
  await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(2);
  const mail = await parseMail(smtp.received[1]!.raw);
  expect(smtp.received[1]!.to).toEqual(['minoru@example.jp']);
  expect(mail.subject).toBe(subject);
  expect(mail.text).toContain('高橋 実');
  expect(mail.text).toContain('訂正');
  expect(mail.text).toContain(c.reference);
  expect(mail.text).toContain(added);

  // ── The Outbox shows it sent; the case file has the notice, and the case closes.
  await outbox.filter('sent');
  await expect(outbox.row(c.reference, 'decision')).toHaveAttribute('data-state', 'sent', { timeout: 20_000 });
  await outbox.row(c.reference, 'decision').getByRole('button', { name: c.reference, exact: true }).click();
  const file = new CaseFilePage(page);
  await file.expectOpen(c.reference);
  await file.expectStatus('notified');
  const decisionNotice = file.section('notices').locator('tr[data-kind="decision"]');
  await expect(decisionNotice).toContainText(file.t('noticeChannel.mail'));
  // Where it went, worded by the screen (issue 12: the desk no longer stores an English sentence for it).
  await expect(decisionNotice).toContainText(file.t('caseFile.noticeMailed', { to: 'minoru@example.jp', messageId: mail.messageId! }));
  await expect(decisionNotice).not.toContainText('Email to');
  // The acknowledgement nobody sent is owed: closing names it and a person decides to drop it.
  await file.closeDroppingUnsent(['acknowledgement']);
  await file.expectStatus('closed');

  // The dropped acknowledgement is in the Outbox as cancelled, with who and why.
  await shell.open('outbox');
  await outbox.filter('cancelled');
  await expect(outbox.row(c.reference, 'acknowledgement')).toBeVisible();
});
