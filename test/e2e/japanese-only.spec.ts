// Issue 12's acceptance walk: a new user in the default Japanese UI goes through the queue, case files
// (one closed, one rejected), every Outbox tab, Letters, Calendar and every Settings tab, triggers a refused
// bulk action and a duplicate account name — and nowhere reads a run of four or more English words, apart
// from names and addresses (and the English half of bilingual notices, which lives in previews' frames).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { call, createCase, japanTimeDaysAgo } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { setUpDesk } from './pages/flows.ts';
import { LettersPage } from './pages/LettersPage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { QueuePage } from './pages/QueuePage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { outboxStates } from '../../electron/contract/index.ts';

/** Names and addresses a person typed: English by nature, allowed on a Japanese screen. */
const ALLOWED = ['Nguyen Van An', 'Privacy Desk', 'CareerModel Support Desk', 'JUO Inc.', '6F Nishishinjuku Mizuma Building, 3-3-13 Nishishinjuku, Shinjuku-ku, Tokyo'];
/** Four or more English words in a row, separated by spaces (a hyphen or apostrophe joins a word). */
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*(?:[,.:;]?\s+[A-Za-z][A-Za-z'’-]*){3,}/g;

async function englishRuns(page: Page, where: string): Promise<string[]> {
  // The whole visible page, dialogs and notifications included; form values and preview frames are not text,
  // and a notice's own bilingual text (a mail subject: Japanese / English) is marked data-notice-text.
  await page.waitForLoadState('networkidle');
  // (A string, not a function: the test's tsconfig has no DOM types.)
  let text = await page.evaluate<string>(`(() => {
    const marked = [...document.querySelectorAll('[data-notice-text]')];
    const before = marked.map((e) => e.style.display);
    marked.forEach((e) => (e.style.display = 'none'));
    const all = document.body.innerText;
    marked.forEach((e, i) => (e.style.display = before[i]));
    return all;
  })()`);
  for (const a of ALLOWED) text = text.split(a).join(' ');
  return [...text.matchAll(ENGLISH_RUN)].map((m) => `${where}: "${m[0]}"`);
}

async function seed(page: Page) {
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  const inReview = await createCase(page, { arrivedAt: japanTimeDaysAgo(30, '09:40'), memberName: '山田 太郎', memberKana: 'ヤマダ タロウ', memberEmail: 'taro@example.jp' });
  await call(page, 'cases.startReview', { id: inReview.id });
  await call(page, 'cases.recordIdentityCheck', { id: inReview.id, verified: true, documents: [{ type: 'my_number_card', issuedOn: '2024-05-01', note: '' }] });
  await call(page, 'cases.recordFee', { id: inReview.id, kind: 'payment', method: 'bank_transfer', amount: 500, receivedOn: today, note: '' });

  const received = await createCase(page, { arrivedAt: japanTimeDaysAgo(2, '10:00'), memberName: 'Nguyen Van An', memberKana: 'グエン ヴァン アン', memberEmail: 'an.nguyen@example.com' });

  const rejected = await createCase(page, { arrivedAt: japanTimeDaysAgo(5, '11:00'), memberName: '田中 一郎', memberKana: 'タナカ イチロウ', memberEmail: 'ichiro@example.jp', memberPostalCode: '', memberAddress: '' });
  await call(page, 'cases.reject', { id: rejected.id, ground: 'not_a_member', reason: '会員ではないことを確認' });

  const closed = await createCase(page, { arrivedAt: japanTimeDaysAgo(9, '13:30'), memberName: '鈴木 花子', memberKana: 'スズキ ハナコ', memberEmail: 'hanako@example.jp' });
  await call(page, 'cases.startReview', { id: closed.id });
  await call(page, 'cases.withdraw', { id: closed.id, reason: '本人から書面で取下げの申出', written: true });
  await call(page, 'cases.recordNotice', { id: closed.id, kind: 'withdrawal', channel: 'letter', note: '' });
  await call(page, 'cases.close', { id: closed.id });
  return { inReview, received, rejected, closed };
}

test('the Japanese UI shows no English sentence anywhere a new user goes', async ({ page, desk }) => {
  test.setTimeout(240_000);
  await setUpDesk(page, desk.url, 'ja');
  const cases = await seed(page);
  await page.reload();
  const found: string[] = [];
  const shell = new ShellPage(page, 'ja');
  const queue = new QueuePage(page, 'ja');

  await queue.expectVisible();
  found.push(...(await englishRuns(page, 'queue')));

  // A bulk move the selection does not allow: closing cases that are not notified is explained, not offered.
  await queue.select(cases.inReview.reference);
  await queue.select(cases.received.reference);
  await expect(queue.bulkUnavailable('close', 'received')).toContainText(queue.w({ code: 'WRONG_STATUS', status: 'received', action: 'close' }));
  await expect(queue.bulkUnavailable('close', 'in_review')).toContainText(cases.inReview.reference);
  found.push(...(await englishRuns(page, 'bulk refusal')));

  const file = new CaseFilePage(page, 'ja');
  for (const [name, c] of [['in review', cases.inReview], ['rejected', cases.rejected], ['closed', cases.closed]] as const) {
    await shell.open('queue');
    if (name === 'closed') await queue.view('closed');
    await queue.open(c.reference);
    await file.expectOpen(c.reference);
    found.push(...(await englishRuns(page, `case file (${name})`)));
  }

  await shell.open('outbox');
  const outbox = new OutboxPage(page, 'ja');
  await outbox.expectVisible();
  for (const state of ['all', ...outboxStates] as const) {
    await outbox.filter(state);
    found.push(...(await englishRuns(page, `outbox (${state})`)));
  }

  await shell.open('letters');
  await new LettersPage(page, 'ja').expectVisible();
  found.push(...(await englishRuns(page, 'letters')));

  await shell.open('calendar');
  await page.waitForLoadState('networkidle');
  found.push(...(await englishRuns(page, 'calendar')));

  await shell.open('settings');
  const settings = new SettingsPage(page, 'ja');
  for (const tab of ['settings.tab.desk', 'settings.tab.deadlines', 'settings.tab.accounts', 'outputSettings.tab.mail', 'outputSettings.tab.notices', 'outputSettings.tab.backup', 'settings.tab.security'] as const) {
    await page.getByRole('tab', { name: settings.t(tab) }).click();
    found.push(...(await englishRuns(page, `settings (${tab})`)));
  }

  // A duplicate account name: the desk's refusal, in Japanese, beside the field.
  await settings.openTab('accounts');
  await settings.addAccount('tanaka', '田中 一郎', 'agent');
  await settings.button('accounts.add').click();
  const dialog = page.getByRole('dialog', { name: settings.t('accounts.addTitle') });
  await settings.field('account.username', dialog).fill('tanaka');
  await settings.field('account.displayName', dialog).fill('田中 二郎');
  await dialog.getByRole('button', { name: settings.t('accounts.create') }).click();
  await expect(dialog).toContainText(settings.w({ code: 'ACCOUNT_EXISTS', username: 'tanaka' }));
  found.push(...(await englishRuns(page, 'duplicate account')));

  expect(found).toEqual([]);
});
