// The queue behind a case: opening a case keeps the list (hidden, not rebuilt), so Back shows the same
// page at once; a page turned from the pager below the table starts at its head; and `/` on a case file
// goes to the queue's search even though the hidden queue's search box is still in the document.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { call, createCase, japanTimeDaysAgo } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { setUpDesk } from './pages/flows.ts';
import { QueuePage } from './pages/ShellPage.ts';

async function cases(page: Page, n: number) {
  for (let i = 0; i < n; i++) await createCase(page, { memberName: `田中 ${i}`, memberKana: 'タナカ', arrivedAt: japanTimeDaysAgo(Math.floor(i / 3), '10:00') });
  await page.reload();
}

test('Back from a case shows the same queue page, kept rather than rebuilt', async ({ page, desk }) => {
  test.setTimeout(180_000);
  await setUpDesk(page, desk.url);
  await cases(page, 52);
  const queue = new QueuePage(page);
  await queue.expectTotal(52);
  await page.getByRole('button', { name: queue.t('queue.page.next'), exact: true }).click();
  const page2 = await call(page, 'cases.list', { view: 'all_open', page: 2 });
  await expect.poll(() => queue.references()).toEqual(page2.rows.map((r) => r.reference));

  // A mark on the table's element: a rebuilt queue would not have it.
  await queue.table.evaluate((el) => el.setAttribute('data-e2e-mark', 'kept'));
  const first = page2.rows[0]!.reference;
  await queue.open(first);
  const file = new CaseFilePage(page);
  await file.expectOpen(first);
  await expect(queue.table).toBeHidden();

  await page.keyboard.press('Escape');
  await expect(queue.table).toBeVisible();
  await expect(queue.table).toHaveAttribute('data-e2e-mark', 'kept');
  expect(await queue.references()).toEqual(page2.rows.map((r) => r.reference));
  await expect(page).toHaveURL(/#\/queue\?.*page=2/);
});

test('a page turned from the pager below the table starts at its first row', async ({ page, desk }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await setUpDesk(page, desk.url);
  await cases(page, 55);
  const queue = new QueuePage(page);
  await queue.expectTotal(55);
  const next = page.getByRole('button', { name: queue.t('queue.page.next'), exact: true });
  await next.scrollIntoViewIfNeeded();
  await expect(queue.rows.first()).not.toBeInViewport();
  await next.click();
  const page2 = await call(page, 'cases.list', { view: 'all_open', page: 2 });
  await expect.poll(() => queue.references()).toEqual(page2.rows.map((r) => r.reference));
  await expect(queue.rows.first()).toBeInViewport();
  await expect(queue.table.locator('thead')).toBeInViewport();
});

test('/ on a case file goes to the queue and focuses its search', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await createCase(page, { memberName: '佐藤 花子', memberKana: 'サトウ ハナコ' });
  await createCase(page, { memberName: '田中 太郎', memberKana: 'タナカ タロウ' });
  await page.reload();
  const queue = new QueuePage(page);
  await queue.expectTotal(2);
  const [a] = await queue.references();
  await queue.open(a!);
  await new CaseFilePage(page).expectOpen(a!);
  await page.keyboard.press('/');
  await expect(queue.table).toBeVisible();
  await expect(queue.search).toBeFocused();
  await page.keyboard.type('佐藤');
  await expect(queue.rows).toHaveCount(1);
  await expect(queue.rows.first()).toContainText('佐藤 花子');
});

test('the bulk bar of a selection stays with the queue: not over a case file opened from it', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await cases(page, 3);
  const queue = new QueuePage(page);
  await queue.expectTotal(3);
  const [a, b] = await queue.references();
  await queue.select(a!);
  await expect(queue.bulkBar).toBeVisible();
  await queue.open(b!);
  await new CaseFilePage(page).expectOpen(b!);
  await expect(queue.bulkBar).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(queue.table).toBeVisible();
  await expect(queue.bulkBar).toBeVisible();
});

// A view is its filters, not a page of them: its chip stays lit while a person pages through it, and a
// view saved on page 2 is kept without the page (it opens at its first page).
test('a view of one’s own stays lit on its second page and is saved without the page', async ({ page, desk }) => {
  test.setTimeout(180_000);
  await setUpDesk(page, desk.url);
  await cases(page, 51);
  const queue = new QueuePage(page);
  await queue.searchFor('田中');
  await queue.expectTotal(51);
  await page.getByRole('button', { name: queue.t('queue.page.next'), exact: true }).click();
  await expect(page).toHaveURL(/page=2/);

  await page.getByRole('button', { name: queue.t('views.save') }).click();
  const dialog = page.getByRole('dialog', { name: queue.t('views.saveTitle') });
  await dialog.getByRole('textbox', { name: queue.t('views.name') }).fill('田中さん');
  await dialog.getByRole('button', { name: queue.t('views.save') }).click();
  await expect(dialog).toBeHidden();
  const chip = page.getByRole('button', { name: '田中さん', exact: true });
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  const [saved] = await call(page, 'views.list', {});
  expect(saved?.params).toBe('search=%E7%94%B0%E4%B8%AD');

  await page.getByRole('button', { name: queue.t('queue.page.number', { n: 1 }), exact: true }).click();
  await expect(page).not.toHaveURL(/page=2/);
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: queue.t('queue.page.next'), exact: true }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
});
