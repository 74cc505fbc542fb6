// Settings › notices (issue 10's sender details on letters), a desk form with nested values (feePayment.*):
// saved, confirmed, normalised by the desk (a full-width account number), and still there after a reload; a
// bad number is refused beside the account number field, in the UI's words, and nothing is saved.
import { expect, test } from './fixtures.ts';
import { setUpDesk } from './pages/flows.ts';
import { ShellPage } from './pages/ShellPage.ts';

test('notice settings: saved with a full-width account number, kept after reload; a wrong number is refused', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  await page.getByRole('tab', { name: shell.t('outputSettings.tab.notices') }).click();
  const panel = page.getByTestId('notice-settings');
  const person = panel.getByRole('textbox', { name: shell.t('settings.notices.responsiblePerson') });
  const account = panel.getByRole('textbox', { name: shell.t('settings.notices.accountNumber') });
  const save = panel.getByRole('button', { name: shell.t('settings.notices.save') });

  await account.fill('１２３');
  await save.click();
  // Beside the field at fault (a nested one), worded from the catalog, focused for a keyboard user.
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  await expect(account).toHaveAccessibleDescription(new RegExp(shell.t('validation.pattern.accountNumber')));
  await expect(account).toBeFocused();
  await expect(save).not.toHaveAttribute('data-loading');
  // Typing again clears it.
  await account.fill('１２３－');
  await expect(account).not.toHaveAttribute('aria-invalid', 'true');

  await person.fill('山本 一郎');
  await account.fill('１２３－４５６７');
  await save.click();
  await expect(page.getByText(shell.t('settings.notices.saved'))).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(account).toHaveValue('1234567');

  await page.reload();
  await shell.open('settings');
  await page.getByRole('tab', { name: shell.t('outputSettings.tab.notices') }).click();
  await expect(person).toHaveValue('山本 一郎');
  await expect(account).toHaveValue('1234567');
});
