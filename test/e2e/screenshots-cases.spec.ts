// Not a check: pictures of the case screens in both languages for a person to look at.
// PRIVACY_DESK_SCREENSHOTS=/tmp/shots npx playwright test -c test/e2e/playwright.config.ts screenshots-cases
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { call, createCase, japanTimeDaysAgo } from './pages/api.ts';
import type { Lang } from './pages/BasePage.ts';
import { CalendarPage } from './pages/CalendarPage.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { setUpDesk } from './pages/flows.ts';
import { IntakePage } from './pages/IntakePage.ts';
import { QueuePage } from './pages/QueuePage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';

const dir = process.env.PRIVACY_DESK_SCREENSHOTS;

/** A desk with cases in several states, built through the contract as the screens would. */
async function seed(page: Page) {
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  const overdue = await createCase(page, { arrivedAt: japanTimeDaysAgo(30, '09:40'), memberName: '山田 太郎', memberKana: 'ヤマダ タロウ' });
  await call(page, 'cases.startReview', { id: overdue.id });

  const agent = await createCase(page, {
    arrivedAt: japanTimeDaysAgo(11, '16:20'),
    requesterKind: 'agent',
    requesterName: '弁護士 岡田 由紀',
    memberName: '佐々木 隆',
    memberKana: 'ササキ タカシ',
    memberEmail: 'takashi@example.jp',
    requestText: '依頼人 佐々木隆 の代理人として、貴社が保有する同人の個人情報および第三者提供記録の開示を請求します。委任状と印鑑登録証明書を同封します。',
  });
  await call(page, 'cases.startReview', { id: agent.id });
  await call(page, 'cases.recordIdentityCheck', {
    id: agent.id,
    verified: true,
    documents: [
      { type: 'power_of_attorney', issuedOn: null, note: '原本' },
      { type: 'seal_certificate', issuedOn: '2025-01-10', note: '' },
    ],
  });
  await call(page, 'cases.recordFee', { id: agent.id, kind: 'payment', method: 'postal_money_order', amount: 500, receivedOn: today, note: '定額小為替 500円のみ' });
  await call(page, 'cases.pause', { id: agent.id, reasonKind: 'fee', reason: '手数料の不足分（500円）の到着待ち' });
  await call(page, 'cases.addNote', { id: agent.id, text: '代理人事務所に電話で不足分を連絡済み。' });

  const correction = await createCase(page, {
    type: 'correction',
    kinds: ['correct', 'delete'],
    delivery: null,
    arrivedAt: japanTimeDaysAgo(6, '11:05'),
    memberName: 'Nguyen Van An',
    memberKana: 'グエン ヴァン アン',
    memberEmail: 'an.nguyen@example.com',
    requestText: 'My status of residence changed. Please correct it and delete my old phone number.',
  });
  await call(page, 'cases.startReview', { id: correction.id });
  await call(page, 'cases.recordIdentityCheck', { id: correction.id, verified: true, documents: [{ type: 'residence_card', issuedOn: '2025-09-01', note: '' }] });
  await call(page, 'cases.decide', { id: correction.id, outcome: 'done', reasoning: '' });

  const closed = await createCase(page, { arrivedAt: japanTimeDaysAgo(9, '13:30'), memberName: '鈴木 花子', memberKana: 'スズキ ハナコ', memberEmail: 'hanako@example.jp' });
  await call(page, 'cases.startReview', { id: closed.id });
  await call(page, 'cases.recordIdentityCheck', { id: closed.id, verified: true, documents: [{ type: 'my_number_card', issuedOn: '2023-05-01', note: '' }] });
  await call(page, 'cases.recordFee', { id: closed.id, kind: 'payment', method: 'bank_transfer', amount: 1000, receivedOn: today, note: '' });
  await call(page, 'cases.withdraw', { id: closed.id, reason: '本人から書面で取下げの申出', written: true });
  await call(page, 'cases.recordNotice', { id: closed.id, kind: 'withdrawal', channel: 'mail', note: '' });
  await call(page, 'cases.close', { id: closed.id });

  for (const [i, [name, kana]] of [
    ['高橋 実', 'タカハシ ミノル'],
    ['渡辺 恵', 'ワタナベ メグミ'],
    ['伊藤 さくら', 'イトウ サクラ'],
  ].entries()) {
    await createCase(page, { type: 'suspension', kinds: ['stop_third_party'], delivery: null, arrivedAt: japanTimeDaysAgo(i * 3, '10:00'), memberName: name, memberKana: kana, memberEmail: `s${i}@example.jp` });
  }
  return { overdue, agent, correction, closed };
}

// Skipped before any fixture starts (no host is started for nothing) unless a folder is named.
test.skip(!dir, 'set PRIVACY_DESK_SCREENSHOTS to a folder to take screenshots');

for (const lang of ['ja', 'en'] as Lang[]) {
  test(`case screens (${lang})`, async ({ page, desk }) => {
    test.setTimeout(120_000);
    const shot = async (name: string) => {
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(dir!, `${lang}-cases-${name}.png`), fullPage: true });
    };
    await setUpDesk(page, desk.url, lang);
    const cases = await seed(page);
    await page.reload();
    const queue = new QueuePage(page, lang);
    await queue.expectVisible();
    await queue.expectTotal(6);
    await shot('1-queue');
    await queue.select(cases.overdue.reference);
    await queue.select(cases.correction.reference);
    await queue.bulk('close');
    await queue.bulkResult.waitFor();
    await shot('2-queue-bulk-result');

    await queue.newRequest();
    const intake = new IntakePage(page, lang);
    await intake.fill({ type: 'correction', requesterKind: 'representative', memberEmail: 'taro@@example' });
    await intake.submit();
    await shot('3-intake-errors');

    const file = new CaseFilePage(page, lang);
    const shell = new ShellPage(page, lang);
    for (const [name, c] of [
      ['4-case-overdue', cases.overdue],
      ['5-case-paused-agent', cases.agent],
      ['6-case-decided', cases.correction],
      ['7-case-closed', cases.closed],
    ] as const) {
      await shell.open('queue');
      if (name === '7-case-closed') await queue.view('closed');
      await queue.open(c.reference);
      await file.expectOpen(c.reference);
      await shot(name);
    }
    await shell.open('queue');
    await queue.view('all_open');
    await queue.open(cases.agent.reference);
    await file.actionButton('recordIdentityCheck').click();
    await shot('8-identity-form');
    await page.keyboard.press('Escape');

    await shell.open('calendar');
    const calendar = new CalendarPage(page, lang);
    await calendar.goToYear(2026);
    await calendar.addDay('2026-12-28', 'closed', '仕事納め前の棚卸し', 'Year-end stocktaking');
    await calendar.moved.waitFor();
    await shot('9-calendar-2026');
    await calendar.goToYear(2028);
    await shot('10-calendar-2028');

    await shell.open('settings');
    await page.getByRole('tab', { name: new SettingsPage(page, lang).t('settings.tab.deadlines') }).click();
    await shot('11-settings-deadlines');
  });
}
