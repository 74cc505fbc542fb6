// Browser mode's connection to the host: the launch token, and a host that has gone away.
import { expect, test } from './fixtures.ts';
import { say } from './pages/BasePage.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { setUpDesk, supervisor } from './pages/flows.ts';

test('a page opened without the launch token says how to open it', async ({ page, desk, pageErrors }) => {
  await page.goto(desk.url.replace(/#.*$/, ''));
  await expect(page.getByRole('alert')).toContainText(say('ja', 'errors.noToken'));
  // Without the token (or its session cookie) the host refuses the call with 403, and Chromium logs the
  // refused resource itself; that one is expected here, anything else is not.
  const unexpected = pageErrors.filter((e) => !/status of 403 .*\/api\/desk\.status/.test(e));
  pageErrors.length = 0;
  pageErrors.push(...unexpected);
});

test('a stopped host is reported as not reachable', async ({ page, desk, pageErrors }) => {
  await setUpDesk(page, desk.url);
  await new ShellPage(page).lock();
  const login = new LoginPage(page);
  await login.expectVisible('user');
  await desk.stop();
  await login.login(supervisor.username, supervisor.password);
  await expect(page.getByRole('alert')).toContainText(say('ja', 'errors.unreachable'));
  // Chromium logs the refused connection itself; that one is expected here.
  const unexpected = pageErrors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED'));
  pageErrors.length = 0;
  pageErrors.push(...unexpected);
});
