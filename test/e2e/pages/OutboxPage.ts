// The Outbox screen, one message in its dialog, and Settings → Mail.
import { expect, type Locator } from '@playwright/test';
import type { MailTlsMode, NoticeKind, OutboxState } from '../../../electron/contract/index.ts';
import { OutputBase } from './OutputBase.ts';

export class OutboxPage extends OutputBase {
  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.o('outbox.title'), level: 2 })).toBeVisible();
  }

  get status(): Locator {
    return this.page.getByTestId('mail-status');
  }

  get table(): Locator {
    return this.page.getByTestId('outbox-table');
  }

  row(reference: string, kind: NoticeKind): Locator {
    return this.table.locator(`tbody tr[data-reference="${reference}"][data-kind="${kind}"]`);
  }

  async filter(state: OutboxState | 'all'): Promise<void> {
    const tab = this.page.getByRole('tab').and(this.page.locator(`[data-state="${state}"]`));
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Opens a message (by its case and notice) and returns its dialog. */
  async open(reference: string, kind: NoticeKind): Promise<Locator> {
    await this.row(reference, kind).getByTestId('outbox-situation').click();
    const dialog = this.page.getByRole('dialog', { name: this.o('outbox.message.title', { reference }) });
    await expect(dialog.getByTestId('outbox-message')).toBeVisible();
    return dialog;
  }

  action(dialog: Locator, key: 'outbox.action.send' | 'outbox.action.saveAndSend' | 'outbox.action.retry' | 'outbox.action.save' | 'outbox.action.cancel'): Locator {
    return this.outButton(key, dialog);
  }

  async close(dialog: Locator): Promise<void> {
    await this.outButton('common.close', dialog.getByTestId('outbox-message')).click();
    await expect(dialog).toBeHidden();
  }
}

export class MailSettingsPage extends OutputBase {
  get form(): Locator {
    return this.page.getByTestId('mail-settings');
  }

  async open(): Promise<void> {
    await this.settingsTab('outputSettings.tab.mail');
    await expect(this.form).toBeVisible();
  }

  async configure(s: { host: string; port: number; tls: MailTlsMode; user?: string; password?: string }): Promise<void> {
    await this.choose(this.o('mailSettings.tls'), this.o(`mailSettings.tls.${s.tls}`), this.form);
    await this.outField('mailSettings.host', this.form).fill(s.host);
    await this.outField('mailSettings.port', this.form).fill(String(s.port));
    await this.outField('mailSettings.user', this.form).fill(s.user ?? '');
    if (s.password !== undefined) await this.form.getByLabel(this.o('mailSettings.password'), { exact: true }).fill(s.password);
    await this.outButton('common.save', this.form).click();
    await expect(this.page.getByText(this.o('mailSettings.saved'))).toBeVisible();
  }

  /** Sends a test email and returns the result box. */
  async sendTest(to: string): Promise<Locator> {
    const form = this.page.getByRole('form', { name: this.o('mailSettings.test.title') });
    await this.outField('mailSettings.test.to', form).fill(to);
    await this.outButton('mailSettings.test.send', form).click();
    const result = this.page.getByTestId('mail-test-result');
    await expect(result).toBeVisible();
    return result;
  }
}

export class NoticeTextsPage extends OutputBase {
  get editor(): Locator {
    return this.page.getByTestId('notice-template-editor');
  }

  async open(): Promise<void> {
    await this.settingsTab('outputSettings.tab.notices');
    await expect(this.editor).toBeVisible();
  }

  text(lang: 'ja' | 'en'): Locator {
    return this.outField(`noticeTexts.text.${lang}`, this.editor);
  }

  async save(): Promise<void> {
    await this.outButton('common.save', this.editor).click();
  }

  /** Shows the saved notice for a real case; returns the preview box. */
  async previewOn(reference: string): Promise<Locator> {
    const form = this.page.getByRole('form', { name: this.o('noticeTexts.preview.title') });
    await this.outField('noticeTexts.preview.reference', form).fill(reference);
    await this.outButton('noticeTexts.preview.show', form).click();
    const preview = this.page.getByTestId('notice-preview');
    await expect(preview).toBeVisible();
    return preview;
  }
}
