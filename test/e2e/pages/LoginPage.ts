import { expect } from '@playwright/test';
import { BasePage } from './BasePage.ts';
import { escapeRegExp } from './SetupPage.ts';

export type LockReason = 'idle' | 'user' | 'sessionEnded' | 'none';

export class LoginPage extends BasePage {
  async expectVisible(reason?: LockReason): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.t('login.title') })).toBeVisible();
    if (reason) await expect(this.page.getByTestId('lock-reason')).toHaveAttribute('data-reason', reason);
  }

  get username() {
    return this.field('account.username');
  }

  get password() {
    return this.field('account.password');
  }

  async login(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.button('login.submit').click();
  }

  async expectPasswordError(message: string): Promise<void> {
    await expect(this.password).toHaveAttribute('aria-invalid', 'true');
    await expect(this.password).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  }

  async useRecoveryKey(): Promise<void> {
    await this.button('login.useRecoveryKey').click();
  }
}

export class ChangePasswordPage extends BasePage {
  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.t('changePassword.title') })).toBeVisible();
  }

  async change(current: string, next: string): Promise<void> {
    await this.field('changePassword.current').fill(current);
    await this.field('account.newPassword').fill(next);
    await this.field('account.newPasswordConfirm').fill(next);
    await this.button('changePassword.submit').click();
  }
}
