// Not a check: pictures of the output screens (Outbox, a failed message, Letters, a letter preview, the
// backup status, Settings → Mail / Notice texts / Backups, the restore form) in both languages.
// PRIVACY_DESK_SCREENSHOTS=/tmp/shots npx playwright test -c test/e2e/playwright.config.ts screenshots-output
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtp } from '../support/smtp.ts';
import { test } from './fixtures.ts';
import type { Lang } from './pages/BasePage.ts';
import { call, createCase } from './pages/api.ts';
import { RestorePage } from './pages/BackupPage.ts';
import { firstLogin, setUpDesk } from './pages/flows.ts';
import { startExtraHost } from './pages/hosts.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { LettersPage } from './pages/LettersPage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { SetupPage } from './pages/SetupPage.ts';
import { ShellPage } from './pages/ShellPage.ts';

const dir = process.env.PRIVACY_DESK_SCREENSHOTS;
// The letter preview is a script-free sandboxed frame; the trace recorder's snapshots would be refused there.
test.use({ trace: 'off' });

// Skipped before any fixture starts (no host is started for nothing) unless a folder is named.
test.skip(!dir, 'set PRIVACY_DESK_SCREENSHOTS to a folder to take screenshots');

for (const lang of ['ja', 'en'] as Lang[]) {
  test(`output screenshots (${lang})`, async ({ page, desk }) => {
    const shot = (name: string, fullPage = true) => page.screenshot({ path: join(dir!, `${lang}-output-${name}.png`), fullPage });
    // The first message the server sees is refused for good (550): one failed message to show.
    const smtp = await startSmtp({ dataReplies: [550] });
    const folder = await mkdtemp(join(tmpdir(), 'privacy-desk-shots-'));
    try {
      await setUpDesk(page, desk.url, lang);
      const shell = new ShellPage(page, lang);
      await shell.open('settings');
      const settings = new SettingsPage(page, lang);
      await settings.openTab('accounts');
      const otp = await settings.addAccount('suzuki', '鈴木 次郎', 'supervisor');
      await call(page, 'mail.updateSettings', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '' });
      const people = [
        { name: '高橋 実', email: 'minoru@example.jp' },
        { name: '中村 恵子', email: '' },
        { name: '小林 誠', email: 'makoto@example.jp' },
        { name: '伊藤 さくら', email: 'sakura@example.jp' },
      ];
      const ids: number[] = [];
      for (const p of people) {
        const c = await createCase(page, {
          type: 'correction',
          kinds: ['correct'],
          delivery: null,
          memberName: p.name,
          memberEmail: p.email,
        });
        ids.push(c.id);
        await call(page, 'cases.startReview', { id: c.id });
        await call(page, 'cases.recordIdentityCheck', { id: c.id, verified: true, documents: [{ type: 'my_number_card' }] });
      }
      // Paper asked for, no postal address: a flagged letter.
      await createCase(page, { memberName: '山本 健', memberEmail: 'ken@example.jp', memberAddress: '', memberPostalCode: '', delivery: 'paper' });
      for (const id of ids.slice(0, 3)) await call(page, 'cases.decide', { id, outcome: 'done', reasoning: '' });
      await firstLogin(page, 'suzuki', otp, 'suzuki-no-himitsu-no-kotoba', lang);
      for (const id of ids.slice(0, 3)) await call(page, 'cases.approve', { id });
      const drafts = await call(page, 'outbox.list', { state: 'draft' });
      for (const m of drafts.rows.filter((r) => r.noticeKind === 'decision')) {
        await call(page, 'outbox.send', { id: m.id });
        await page.waitForTimeout(1500);
      }
      await call(page, 'settings.update', { backup: { folder, keep: 5, onLock: true, daily: true } });
      await call(page, 'backup.now', {});
      await page.reload();
      await shell.expectVisible();

      await shell.open('outbox');
      const outbox = new OutboxPage(page, lang);
      await outbox.expectVisible();
      await shot('1-outbox');
      await page.locator('tr[data-state="failed"]').first().getByTestId('outbox-situation').click();
      await page.getByTestId('outbox-message').waitFor();
      await shot('2-outbox-failed-message', false);
      await page.keyboard.press('Escape');

      await shell.open('letters');
      const letters = new LettersPage(page, lang);
      await letters.expectVisible();
      await shot('3-letters');
      await page.getByTestId('letters-table').locator('tbody tr[data-has-address="true"]').first().getByRole('button').last().click();
      await page.getByTestId('letter-frame').waitFor();
      await page.waitForTimeout(1000);
      await shot('4-letter-preview', false);
      await page.keyboard.press('Escape');

      await page.getByTestId('backup-indicator').click();
      await page.getByTestId('backup-details').waitFor();
      await page.waitForTimeout(400);
      await shot('5-backup-status', false);
      await page.keyboard.press('Escape');

      await shell.open('settings');
      for (const [n, tab] of [
        [6, 'mail'],
        [7, 'notices'],
        [8, 'backup'],
      ] as const) {
        await outbox.settingsTab(`outputSettings.tab.${tab}`);
        await page.waitForTimeout(400);
        await shot(`${n}-settings-${tab}`);
      }

      const second = await startExtraHost();
      try {
        await page.goto(second.url);
        // A new host is a new origin: the page starts in Japanese again.
        const setup = new SetupPage(page, 'ja');
        await setup.expectVisible();
        if (lang !== 'ja') await setup.switchLanguage(lang);
        await shot('9-setup-with-restore');
        await new RestorePage(page, lang).openFromSetup();
        await shot('10-restore-form');
      } finally {
        await second.stop();
      }
    } finally {
      await smtp.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
}
