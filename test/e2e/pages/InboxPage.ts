// The Inbox screen, a mail's dialog, and the correspondence thread on a case file, found by role and by
// the renderer's own catalog words.
import { expect, type Locator } from '@playwright/test';
import { BasePage } from './BasePage.ts';

export class InboxPage extends BasePage {
  get screen(): Locator {
    return this.page.getByTestId('inbox-screen');
  }

  row(subject: string): Locator {
    return this.page.getByTestId('inbox-row').filter({ hasText: subject });
  }

  /** Waits until a mail with this subject is listed, pressing "refresh" as a person would. */
  async waitFor(subject: string): Promise<void> {
    await expect(async () => {
      await this.button('inbox.refresh').click();
      await expect(this.row(subject)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
  }

  async open(subject: string): Promise<Locator> {
    await this.row(subject).getByRole('button', { name: this.t('inbox.openMail', { subject }) }).click();
    const dialog = this.page.getByRole('dialog', { name: this.t('inbox.mail.title') });
    await expect(dialog.getByTestId('inbox-mail')).toBeVisible();
    return dialog;
  }

  get thread(): Locator {
    return this.page.getByTestId('case-thread');
  }
}
