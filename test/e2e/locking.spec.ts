// The edges of locking: a desk that locked itself behind the screen's back, and a throttled login.
import { expect, test } from './fixtures.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { QueuePage, ShellPage } from './pages/ShellPage.ts';
import { setUpDesk, supervisor } from './pages/flows.ts';

test('any call answered LOCKED takes the screen back to the login', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  // Lock the desk behind the page's back, as the desk's own idle timer or a restart would.
  await page.evaluate(async () => {
    await fetch('/api/auth.lock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  });
  const shell = new ShellPage(page);
  await shell.navItem('settings').click();
  const login = new LoginPage(page);
  await login.expectVisible('sessionEnded');
  await expect(login.username).toHaveValue(supervisor.username);
  await login.login(supervisor.username, supervisor.password);
  // Back where the person was going: the settings screen, whose address survived the lock.
  await expect(page.getByRole('heading', { name: shell.t('settings.title'), level: 2 })).toBeVisible();
  await shell.navItem('queue').click();
  await new QueuePage(page).expectEmpty();
});

test('repeated wrong passwords count down before the next try', async ({ page, desk }) => {
  await setUpDesk(page, desk.url, 'en');
  await new ShellPage(page, 'en').lock();
  const login = new LoginPage(page, 'en');
  await login.expectVisible('user');
  const submit = login.button('login.submit');
  // Two mistakes are free; the third makes the account wait, which the fourth try runs into.
  for (let i = 0; i < 3; i++) {
    await login.login(supervisor.username, `wrong-password-${i}`);
    await login.expectPasswordError(login.t('errors.AUTH_FAILED'));
  }
  // The fourth try runs into the wait (2 s after the third mistake) — unless a loaded machine took longer
  // than that to send it: then the desk answers it as one more mistake and the wait doubles (4 s, 8 s),
  // which the next try cannot miss. The desk's answer to each try says which it was.
  for (let i = 3; i < 6; i++) {
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth.login'));
    await login.login(supervisor.username, `wrong-password-${i}`);
    const body = (await (await answer).json()) as { ok: boolean; error?: { code: string } };
    if (body.error?.code === 'AUTH_THROTTLED') break;
    expect(body.error?.code).toBe('AUTH_FAILED');
  }
  await expect(login.password).toHaveAccessibleDescription(/Try again in \d+ seconds?\./);
  await expect(submit).toBeDisabled();
  await expect(submit).toBeEnabled({ timeout: 40_000 });
  await login.login(supervisor.username, supervisor.password);
  await new QueuePage(page, 'en').expectEmpty();
});
