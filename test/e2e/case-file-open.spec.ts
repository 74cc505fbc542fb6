// Opening a case asks the desk for the case (and its correspondence) only: the staff directory is asked for
// by the dialog that offers it (assign), and that dialog still lists everyone a case can go to. The file's
// lower sections follow its header at once.
import { expect, test } from './fixtures.ts';
import { call, createCase, watchCalls } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { setUpDesk } from './pages/flows.ts';
import { QueuePage } from './pages/ShellPage.ts';

test('opening a case does not ask for the staff directory; the assign dialog lists the staff and assigns', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await call(page, 'accounts.create', { username: 'tanaka', displayName: '田中 一郎', role: 'agent' });
  const c = await createCase(page, { memberName: '鈴木 一郎' });
  const calls = watchCalls(page);
  await page.reload();

  const queue = new QueuePage(page);
  const file = new CaseFilePage(page);
  await expect(queue.row(c.reference)).toBeVisible();
  // The queue has asked for everything it shows (its filters ask for the staff directory); from here on,
  // every call is the case's.
  await calls.settled();
  calls.asked.length = 0;
  const asked = calls.asked;
  await queue.open(c.reference);
  await file.expectOpen(c.reference);
  // Every section is there too (drawn right after the header).
  await expect(file.root).toHaveAttribute('data-sections', 'all');
  await expect(file.section('timeline')).toBeVisible();
  expect(asked).toContain('cases.get');
  // The case and its correspondence, nothing else (no staff directory, no second queue page).
  expect(asked.filter((m) => m !== 'cases.get' && m !== 'inbox.thread')).toEqual([]);

  await file.actionButton('assign').click();
  const dialog = file.dialog('assign');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: file.t('caseFile.assignee'), exact: true }).click();
  await page.getByRole('option', { name: '田中 一郎 (tanaka)' }).click();
  await dialog.getByRole('button', { name: file.t('caseFile.assignSave'), exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(file.root.getByTestId('case-assignee')).toHaveText('tanaka');
});
