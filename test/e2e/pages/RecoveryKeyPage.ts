import { expect } from '@playwright/test';
import { BasePage } from './BasePage.ts';

export class RecoveryKeyPage extends BasePage {
  async expectVisible(): Promise<void> {
    await expect(this.page.getByTestId('recovery-sheet')).toBeVisible();
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
