// The foundation as a person meets it: first run, recovery key, lock, a wrong password, log in,
// the empty queue, the desk locking itself when idle, and unlocking again.
import { expect, test } from './fixtures.ts';
import { LoginPage, ChangePasswordPage } from './pages/LoginPage.ts';
import { RecoveryKeyPage } from './pages/RecoveryKeyPage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { SetupPage } from './pages/SetupPage.ts';
import { QueuePage, ShellPage } from './pages/ShellPage.ts';
import { setUpDesk, supervisor } from './pages/flows.ts';

test('first run → recovery key → lock → wrong password → log in → empty queue → idle lock → unlock', async ({ page, desk }) => {
  await page.goto(desk.url);

  // The launch token leaves the address bar and the history entry at once, and is traded for a session
  // cookie the page's scripts cannot read (HttpOnly), sent to this port's desk only (SameSite=Strict).
  await expect.poll(() => page.url()).not.toContain('token=');
  const port = new URL(desk.url).port;
  await expect.poll(async () => (await page.context().cookies()).map((c) => c.name)).toContain(`pd_session_${port}`);
  const cookie = (await page.context().cookies()).find((c) => c.name === `pd_session_${port}`)!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(cookie.value).not.toBe(new URL(desk.url).hash.replace('#token=', ''));
  const traces = (await page.evaluate('({ cookie: document.cookie, storage: JSON.stringify({ ...sessionStorage, ...localStorage }), history: window.location.href })')) as { cookie: string; storage: string; history: string };
  expect(traces.cookie).not.toContain('pd_session');
  expect(traces.storage).not.toContain(new URL(desk.url).hash.replace('#token=', ''));
  expect(traces.history).not.toContain('token=');

  const setup = new SetupPage(page, 'ja');
  await setup.expectVisible();
  // Prefilled from Article 11 of the privacy policy.
  await expect(setup.deskField('companyJa')).toHaveValue('株式会社JUO');
  await expect(setup.deskField('companyEn')).toHaveValue('JUO Inc.');
  await expect(setup.deskField('deskNameEn')).toHaveValue('CareerModel Support Desk');
  await expect(setup.deskField('postalCode')).toHaveValue('160-0023');
  await expect(setup.deskField('addressJa')).toHaveValue('東京都新宿区西新宿3-3-13 西新宿水間ビル6F');
  await expect(setup.deskField('email')).toHaveValue('info@career-model.com');
  await expect(setup.deskField('phone')).toHaveValue('');
  await setup.next();

  await setup.expectSupervisorStep();
  await setup.fillSupervisor(supervisor);
  await setup.submit();

  const sheet = new RecoveryKeyPage(page, 'ja');
  await sheet.expectVisible();
  const key = await sheet.key();
  expect(key).toMatch(/^[A-Z2-7]{52}$/);
  expect(await sheet.groups()).toHaveLength(13);
  await expect(sheet.printButton).toBeVisible();
  await expect(page.getByTestId('recovery-sheet')).toContainText('Print this and lock it away');
  await expect(page.getByTestId('recovery-sheet')).toContainText('鍵のかかる場所に保管');
  await sheet.confirmAndContinue();

  const shell = new ShellPage(page, 'ja');
  const queue = new QueuePage(page, 'ja');
  await shell.expectVisible();
  await shell.expectUser(supervisor.displayName, 'supervisor');
  await queue.expectEmpty();

  // Lock by hand: back to the login screen with the user name kept.
  await shell.lock();
  const login = new LoginPage(page, 'ja');
  await login.expectVisible('user');
  await expect(login.username).toHaveValue(supervisor.username);
  await expect(page.getByTestId('queue-empty')).toHaveCount(0);

  // A reload keeps working without the token in the URL (the session cookie).
  await page.reload();
  await login.expectVisible();

  await login.login(supervisor.username, 'not-the-password-at-all');
  await login.expectPasswordError(login.t('errors.AUTH_FAILED'));

  await login.login(supervisor.username, supervisor.password);
  await shell.expectVisible();
  await queue.expectEmpty();

  // Auto-lock: the test shortens the idle time to 3 s, then keeps its hands off.
  await page.evaluate(() => sessionStorage.setItem('privacyDesk.idleLockSeconds', '3'));
  await login.expectVisible('idle');
  await expect(page.getByTestId('queue-empty')).toHaveCount(0);
  await expect(shell.nav).toHaveCount(0);
  // The desk itself is locked, not only the screen.
  const state = await page.evaluate(async () => {
    const res = await fetch('/api/desk.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return ((await res.json()) as { value: { state: string } }).value.state;
  });
  expect(state).toBe('locked');

  await page.evaluate(() => sessionStorage.removeItem('privacyDesk.idleLockSeconds'));
  await expect(login.username).toHaveValue(supervisor.username);
  await login.login(supervisor.username, supervisor.password);
  await shell.expectVisible();
  await queue.expectEmpty();
});

test('the recovery key unlocks the desk when the password is lost', async ({ page, desk }) => {
  const key = await setUpDesk(page, desk.url);
  await new ShellPage(page).lock();
  const login = new LoginPage(page);
  await login.expectVisible('user');
  await login.useRecoveryKey();
  // Typed the way people copy from paper: lower case, in groups with spaces.
  await login.field('recover.key').fill(key.toLowerCase().match(/.{4}/g)!.join(' '));
  await expect(login.field('recover.username')).toHaveValue(supervisor.username);
  await login.field('account.newPassword').fill('atarashii-aikotoba-desu');
  await login.field('account.newPasswordConfirm').fill('atarashii-aikotoba-desu');
  await login.button('recover.submit').click();
  await new QueuePage(page).expectEmpty();

  await new ShellPage(page).lock();
  await login.login(supervisor.username, 'atarashii-aikotoba-desu');
  await new QueuePage(page).expectEmpty();
});

test('a supervisor edits the desk and adds an agent, who must set a password and sees no settings', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('reports');
  await expect(page.getByTestId('report')).toBeVisible();

  await shell.open('settings');
  const settings = new SettingsPage(page);
  await expect(settings.email).toHaveValue('info@career-model.com');
  await settings.idleLockMinutes.fill('15');
  await settings.field('desk.phone').fill('03-1234-5678');
  await settings.save();

  await settings.openTab('accounts');
  await expect(settings.accountRow(supervisor.username)).toBeVisible();
  const otp = await settings.addAccount('tanaka', '田中 一郎', 'agent');
  expect(otp.length).toBeGreaterThanOrEqual(8);
  await expect(settings.accountRow('tanaka')).toContainText(settings.t('accounts.status.mustChange'));

  await shell.lock();
  const login = new LoginPage(page);
  await login.login('tanaka', otp);
  const change = new ChangePasswordPage(page);
  await change.expectVisible();
  await change.change(otp, 'tanaka-no-himitsu-no-kotoba');
  await shell.expectUser('田中 一郎', 'agent');
  await expect(shell.navItem('settings')).toHaveCount(0);
  await new QueuePage(page).expectEmpty();
});
