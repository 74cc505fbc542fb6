// Multi-screen steps several specs share.
import type { Page } from '@playwright/test';
import type { Lang } from './BasePage.ts';
import { ChangePasswordPage, LoginPage } from './LoginPage.ts';
import { RecoveryKeyPage } from './RecoveryKeyPage.ts';
import { SetupPage, type Supervisor } from './SetupPage.ts';
import { QueuePage, ShellPage } from './ShellPage.ts';

export const supervisor: Supervisor = {
  username: 'sato',
  displayName: '佐藤 花子',
  password: 'kumo-no-ue-de-hirune-suru',
};

/** First run with the Article 11 defaults; ends on the empty queue, logged in as the supervisor. */
export async function setUpDesk(page: Page, url: string, lang: Lang = 'ja', who: Supervisor = supervisor): Promise<string> {
  await page.goto(url);
  // A fresh browser profile starts in Japanese, the desk's default.
  const setup = new SetupPage(page, 'ja');
  await setup.expectVisible();
  if (lang !== 'ja') await setup.switchLanguage(lang);
  await setup.next();
  await setup.fillSupervisor(who);
  await setup.submit();
  const sheet = new RecoveryKeyPage(page, lang);
  await sheet.expectVisible();
  const key = await sheet.key();
  await sheet.confirmAndContinue();
  await new ShellPage(page, lang).expectVisible();
  await new QueuePage(page, lang).expectEmpty();
  return key;
}

/** Logs in with a one-time password and sets the person's own; ends on the queue. */
export async function firstLogin(page: Page, username: string, oneTimePassword: string, newPassword: string, lang: Lang = 'ja'): Promise<void> {
  const shell = new ShellPage(page, lang);
  if (await shell.nav.isVisible()) await shell.lock();
  const login = new LoginPage(page, lang);
  await login.expectVisible();
  await login.login(username, oneTimePassword);
  const change = new ChangePasswordPage(page, lang);
  await change.expectVisible();
  await change.change(oneTimePassword, newPassword);
  // The desk comes back where it was locked (the address keeps the place); the flows go on from the queue.
  await shell.expectVisible();
  await shell.navItem('queue').click();
  await new QueuePage(page, lang).expectVisible();
}

/** Locks the desk and logs in as someone else. */
export async function switchUser(page: Page, username: string, password: string, lang: Lang = 'ja'): Promise<void> {
  await new ShellPage(page, lang).lock();
  const login = new LoginPage(page, lang);
  await login.expectVisible();
  await login.login(username, password);
  await new ShellPage(page, lang).navItem('queue').click();
  await new QueuePage(page, lang).expectVisible();
}
