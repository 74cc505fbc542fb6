import { expect } from '@playwright/test';
import { BasePage } from './BasePage.ts';

export class SettingsPage extends BasePage {
  async openTab(tab: 'desk' | 'accounts'): Promise<void> {
    await this.page.getByRole('tab', { name: this.t(`settings.tab.${tab}`) }).click();
  }

  get email() {
    return this.field('desk.email');
  }

  get idleLockMinutes() {
    return this.field('settings.idleLockMinutes');
  }

  async save(): Promise<void> {
    await this.button('common.save').click();
    await expect(this.page.getByText(this.t('settings.saved'))).toBeVisible();
  }

  accountRow(username: string) {
    return this.page.getByTestId('accounts-table').locator(`tr[data-username="${username}"]`);
  }

  /** Adds an account and returns its one-time password (shown once). */
  async addAccount(username: string, displayName: string, role: 'agent' | 'supervisor'): Promise<string> {
    await this.button('accounts.add').click();
    const dialog = this.page.getByRole('dialog', { name: this.t('accounts.addTitle') });
    await this.field('account.username', dialog).fill(username);
    await this.field('account.displayName', dialog).fill(displayName);
    await dialog.getByText(this.t(`role.${role}`), { exact: true }).click();
    await dialog.getByRole('button', { name: this.t('accounts.create') }).click();
    return this.takeOneTimePassword();
  }

  async resetPassword(username: string): Promise<string> {
    await this.accountRow(username).getByRole('button', { name: this.t('accounts.reset') }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: this.t('accounts.reset') }).click();
    return this.takeOneTimePassword();
  }

  async disable(username: string): Promise<void> {
    await this.accountRow(username).getByRole('button', { name: this.t('accounts.disable') }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: this.t('accounts.disable') }).click();
    await expect(this.accountRow(username)).toContainText(this.t('accounts.status.disabled'));
  }

  private async takeOneTimePassword(): Promise<string> {
    const dialog = this.page.getByRole('dialog', { name: this.t('oneTimePassword.title') });
    const otp = (await dialog.getByTestId('one-time-password').textContent())?.trim() ?? '';
    await dialog.getByRole('button', { name: this.t('oneTimePassword.done') }).click();
    await expect(dialog).toBeHidden();
    return otp;
  }
}
