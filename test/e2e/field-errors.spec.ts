// Validation as a person sees it: problems are shown beside the field at fault, in the UI language,
// and input typed with a Japanese IME (full-width letters) is accepted once normalised.
import { expect, test } from './fixtures.ts';
import { RecoveryKeyPage } from './pages/RecoveryKeyPage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { SetupPage } from './pages/SetupPage.ts';
import { ShellPage } from './pages/ShellPage.ts';

test('set-up shows field errors beside the field and accepts a full-width email', async ({ page, desk }) => {
  await page.goto(desk.url);
  const setup = new SetupPage(page, 'ja');
  await setup.expectVisible();
  await setup.switchLanguage('en');
  await setup.expectVisible();

  const email = setup.deskField('email');
  const postalCode = setup.deskField('postalCode');
  await email.fill('info@@example');
  await postalCode.fill('160-00');
  await setup.deskField('companyEn').fill('   ');
  await setup.next();
  await setup.expectFieldError(email, setup.t('validation.email'));
  await setup.expectFieldError(postalCode, setup.t('validation.pattern.postalCode'));
  await setup.expectFieldError(setup.deskField('companyEn'), setup.t('validation.required'));
  // Focus moves to the first field at fault, so a keyboard user lands on it.
  await expect(setup.deskField('companyEn')).toBeFocused();

  // The message follows the language.
  await setup.switchLanguage('ja');
  await setup.expectFieldError(setup.deskField('email'), setup.t('validation.email'));
  await setup.switchLanguage('en');

  await email.fill('ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｃｏｍ');
  await setup.expectNoFieldError(email);
  await postalCode.fill('１６０－００２３');
  await setup.deskField('companyEn').fill('JUO Inc.');
  await setup.next();

  await setup.expectSupervisorStep();
  await setup.fillSupervisor({ username: 'Ｓａｔｏ', displayName: 'Hanako Sato', password: 'short', confirm: 'different' });
  await setup.submit();
  await setup.expectFieldError(setup.field('account.password'), setup.t('validation.tooShort', { min: 10 }));
  await setup.expectFieldError(setup.field('account.passwordConfirm'), setup.t('validation.passwordMismatch'));
  await setup.fillSupervisor({ username: 'Ｓａｔｏ', displayName: 'Hanako Sato', password: 'a-long-enough-passphrase' });
  await setup.submit();

  const sheet = new RecoveryKeyPage(page, 'en');
  await sheet.expectVisible();
  await sheet.confirmAndContinue();
  const shell = new ShellPage(page, 'en');
  await shell.expectUser('Hanako Sato', 'supervisor');

  // The desk stored the normalised forms.
  await shell.open('settings');
  const settings = new SettingsPage(page, 'en');
  await expect(settings.email).toHaveValue('info@example.com');
  await expect(settings.field('desk.postalCode')).toHaveValue('160-0023');
  await settings.openTab('accounts');
  await expect(settings.accountRow('sato')).toBeVisible();
});
