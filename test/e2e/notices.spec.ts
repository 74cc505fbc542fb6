// Notices reach the right person exactly once (issue 10), in browser mode with a real SMTP server on
// loopback: an agent's request by post gets its letter (the agent in the window), printed from the case
// file; the decision email draft then shows "delivered by letter" in the Outbox; closing names the unsent
// acknowledgement and a person drops it. A member's email request: the acknowledgement is sent from the
// case file, the decision is mailed, and no letter is owed.
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { expect, test } from './fixtures.ts';
import { call, createCase } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { firstLogin, setUpDesk, supervisor, switchUser } from './pages/flows.ts';
import { LettersPage } from './pages/LettersPage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { QueuePage } from './pages/QueuePage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';

// The letter frame allows no script; Playwright's trace recorder would try to inject one (see letters.spec.ts).
test.use({ trace: 'off' });

let smtp: TestSmtp;
test.beforeEach(async () => {
  smtp = await startSmtp();
});
test.afterEach(async () => {
  await smtp.close();
});

const SUPERVISOR_2 = { username: 'suzuki', password: 'suzuki-no-himitsu-no-kotoba' };

test('an agent’s request by post: letter to the agent → printed → the decision email shows “delivered by letter” → close', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  const settings = new SettingsPage(page);
  await settings.openTab('accounts');
  const otp = await settings.addAccount(SUPERVISOR_2.username, '鈴木 次郎', 'supervisor');
  await call(page, 'mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', password: '' });

  const c = await createCase(page, {
    type: 'correction',
    kinds: ['correct'],
    channel: 'post',
    delivery: null,
    requesterKind: 'agent',
    requesterName: '弁護士 佐藤 健',
    requesterEmail: 'sato@law.example.jp',
    requesterPostalCode: '100-0005',
    requesterAddress: '東京都千代田区丸の内2-4-1\n丸の内ビル5F',
    memberName: '山本 和子',
    memberKana: 'ヤマモト カズコ',
    memberEmail: 'kazuko@example.jp',
    requestText: '委任を受けて、登録住所の訂正を請求します。',
  });
  await call(page, 'cases.startReview', { id: c.id });
  await call(page, 'cases.recordIdentityCheck', { id: c.id, verified: true, documents: [{ type: 'power_of_attorney' }] });
  await call(page, 'cases.decide', { id: c.id, outcome: 'done', reasoning: '' });
  await firstLogin(page, SUPERVISOR_2.username, otp, SUPERVISOR_2.password);
  await call(page, 'cases.approve', { id: c.id });

  await shell.open('queue');
  await new QueuePage(page).open(c.reference);
  const file = new CaseFilePage(page);
  await file.expectStatus('approved');
  // The case file says, at the top, what it owes: the decision by email (the agent's address), a draft.
  await expect(file.owed('decision')).toHaveAttribute('data-state', 'draft');

  // A person chooses to print the decision for the agent (posted with the documents).
  await file.section('notices').getByTestId('case-letter-button').click();
  const letters = new LettersPage(page);
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('letter-preview') });
  const sheet = letters.frame(dialog).locator('body');
  await expect(sheet).toContainText('〒100-0005');
  await expect(sheet).toContainText('丸の内ビル5F');
  await expect(sheet).toContainText('山本 和子様の代理人');
  await expect(sheet).toContainText('弁護士 佐藤 健 様');
  await letters.recordPrinted(dialog);
  await file.expectStatus('notified');
  await expect(file.owed('decision')).toHaveAttribute('data-state', 'printed');

  // The decision email was settled by the letter: cancelled, visibly, with who and why.
  await shell.open('outbox');
  const outbox = new OutboxPage(page);
  await outbox.filter('cancelled');
  const row = outbox.row(c.reference, 'decision');
  await expect(row).toContainText(outbox.w({ code: 'DRAFT_CANCELLED', reason: 'delivered_by_letter', by: SUPERVISOR_2.username }));
  expect(smtp.received).toHaveLength(0);

  // Closing names the acknowledgement nobody sent; the person drops it, and the case closes.
  await row.getByRole('button', { name: c.reference, exact: true }).click();
  await file.expectOpen(c.reference);
  await file.closeDroppingUnsent(['acknowledgement']);
  await file.expectStatus('closed');
  const after = await call(page, 'cases.get', { id: c.id });
  expect(after.notices.map((n) => `${n.kind} ${n.channel}${n.copy ? ' copy' : ''}`)).toEqual(['decision letter']);
  expect(after.timeline.find((e) => e.kind === 'notices_dropped')?.actor).toBe(SUPERVISOR_2.username);
  expect(smtp.received).toHaveLength(0);
});

// The decision is mailed in the background: the case file, opened again within a second of its last read,
// must still come to show 'notified' (it watches the sender while a notice is queued; senderWatch.ts).
test('a member’s email request: acknowledgement sent from the case file → decision mailed → no letter owed', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  const settings = new SettingsPage(page);
  await settings.openTab('accounts');
  const otp = await settings.addAccount(SUPERVISOR_2.username, '鈴木 次郎', 'supervisor');
  await call(page, 'mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', password: '' });

  const c = await createCase(page, {
    type: 'correction',
    kinds: ['correct'],
    channel: 'email',
    delivery: null,
    memberName: '森 健太',
    memberKana: 'モリ ケンタ',
    memberEmail: 'kenta@example.jp',
    requestText: '電話番号の訂正をお願いします。',
  });
  await shell.open('queue');
  const queue = new QueuePage(page);
  await queue.open(c.reference);
  const file = new CaseFilePage(page);
  await expect(file.owed('acknowledgement')).toHaveAttribute('data-next', 'review_and_send');

  // The acknowledgement's draft is one click away from the case file, and is sent from there.
  await file.owed('acknowledgement').getByRole('button', { name: file.t('notices.openDraft') }).click();
  const outbox = new OutboxPage(page);
  const message = page.getByRole('dialog', { name: outbox.o('outbox.message.title', { reference: c.reference }) });
  await outbox.action(message, 'outbox.action.send').click();
  await expect(message).toBeHidden();
  await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(1);
  expect(smtp.received[0]!.to).toEqual(['kenta@example.jp']);
  await expect(file.owed('acknowledgement')).toHaveAttribute('data-state', /queued|sent/);

  await call(page, 'cases.startReview', { id: c.id });
  await call(page, 'cases.recordIdentityCheck', { id: c.id, verified: true, documents: [{ type: 'my_number_card' }] });
  await call(page, 'cases.decide', { id: c.id, outcome: 'done', reasoning: '' });
  await firstLogin(page, SUPERVISOR_2.username, otp, SUPERVISOR_2.password);
  await call(page, 'cases.approve', { id: c.id });
  await switchUser(page, supervisor.username, supervisor.password);

  await shell.open('queue');
  await queue.open(c.reference);
  await file.owed('decision').getByRole('button', { name: file.t('notices.openDraft') }).click();
  await outbox.action(message, 'outbox.action.send').click();
  await expect(message).toBeHidden();
  await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(2);
  await expect.poll(async () => (await call(page, 'cases.get', { id: c.id })).case.status, { timeout: 20_000 }).toBe('notified');

  // Nothing is owed on paper.
  const ready = await call(page, 'letters.ready', {});
  expect(ready.filter((r) => r.caseId === c.id)).toEqual([]);
  await shell.open('queue');
  await queue.open(c.reference);
  await file.expectStatus('notified');
  await expect(file.owed('decision')).toHaveAttribute('data-state', 'sent');

  // The member asks for the decision on paper too: a copy by letter, which a person confirms.
  await file.owed('decision').getByTestId('send-copy').click();
  const ask = page.getByTestId('copy-confirm');
  await expect(ask).toContainText(file.t('notices.copy.questionLetter', { kind: file.t('noticeKind.decision') }));
  await ask.getByRole('button', { name: file.t('notices.copy.yesLetter') }).click();
  const letters = new LettersPage(page);
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('letter-preview') });
  await expect(letters.frame(dialog).locator('body')).toContainText('森 健太');
  await letters.recordPrinted(dialog);
  await expect(file.owed('decision')).toContainText(file.t('notices.copies', { channels: file.t('notices.channel.letter') }));
  await expect(file.owed('decision').getByTestId('send-copy')).toHaveCount(0);
  await file.expectStatus('notified');
  await file.confirm('close');
  await file.expectStatus('closed');
  const after = await call(page, 'cases.get', { id: c.id });
  expect(after.notices.map((n) => `${n.kind} ${n.channel}${n.copy ? ' copy' : ''}`)).toEqual(['acknowledgement mail', 'decision mail', 'decision letter copy']);
});
