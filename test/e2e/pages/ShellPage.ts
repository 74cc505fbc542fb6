import { expect } from '@playwright/test';
import type { MessageKey } from '../../../renderer/src/i18n/catalog.ts';
import { BasePage } from './BasePage.ts';

export type NavItem = 'queue' | 'inbox' | 'calendar' | 'outbox' | 'letters' | 'reports' | 'settings';

export class ShellPage extends BasePage {
  get nav() {
    return this.page.getByRole('navigation', { name: this.t('shell.navLabel') });
  }

  navItem(item: NavItem) {
    return this.nav.getByRole('button', { name: this.t(`nav.${item}` as MessageKey), exact: true });
  }

  async expectVisible(): Promise<void> {
    await expect(this.nav).toBeVisible();
  }

  async expectUser(displayName: string, role: 'agent' | 'supervisor'): Promise<void> {
    await expect(this.page.getByTestId('current-user')).toHaveText(displayName);
    await expect(this.page.getByTestId('current-role')).toHaveText(this.t(`role.${role}`));
  }

  async open(item: NavItem): Promise<void> {
    await this.navItem(item).click();
    await expect(this.navItem(item)).toHaveAttribute('aria-current', 'page');
  }

  async lock(): Promise<void> {
    await this.button('shell.lock').click();
  }
}

export { QueuePage } from './QueuePage.ts';
