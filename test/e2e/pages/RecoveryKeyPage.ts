import { expect } from '@playwright/test';
import { BasePage } from './BasePage.ts';

export class RecoveryKeyPage extends BasePage {
  async expectVisible(): Promise<void> {
    // The desk is being created meanwhile: scrypt at the real cost, the encrypted database and all its
    // migrations — seconds on a quiet PC, more on a loaded one.
    await expect(this.page.getByTestId('recovery-sheet')).toBeVisible({ timeout: 90_000 });
  }

  /** The key as shown, without the spaces between its groups. */
  async key(): Promise<string> {
    return (await this.page.getByTestId('recovery-key').getAttribute('data-key')) ?? '';
  }

  async groups(): Promise<string[]> {
    const group = this.page.getByTestId('recovery-key').locator('p').filter({ hasText: /^[A-Z2-7]{1,4}$/ });
    return group.allTextContents();
  }

  get printButton() {
    return this.button('recoveryKey.print');
  }

  get continueButton() {
    return this.button('recoveryKey.continue');
  }

  async confirmAndContinue(): Promise<void> {
    await expect(this.continueButton).toBeDisabled();
    await this.page.getByRole('checkbox', { name: this.t('recoveryKey.confirm') }).check();
    await this.continueButton.click();
  }
}
