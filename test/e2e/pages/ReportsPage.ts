// The Reports screen: the period, the figures (each a button to its cases) and the pack.
import { expect, type Locator } from '@playwright/test';
import type { MessageKey } from '../../../renderer/src/i18n/catalog.ts';
import { BasePage } from './BasePage.ts';

export class ReportsPage extends BasePage {
  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.t('reports.title'), level: 2 })).toBeVisible();
    await expect(this.page.getByTestId('report')).toBeVisible();
  }

  figure(bucket: string): Locator {
    return this.page.getByTestId(`figure-${bucket}`);
  }

  get range(): Locator {
    return this.page.getByTestId('reports-range');
  }

  async periodKind(kind: 'month' | 'quarter' | 'fiscal' | 'year' | 'custom'): Promise<void> {
    await this.page.getByTestId('reports-period-kind').getByText(this.t(`reports.period.${kind}` as MessageKey), { exact: true }).click();
  }

  async previous(): Promise<void> {
    await this.page.getByTestId('reports-previous').click();
  }
}
