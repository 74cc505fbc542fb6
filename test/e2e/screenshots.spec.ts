// Not a check: pictures of the main screens in both languages for a person to look at.
// PRIVACY_DESK_SCREENSHOTS=/tmp/shots npx playwright test -c test/e2e/playwright.config.ts screenshots
import { join } from 'node:path';
import { test } from './fixtures.ts';
import type { Lang } from './pages/BasePage.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { RecoveryKeyPage } from './pages/RecoveryKeyPage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { SetupPage } from './pages/SetupPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { supervisor } from './pages/flows.ts';

const dir = process.env.PRIVACY_DESK_SCREENSHOTS;

// Skipped before any fixture starts (no host is started for nothing) unless a folder is named.
test.skip(!dir, 'set PRIVACY_DESK_SCREENSHOTS to a folder to take screenshots');

for (const lang of ['ja', 'en'] as Lang[]) {
  test(`screenshots (${lang})`, async ({ page, desk }) => {
    const shot = (name: string) => page.screenshot({ path: join(dir!, `${lang}-${name}.png`), fullPage: true });

    await page.goto(desk.url);
    const setup = new SetupPage(page, 'ja');
    await setup.expectVisible();
    if (lang === 'en') await setup.switchLanguage('en');
    setup.lang = lang;
    await shot('1-setup-desk');
    await setup.deskField('email').fill('not an email');
    await setup.next();
    await shot('2-setup-desk-error');
    await setup.deskField('email').fill('info@career-model.com');
    await setup.next();
    await setup.fillSupervisor({ ...supervisor, password: 'kumo-no-ue' });
    await shot('3-setup-supervisor');
    await setup.fillSupervisor(supervisor);
    await setup.submit();

    const sheet = new RecoveryKeyPage(page, lang);
    await sheet.expectVisible();
    await shot('4-recovery-key');
    await page.emulateMedia({ media: 'print' });
    await shot('5-recovery-key-print');
    await page.emulateMedia({ media: 'screen' });
    await sheet.confirmAndContinue();

    const shell = new ShellPage(page, lang);
    await shell.expectVisible();
    await shot('6-shell-queue');
    await shell.open('reports');
    await shot('7-shell-not-built');
    await shell.open('settings');
    const settings = new SettingsPage(page, lang);
    await shot('8-settings-desk');
    await settings.openTab('accounts');
    await settings.button('accounts.add').click();
    await shot('9-accounts-add');
    await page.keyboard.press('Escape');
    const otp = await settings.addAccount('tanaka', lang === 'ja' ? '田中 一郎' : 'Ichiro Tanaka', 'agent');
    await shot('10-accounts-list');
    void otp;

    await shell.lock();
    const login = new LoginPage(page, lang);
    await login.login(supervisor.username, 'wrong-password-here');
    await login.expectPasswordError(login.t('errors.AUTH_FAILED'));
    await shot('11-login-error');
    await login.useRecoveryKey();
    await shot('12-recover');
  });
}
