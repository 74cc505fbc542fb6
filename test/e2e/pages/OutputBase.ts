// What the output screens' page models (outbox, letters, backups) share: buttons and fields by their
// catalog label, and opening one tab of Settings. Their texts come from renderer/src/i18n/
// {ja,en}-desk-output.ts, which the main catalogs spread in.
import { expect, type Locator, type Page } from '@playwright/test';
import type { MessageKey } from '../../../renderer/src/i18n/catalog.ts';
import { BasePage } from './BasePage.ts';

export class OutputBase extends BasePage {
  o(key: MessageKey, vars?: Record<string, string | number>): string {
    return this.t(key, vars);
  }

  outButton(key: MessageKey, within: Page | Locator = this.page): Locator {
    return within.getByRole('button', { name: this.t(key), exact: true });
  }

  outField(key: MessageKey, within: Page | Locator = this.page): Locator {
    return within.getByRole('textbox', { name: this.t(key), exact: true });
  }

  /** Opens one tab of Settings (the shell must already show Settings). */
  async settingsTab(key: MessageKey): Promise<void> {
    const tab = this.page.getByRole('tab', { name: this.t(key), exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }
}
