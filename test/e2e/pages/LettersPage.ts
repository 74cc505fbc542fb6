// The Letters screen, the letter preview (a sandboxed frame) and "did it print?".
import { expect, type FrameLocator, type Locator } from '@playwright/test';
import type { NoticeKind } from '../../../electron/contract/index.ts';
import { OutputBase } from './OutputBase.ts';

export class LettersPage extends OutputBase {
  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.o('letters.title'), level: 2 })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByTestId('letters-table');
  }

  row(reference: string, kind: NoticeKind): Locator {
    return this.table.locator(`tbody tr[data-reference="${reference}"][data-kind="${kind}"]`);
  }

  /** Opens the preview of one letter; returns its dialog. */
  async preview(reference: string, kind: NoticeKind): Promise<Locator> {
    await this.row(reference, kind).getByRole('button', { name: this.o('letters.previewOf', { reference }) }).click();
    const dialog = this.page.getByRole('dialog').filter({ has: this.page.getByTestId('letter-preview') });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The letter as shown (and printed) in its sandboxed frame. */
  frame(within: Locator): FrameLocator {
    return within.getByTestId('letter-frame').contentFrame();
  }

  /** "Record as printed…" then "Yes" in the confirmation. */
  async recordPrinted(within: Locator): Promise<void> {
    await this.outButton('letterPreview.recordPrinted', within).click();
    await this.confirmPrinted();
  }

  async confirmPrinted(n?: number): Promise<void> {
    const confirm = this.page.getByTestId('printed-confirm');
    await expect(confirm).toBeVisible();
    const yes = n === undefined ? this.o('letters.confirm.yesOne') : this.o('letters.confirm.yes', { n });
    await confirm.getByRole('button', { name: yes, exact: true }).click();
    await expect(confirm).toBeHidden();
  }
}
