import { expect, type Locator } from '@playwright/test';
import { BasePage } from './BasePage.ts';

export class CalendarPage extends BasePage {
  async expectVisible(year?: number): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.t('calendar.title'), level: 2 })).toBeVisible();
    if (year) await expect(this.page.getByTestId('calendar-year')).toHaveText(this.t('calendar.year', { year }));
    await expect(this.page.getByTestId('calendar-months')).toBeVisible();
  }

  async goToYear(year: number): Promise<void> {
    const shown = Number((await this.page.getByTestId('calendar-year').textContent())?.replace(/\D/g, ''));
    const step = year > shown ? 'calendar.nextYear' : 'calendar.prevYear';
    for (let i = 0; i < Math.abs(year - shown); i++) await this.page.getByRole('button', { name: this.t(step) }).click();
    await this.expectVisible(year);
  }

  day(date: string): Locator {
    return this.page.locator(`[data-testid="calendar-months"] [data-date="${date}"]`);
  }

  get provisionalBanner(): Locator {
    return this.page.getByTestId('calendar-provisional');
  }

  async addDay(date: string, kind: 'closed' | 'open', reason: string, reasonEn: string): Promise<void> {
    const form = this.page.getByRole('form', { name: this.t('calendar.add.title') });
    await form.getByText(this.t(kind === 'closed' ? 'calendar.add.closed' : 'calendar.add.open'), { exact: true }).click();
    const dateField = this.field('calendar.add.date', form);
    await dateField.fill(date);
    await dateField.blur();
    await this.field('calendar.add.reason', form).fill(reason);
    await this.field('calendar.add.reasonEn', form).fill(reasonEn);
    await form.getByRole('button', { name: this.t('calendar.add.submit'), exact: true }).click();
  }

  async removeDay(date: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('calendar.remove', { date }) }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: this.t('calendar.removeSubmit'), exact: true }).click();
  }

  get moved(): Locator {
    return this.page.getByTestId('moved');
  }

  movedCase(reference: string): Locator {
    return this.moved.locator(`li[data-reference="${reference}"]`);
  }

  deskDay(date: string): Locator {
    return this.page.getByTestId('desk-days').locator(`tr[data-date="${date}"]`);
  }
}
