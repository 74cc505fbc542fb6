// Issue 15 item 7: with cases in different states selected, the bulk bar offers only the moves every one of
// them allows; a move some of them do not allow is not a button that fails but a line naming those cases
// and why — and not the cases that would allow it.
import { expect, test } from './fixtures.ts';
import { call, createCase } from './pages/api.ts';
import { setUpDesk } from './pages/flows.ts';
import { QueuePage } from './pages/QueuePage.ts';

test('a mixed selection: a move only some cases allow is explained for those cases, one they all allow is offered', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const fresh = await createCase(page, { memberName: '青木 真一', memberKana: 'アオキ シンイチ', memberEmail: 'aoki@example.jp' });
  const reviewed = await createCase(page, { memberName: '石田 恵', memberKana: 'イシダ メグミ', memberEmail: 'ishida@example.jp' });
  await call(page, 'cases.startReview', { id: reviewed.id });
  await page.reload();
  const queue = new QueuePage(page);
  await queue.expectVisible();
  await queue.expectRow(reviewed.reference, { status: 'in_review' });

  await queue.select(fresh.reference);
  await queue.select(reviewed.reference);
  await expect(page.getByTestId('bulk-count')).toHaveText(queue.t('bulk.selected', { n: 2 }));
  // Starting the review suits the new case only: no button, and the case in review is named with the reason.
  await expect(queue.bulkBar.getByRole('button', { name: queue.t('action.startReview'), exact: true })).toHaveCount(0);
  const notForReviewed = queue.bulkUnavailable('startReview', 'in_review');
  await expect(notForReviewed).toContainText(reviewed.reference);
  await expect(notForReviewed).toContainText(queue.w({ code: 'WRONG_STATUS', status: 'in_review', action: 'startReview' }));
  await expect(notForReviewed).not.toContainText(fresh.reference);
  await expect(queue.bulkUnavailable('startReview', 'received')).toHaveCount(0);

  // Assigning suits both: offered, and done for both.
  await queue.bulk('assignMe');
  await expect(queue.bulkResult).toContainText(queue.t('bulk.result.assignMe', { n: 2 }));
});
