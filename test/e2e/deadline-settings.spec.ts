// Settings › deadlines: business hours and N per request type, checked with the contract's schema
// (a closing time before the opening time is refused beside the field), saved, and used by the next
// request taken in.
import { expect, test } from './fixtures.ts';
import { call, createCase } from './pages/api.ts';
import { setUpDesk } from './pages/flows.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';

test('a supervisor sets the desk hours and the business days per request type', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  const settings = new SettingsPage(page);
  await page.getByRole('tab', { name: settings.t('settings.tab.deadlines') }).click();

  const open = settings.field('settings.hours.open');
  const close = settings.field('settings.hours.close');
  await expect(open).toHaveValue('10:00');
  await close.fill('０９：３０');
  await settings.button('common.save').click();
  await expect(close).toHaveAttribute('aria-invalid', 'true');
  await expect(close).toHaveAccessibleDescription(settings.t('validation.custom.close'));

  await open.fill('9:00');
  await close.fill('1730');
  await close.blur();
  await expect(close).toHaveValue('17:30');
  const disclosureDays = page.getByRole('textbox', { name: settings.t('settings.days.for', { type: settings.t('type.disclosure') }), exact: true });
  await disclosureDays.fill('15');
  await settings.save();

  const saved = await call(page, 'settings.get', {});
  expect(saved.businessHours).toEqual({ open: '09:00', close: '17:30' });
  expect(saved.daysByType.disclosure).toBe(15);
  const c = await createCase(page, {});
  expect((await call(page, 'cases.get', { id: c.id })).deadline.days).toBe(15);
});

test('Settings › security: a supervisor sets the address the audit log anchor is mailed to, or clears it', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  const settings = new SettingsPage(page);
  await page.getByRole('tab', { name: settings.t('settings.tab.security') }).click();
  const address = settings.field('anchorMail.address');
  await expect(address).toHaveValue('');
  await address.fill('kansa@');
  await settings.button('common.save').click();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await address.fill('ｋａｎｓａ@example.org');
  await settings.save();
  await expect(address).toHaveValue('kansa@example.org');
  expect((await call(page, 'settings.get', {})).security).toEqual({ anchorEmail: 'kansa@example.org' });
  await address.fill('');
  await settings.button('common.save').click();
  await expect.poll(async () => (await call(page, 'settings.get', {})).security).toEqual({ anchorEmail: null });
});
