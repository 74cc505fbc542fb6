import { expect, type Locator } from '@playwright/test';
import { BasePage } from './BasePage.ts';
import type { MessageKey } from '../../../renderer/src/i18n/catalog.ts';

export type DeskField = 'companyJa' | 'companyEn' | 'deskNameJa' | 'deskNameEn' | 'postalCode' | 'addressJa' | 'addressEn' | 'email' | 'phone';

export interface Supervisor {
  username: string;
  displayName: string;
  password: string;
  confirm?: string;
}

export class SetupPage extends BasePage {
  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.t('setup.title') })).toBeVisible();
  }

  deskField(name: DeskField): Locator {
    return this.field(`desk.${name}` as MessageKey);
  }

  async fillDesk(values: Partial<Record<DeskField, string>>): Promise<void> {
    for (const [name, value] of Object.entries(values) as [DeskField, string][]) await this.deskField(name).fill(value);
  }

  async next(): Promise<void> {
    await this.button('common.next').click();
  }

  async expectSupervisorStep(): Promise<void> {
    await expect(this.field('account.username')).toBeVisible();
  }

  async fillSupervisor(s: Supervisor): Promise<void> {
    await this.field('account.username').fill(s.username);
    await this.field('account.displayName').fill(s.displayName);
    await this.field('account.password').fill(s.password);
    await this.field('account.passwordConfirm').fill(s.confirm ?? s.password);
  }

  async submit(): Promise<void> {
    await this.button('setup.submit').click();
  }

  /** The message shown beside a field, checked through the input's accessible description. */
  async expectFieldError(input: Locator, message: string): Promise<void> {
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  }

  async expectNoFieldError(input: Locator): Promise<void> {
    await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  }
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
