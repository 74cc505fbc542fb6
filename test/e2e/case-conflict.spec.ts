// Two people acting on one case: the screen sends the version of the case file it shows, so a change
// made meanwhile (by a colleague on another PC of a shared desk, or in another window) is not written over.
// The move is refused with who changed the case and when, and once reloaded the person sees that change.
import { expect, test } from './fixtures.ts';
import { call, createCase } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { setUpDesk, supervisor } from './pages/flows.ts';

test('a move from a case file that is out of date is refused with who changed it and when; reloaded, the change is there', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const c = await createCase(page, { memberName: '山田 太郎' });
  await page.goto(`${new URL(desk.url).origin}/#/cases/${c.reference}`);
  const file = new CaseFilePage(page);
  await file.expectOpen(c.reference);
  await file.expectStatus('received');

  // Meanwhile, behind this screen's back: the case is assigned (as another PC would).
  await call(page, 'cases.assign', { id: c.id, assignee: supervisor.username });

  await file.actionButton('startReview').click();
  const dialog = file.dialog('startReview');
  await dialog.getByRole('button', { name: file.t('action.startReview'), exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(`${c.reference} は ${supervisor.displayName} が`);
  await expect(alert).toContainText('再読み込みして確認してください');
  // Nothing of the refused move was written.
  expect((await call(page, 'cases.get', { id: c.id })).case.status).toBe('received');

  await page.reload();
  await file.expectOpen(c.reference);
  await expect.poll(() => file.timelineKinds()).toContain('assigned');
  await file.confirm('startReview');
  await file.expectStatus('in_review');
});
