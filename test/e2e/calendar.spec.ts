// The desk calendar: a supervisor closes the desk on a business day between an open case's day 0 and
// its due date; the desk answers with the cases whose due date moved, the case file and the queue show
// the new date, and removing the closure moves it back. Years whose equinox days are not announced
// say so.
import { expect, test } from './fixtures.ts';
import { call, createCase, japanTimeDaysAgo } from './pages/api.ts';
import { CalendarPage } from './pages/CalendarPage.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { setUpDesk } from './pages/flows.ts';
import { QueuePage } from './pages/QueuePage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { cabinetOfficeDays, syukujitsuBytes } from '../support/holiday-file.ts';

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

test('a closure between day 0 and the due date moves the due date by one business day', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const c = await createCase(page, { memberName: '伊藤 さくら', memberKana: 'イトウ サクラ', memberEmail: 'sakura@example.jp', arrivedAt: japanTimeDaysAgo(1, '10:30') });
  const before = (await call(page, 'cases.get', { id: c.id })).deadline;

  // The closed days the core knows around the case, to pick a business day and say where the due date must go.
  const years = [...new Set([before.dayZero.slice(0, 4), before.due.slice(0, 4), nextDay(before.due).slice(0, 4)])].map(Number);
  const closed = new Set<string>();
  for (const year of [...years, Math.max(...years) + 1]) for (const d of (await call(page, 'calendar.year', { year })).closedDays) closed.add(d.date);
  let closure = nextDay(before.dayZero);
  while (closed.has(closure)) closure = nextDay(closure);
  expect(closure <= before.due).toBe(true);
  let expected = nextDay(before.due);
  while (closed.has(expected) || expected === closure) expected = nextDay(expected);

  const shell = new ShellPage(page);
  await shell.open('calendar');
  const calendar = new CalendarPage(page);
  await calendar.expectVisible();
  await calendar.goToYear(Number(closure.slice(0, 4)));
  await expect(calendar.day(closure)).toHaveAttribute('data-kind', 'business');
  await calendar.addDay(closure, 'closed', '臨時休業（設備点検）', 'Closed for maintenance');

  await expect(calendar.moved).toHaveAttribute('data-count', '1');
  await expect(calendar.moved).toContainText(calendar.t('calendar.moved.title', { n: 1 }));
  await expect(calendar.movedCase(c.reference)).toHaveAttribute('data-old-due', before.due);
  await expect(calendar.movedCase(c.reference)).toHaveAttribute('data-new-due', expected);
  await expect(calendar.day(closure)).toHaveAttribute('data-kind', 'desk');
  await expect(calendar.deskDay(closure)).toContainText('臨時休業（設備点検）');
  await expect(calendar.deskDay(closure)).toContainText('sato');

  // The link opens the case with its new due date, and the history says why it moved.
  await calendar.movedCase(c.reference).getByRole('button', { name: c.reference }).click();
  const file = new CaseFilePage(page);
  await file.expectOpen(c.reference);
  expect(await file.due()).toBe(expected);
  expect(await file.deadlineHistory()).toEqual(['received', 'due_recomputed']);

  await shell.open('queue');
  await new QueuePage(page).expectRow(c.reference, { due: expected });

  // Taking the closure away moves it back.
  await shell.open('calendar');
  await calendar.goToYear(Number(closure.slice(0, 4)));
  await calendar.removeDay(closure);
  await expect(calendar.movedCase(c.reference)).toHaveAttribute('data-new-due', before.due);
  await expect(calendar.deskDay(closure)).toHaveCount(0);

  // An extra open day on a Saturday with no case near it moves nothing.
  await calendar.goToYear(2030);
  await calendar.addDay('2030-06-01', 'open', '土曜特別対応', 'Saturday opening');
  await expect(calendar.moved).toHaveAttribute('data-count', '0');
  await expect(calendar.moved).toContainText(calendar.t('calendar.moved.none'));
  await expect(calendar.day('2030-06-01')).toHaveAttribute('data-kind', 'open');
});

test('the year view marks holidays, the year-end closure and provisional equinox days', async ({ page, desk }) => {
  await setUpDesk(page, desk.url, 'en');
  const shell = new ShellPage(page, 'en');
  await shell.open('calendar');
  const calendar = new CalendarPage(page, 'en');
  await calendar.goToYear(2026);
  await expect(calendar.provisionalBanner).toHaveCount(0);
  // A substitute holiday (振替休日) and the citizens' holiday (国民の休日) of 2026.
  await expect(calendar.day('2026-05-06')).toHaveAttribute('data-kind', 'holiday');
  await expect(calendar.day('2026-09-22')).toHaveAttribute('data-kind', 'holiday');
  await expect(calendar.day('2026-12-29')).toHaveAttribute('data-kind', 'year-end');
  await expect(calendar.day('2026-12-26')).toHaveAttribute('data-kind', 'weekend');
  await expect(calendar.day('2026-12-25')).toHaveAttribute('data-kind', 'business');
  // Reasons in the UI language, as the core names them.
  const may6 = (await call(page, 'calendar.year', { year: 2026 })).closedDays.find((d) => d.date === '2026-05-06')!;
  await expect(page.getByTestId('closed-days').locator('tr[data-date="2026-05-06"]')).toContainText(may6.reasonEn);
  await shell.switchLanguage('ja');
  await expect(page.getByTestId('closed-days').locator('tr[data-date="2026-05-06"]')).toContainText(may6.reasonJa);
  await shell.switchLanguage('en');

  await calendar.goToYear(2028);
  await expect(calendar.provisionalBanner).toContainText(calendar.t('calendar.provisional.title', { year: 2028 }));
  await expect(page.locator('[data-testid="calendar-months"] [data-provisional="true"]').first()).toBeVisible();
});

test("a supervisor imports the Cabinet Office's holiday list: the differences first, then the year is certain", async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('calendar');
  const calendar = new CalendarPage(page);
  await calendar.goToYear(2028);
  await expect(calendar.provisionalBanner).toBeVisible();

  // 2028 as the government might announce it: 秋分の日 on 9/21 rather than the formula's 9/22.
  const days = cabinetOfficeDays(2026, 2028)
    .filter((d) => d.date !== '2028-09-22')
    .concat([{ date: '2028-09-21', name: '秋分の日' }]);
  await page.getByTestId('holiday-import').locator('input[type="file"]').setInputFiles({ name: 'syukujitsu.csv', mimeType: 'text/csv', buffer: Buffer.from(syukujitsuBytes(days)) });
  const preview = page.getByTestId('holiday-preview');
  await expect(preview).toContainText(calendar.t('holidays.import.encoding', { encoding: 'Shift_JIS (CP932)' }));
  await expect(preview.getByTestId('holiday-added')).toContainText('秋分の日');
  await expect(preview.getByTestId('holiday-removed')).toContainText('秋分の日');
  // Nothing is stored before the supervisor confirms.
  expect((await call(page, 'calendar.year', { year: 2028 })).provisional).toBe(true);
  await preview.getByRole('button', { name: calendar.t('holidays.import.confirm') }).click();

  await expect(page.getByTestId('holiday-import-done')).toContainText(calendar.t('holidays.import.done', { count: 3 }));
  await expect(calendar.provisionalBanner).toHaveCount(0);
  await expect(calendar.day('2028-09-21')).toHaveAttribute('data-kind', 'holiday');
  await expect(calendar.day('2028-09-22')).toHaveAttribute('data-kind', 'business');
  await expect(page.getByTestId('holidays-known-through')).toContainText(calendar.t('holidays.knownThrough', { year: 2028 }));

  // A file that is not the list is refused with its reason; the import stays.
  await page.getByTestId('holiday-import').locator('input[type="file"]').setInputFiles({ name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from('日付,名前\r\n2028/1/1,元日\r\n') });
  await expect(page.getByTestId('holiday-import')).toContainText('内閣府の祝日一覧ではありません');
  await expect(calendar.day('2028-09-21')).toHaveAttribute('data-kind', 'holiday');
});
