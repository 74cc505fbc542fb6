// Issue 11 item 6 on the screen: the auto-lock outside its range is refused with the range (not clamped);
// a disabled account is enabled again with a one-time password shown whole beside a copy button; a role
// is changed.
import { expect, test } from './fixtures.ts';
import { setUpDesk } from './pages/flows.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';

test('auto-lock range, enabling an account again with its one-time password, changing a role', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  const settings = new SettingsPage(page);

  // 300 minutes: refused with the range, and the typed value stays as typed.
  await settings.idleLockMinutes.fill('300');
  await settings.idleLockMinutes.blur();
  await expect(settings.idleLockMinutes).toHaveValue('300');
  await settings.button('common.save').click();
  await expect(page.getByText(settings.t('validation.range.idleLockMinutes', { min: 1, max: 240 }))).toBeVisible();
  await expect(page.getByText(settings.t('settings.saved'))).toHaveCount(0);

  await settings.openTab('accounts');
  await settings.addAccount('tanaka', '田中 一郎', 'agent');
  await settings.disable('tanaka');

  await settings.accountRow('tanaka').getByRole('button', { name: settings.t('accounts.enable') }).click();
  await page.getByRole('dialog').getByRole('button', { name: settings.t('accounts.enable') }).click();
  const dialog = page.getByRole('dialog', { name: settings.t('oneTimePassword.title') });
  const otp = dialog.getByTestId('one-time-password');
  await expect(otp).toHaveText(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  // Whole: nothing of it scrolls or is cut off.
  expect(await otp.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true);
  await expect(dialog.getByTestId('copy-one-time-password')).toBeVisible();
  await dialog.getByRole('button', { name: settings.t('oneTimePassword.done') }).click();
  await expect(settings.accountRow('tanaka')).toContainText(settings.t('accounts.status.mustChange'));

  await settings.accountRow('tanaka').getByRole('button', { name: settings.t('accounts.changeRole') }).click();
  await page.getByRole('dialog').getByRole('button', { name: settings.t('accounts.changeRole') }).click();
  await expect(settings.accountRow('tanaka')).toContainText(settings.t('role.supervisor'));
});
