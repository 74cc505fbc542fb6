import { expect, type Locator } from '@playwright/test';
import type { CaseStatus, QueueRow } from '../../../electron/contract/index.ts';
import type { MessageKey } from '../../../renderer/src/i18n/catalog.ts';
import { BasePage } from './BasePage.ts';

export type SavedView = 'all_open' | 'mine' | 'due_this_week' | 'overdue' | 'awaiting_requester' | 'closed';
export type SortKey = 'due' | 'arrived' | 'reference' | 'status' | 'type' | 'member';

export class QueuePage extends BasePage {
  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.t('queue.title'), level: 2 })).toBeVisible();
  }

  async expectEmpty(): Promise<void> {
    await this.expectVisible();
    await expect(this.page.getByTestId('queue-empty')).toContainText(this.t('queue.empty.title'));
  }

  get table(): Locator {
    return this.page.getByTestId('queue-table');
  }

  /** The rows on screen, once the list has settled (no loading overlay). */
  get rows(): Locator {
    return this.table.locator('tbody tr');
  }

  row(reference: string): Locator {
    return this.table.locator(`tbody tr[data-reference="${reference}"]`);
  }

  async newRequest(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('queue.new'), exact: true }).first().click();
  }

  async view(view: SavedView): Promise<void> {
    await this.page.getByRole('tab', { name: this.t(`queue.view.${view}` as MessageKey), exact: true }).click();
    await expect(this.page.getByRole('tab', { name: this.t(`queue.view.${view}` as MessageKey), exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: this.t('queue.search') });
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async open(reference: string): Promise<void> {
    await this.row(reference).getByRole('link', { name: reference, exact: true }).click();
  }

  /** The due date a row shows, as the machine-readable date of its <time>. */
  async due(reference: string): Promise<string | null> {
    return this.row(reference).getByTestId('due').getAttribute('datetime');
  }

  async expectRow(reference: string, want: { status?: QueueRow['status']; urgency?: QueueRow['urgency']; due?: string }): Promise<void> {
    const row = this.row(reference);
    await expect(row).toBeVisible();
    if (want.status) await expect(row.getByTestId('status')).toHaveAttribute('data-status', want.status);
    if (want.urgency) await expect(row).toHaveAttribute('data-urgency', want.urgency);
    if (want.due) await expect(row.getByTestId('due')).toHaveAttribute('datetime', want.due);
  }

  /** References in the order shown. */
  async references(): Promise<string[]> {
    // The list is settled: no answer awaited (aria-busy) and every row drawn (the rows below the fold follow
    // those on screen a frame later).
    await expect(this.page.getByTestId('queue-list')).toHaveAttribute('aria-busy', 'false');
    await expect(this.table).toHaveAttribute('data-drawn', 'all');
    return this.rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference') ?? ''));
  }

  async sortBy(key: SortKey): Promise<void> {
    await this.table.locator(`thead button[data-sort="${key}"]`).click();
  }

  get total(): Locator {
    return this.page.getByTestId('queue-total');
  }

  async expectTotal(n: number): Promise<void> {
    await expect(this.total).toHaveAttribute('data-total', String(n));
  }

  async select(reference: string): Promise<void> {
    await this.row(reference).getByRole('checkbox').check();
  }

  get bulkBar(): Locator {
    return this.page.getByTestId('bulk-actions');
  }

  async bulk(action: 'assignMe' | 'startReview' | 'close'): Promise<void> {
    const name = action === 'assignMe' ? this.t('bulk.assignMe') : this.t(`action.${action}`);
    await this.bulkBar.getByRole('button', { name, exact: true }).click();
  }

  /** Assign the selection to a staff member picked from the list by display name. */
  async bulkAssignTo(displayName: string): Promise<void> {
    await this.bulkBar.getByRole('button', { name: this.t('bulk.assignTo'), exact: true }).click();
    // The picker is a popover: Mantine renders it in a portal, outside the bulk bar.
    const picker = this.page.getByRole('dialog', { name: this.t('bulk.assignTo') });
    const list = picker.getByRole('combobox', { name: this.t('bulk.assignee'), exact: true });
    await expect(list).toBeFocused();
    if ((await list.getAttribute('aria-expanded')) !== 'true') await list.click();
    await this.page.getByRole('option', { name: new RegExp(`^${displayName}`) }).click();
    await picker.getByRole('button', { name: this.t('bulk.assign'), exact: true }).click();
  }

  /** Why a move is not offered for the selection: the line naming it for the selected cases in `status`. */
  bulkUnavailable(action: 'assign' | 'startReview' | 'close', status: CaseStatus): Locator {
    return this.page.getByTestId('bulk-unavailable').locator(`li[data-action="${action}"][data-status="${status}"]`);
  }

  get bulkResult(): Locator {
    return this.page.getByTestId('bulk-result');
  }
}
