// Reports end to end (browser mode): a supervisor opens Reports, changes the period, clicks the overdue
// figure and lands on exactly those cases in the queue, prints the compliance pack, and clicks a chart bar.
import { expect, test } from './fixtures.ts';
import { call, createCase, japanTimeDaysAgo } from './pages/api.ts';
import { setUpDesk } from './pages/flows.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { QueuePage } from './pages/QueuePage.ts';
import { ReportsPage } from './pages/ReportsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { periodContaining } from '../../renderer/src/features/reports/periods.ts';
import type { Report } from '../../electron/contract/index.ts';

// The pack prints from a sandboxed frame without scripts; the trace recorder's injected script would be
// blocked there and counted as a page error (as in letters.spec.ts).
test.use({ trace: 'off' });

test('reports: period, overdue figure → exactly those cases in the queue, print the pack', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const old1 = await createCase(page, { arrivedAt: japanTimeDaysAgo(30), memberName: '古川 一郎', memberEmail: 'ichiro@example.jp' });
  const old2 = await createCase(page, { type: 'correction', kinds: ['correct'], arrivedAt: japanTimeDaysAgo(45), memberName: '古川 二郎', memberEmail: 'jiro@example.jp' });
  await createCase(page, { memberName: '新井 三郎', memberEmail: 'saburo@example.jp' });
  await call(page, 'cases.startReview', { id: old1.id });

  const shell = new ShellPage(page);
  await shell.open('reports');
  const reports = new ReportsPage(page);
  await reports.expectVisible();
  const today = (await call(page, 'reports.get', periodContaining('month', new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10)))).today;
  const month = periodContaining('month', today);
  await expect(reports.range).toHaveText(reports.t('reports.range', { ...month }));

  // The fiscal year (April to March) holding today: its received figure is what the desk counts for it.
  await reports.periodKind('fiscal');
  const fiscal = periodContaining('fiscal', today);
  await expect(reports.range).toHaveText(reports.t('reports.range', { ...fiscal }));
  const expected: Report = await call(page, 'reports.get', fiscal);
  await expect(reports.figure('received')).toHaveAttribute('data-value', String(expected.received));
  await reports.previous();
  await expect(reports.range).toHaveText(reports.t('reports.range', { ...periodContaining('fiscal', `${Number(fiscal.from.slice(0, 4)) - 1}-06-01`) }));
  await reports.periodKind('month');

  // Both old requests are past their due date now; the new one is not.
  await expect(reports.figure('open.overdue')).toHaveAttribute('data-value', '2');
  await reports.figure('open.overdue').click();
  const queue = new QueuePage(page);
  await queue.expectVisible();
  await expect(page.getByTestId('queue-report-filter')).toBeVisible();
  await expect(queue.total).toHaveAttribute('data-total', '2');
  expect((await queue.references()).sort()).toEqual([old1.reference, old2.reference].sort());

  // The pack: the desk renders it with the audit log's head hash, and the browser prints it.
  await shell.open('reports');
  await reports.expectVisible();
  const packResponse = page.waitForResponse((r) => r.url().endsWith('/api/reports.pack'));
  await page.getByTestId('reports-print').click();
  const pack = (await (await packResponse).json()) as { ok: boolean; value: { html: string; auditHead: string } };
  expect(pack.ok).toBe(true);
  expect(pack.value.auditHead).toMatch(/^[0-9a-f]{64}$/);
  expect(pack.value.html).toContain(pack.value.auditHead);
  await expect(page.getByTestId('reports-print')).not.toHaveAttribute('data-loading', 'true');

  // A chart bar opens its cases too: this month's disclosures (the first series' bar).
  const thisMonth: Report = await call(page, 'reports.get', month);
  expect(thisMonth.monthly).toHaveLength(1);
  await page.getByTestId('chart-monthly').locator('.recharts-bar-rectangle path').first().click();
  await queue.expectVisible();
  await expect(page.getByTestId('queue-report-filter')).toBeVisible();
  await expect(queue.total).toHaveAttribute('data-total', String(thisMonth.monthly[0]!.received.disclosure));
});

test('legal hold: a supervisor places it from the case file with a reason; the header, the timeline and the queue show it; lifted, it is gone', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const c = await createCase(page, { memberName: '保全 花子', memberEmail: 'hanako@example.jp' });
  await page.reload(); // the case was made through the API, not the screen: the queue reads afresh
  const shell = new ShellPage(page);
  const queue = new QueuePage(page);
  await queue.expectVisible();
  await queue.open(c.reference);
  const file = new CaseFilePage(page);
  await file.expectOpen(c.reference);

  const panel = file.root.getByTestId('legal-hold');
  await expect(panel).toHaveAttribute('data-held', 'false');
  await panel.getByTestId('legal-hold-toggle').click();
  const dialog = page.getByRole('dialog', { name: file.t('legalHold.place') });
  await expect(dialog.getByTestId('legal-hold-submit')).toBeDisabled(); // a hold says why
  await dialog.getByTestId('legal-hold-reason-input').fill('訴訟対応のため保存（令和8年(ワ)第123号）');
  await dialog.getByTestId('legal-hold-submit').click();
  await expect(dialog).toBeHidden();
  await expect(panel).toHaveAttribute('data-held', 'true');
  await expect(panel.getByTestId('legal-hold-reason')).toHaveText('訴訟対応のため保存（令和8年(ワ)第123号）');
  await expect(page.getByTestId('case-legal-hold')).toHaveText(file.t('legalHold.badge'));
  await expect(page.getByText(file.t('event.legal_hold'), { exact: true })).toBeVisible();

  await shell.open('queue');
  await queue.expectVisible();
  await expect(queue.row(c.reference).getByTestId('legal-hold')).toBeVisible();

  await queue.open(c.reference);
  await file.expectOpen(c.reference);
  await panel.getByTestId('legal-hold-toggle').click();
  const lift = page.getByRole('dialog', { name: file.t('legalHold.lift') });
  await lift.getByTestId('legal-hold-reason-input').fill('訴訟終了');
  await lift.getByTestId('legal-hold-submit').click();
  await expect(lift).toBeHidden();
  await expect(panel).toHaveAttribute('data-held', 'false');
  await expect(page.getByTestId('case-legal-hold')).toHaveCount(0);
});
