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

test('the reply target of inquiries and complaints: 0 and 400 are refused beside the field; the queue shows it as a target', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  const settings = new SettingsPage(page);
  await page.getByRole('tab', { name: settings.t('settings.tab.deadlines') }).click();

  const inquiry = page.getByRole('textbox', { name: settings.t('settings.replyTargetDays.inquiry'), exact: true });
  const complaint = page.getByRole('textbox', { name: settings.t('settings.replyTargetDays.complaint'), exact: true });
  await expect(inquiry).toHaveValue('3');
  await expect(complaint).toHaveValue('5');
  await inquiry.fill('0');
  await complaint.fill('400');
  await settings.button('common.save').click();
  await expect(inquiry).toHaveAttribute('aria-invalid', 'true');
  await expect(inquiry).toHaveAccessibleDescription(settings.t('validation.numberMin', { min: 1 }));
  await expect(complaint).toHaveAttribute('aria-invalid', 'true');
  await expect(complaint).toHaveAccessibleDescription(settings.t('validation.numberMax', { max: 60 }));
  expect((await call(page, 'settings.get', {})).replyTargetDays?.inquiry ?? 3).toBe(3);

  await inquiry.fill('4');
  await complaint.fill('6');
  await settings.save();
  expect((await call(page, 'settings.get', {})).replyTargetDays).toEqual({ inquiry: 4, complaint: 6 });

  // An inquiry taken in now is due on the 4th business day, shown as a target (no Art. 39 mark).
  const c = await createCase(page, { type: 'inquiry', requestText: '利用目的を教えてください。' });
  expect((await call(page, 'cases.get', { id: c.id })).deadline).toMatchObject({ days: 4, target: true });
  await shell.open('queue');
  const row = page.locator(`tr[data-reference="${c.reference}"]`);
  await expect(row).toHaveAttribute('data-target', 'true');
  await expect(row.getByTestId('reply-target')).toHaveText(settings.t('target.badge'));
  await expect(row.getByTestId('legal-mark')).toHaveCount(0);
});
