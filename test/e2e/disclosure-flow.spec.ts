// The whole life of a disclosure request, as the desk works it: an agent takes it in, checks identity,
// pauses for the fee, records it and resumes, decides "disclosed in part" citing ground 1; a second
// supervisor finds it by a kana fragment, approves it, records the decision notice and closes it. The
// queue, the search and the timeline show each step; the due date on screen is always the core's.
import { expect, test } from './fixtures.ts';
import { call } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { firstLogin, setUpDesk } from './pages/flows.ts';
import { IntakePage } from './pages/IntakePage.ts';
import { QueuePage } from './pages/QueuePage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';

test('disclosure: intake → identity → pause for the fee → fee → resume → decide → approve (four eyes) → notice → close', async ({ page, desk }) => {
  // The longest walk through the UI: on a loaded shared machine it needs more than the default 90 s.
  test.setTimeout(240_000);
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  const settings = new SettingsPage(page);
  await settings.openTab('accounts');
  const agentOtp = await settings.addAccount('tanaka', '田中 一郎', 'agent');
  const secondOtp = await settings.addAccount('suzuki', '鈴木 次郎', 'supervisor');

  // ── The agent takes the request in.
  await firstLogin(page, 'tanaka', agentOtp, 'tanaka-no-himitsu-no-kotoba');
  const queue = new QueuePage(page);
  await queue.newRequest();
  const intake = new IntakePage(page);
  await intake.expectVisible();
  await intake.fill({
    type: 'disclosure',
    delivery: 'paper',
    channel: 'post',
    memberName: '山田 太郎',
    memberKana: 'ヤマダ タロウ',
    // Typed with the IME on: the contract normalises full-width letters, digits and ＠.
    memberEmail: 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ',
    memberPostalCode: '１６０－００２３',
    memberAddress: '東京都新宿区西新宿1-1-1',
    requestText: '貴社が保有する私の個人情報と、第三者に提供した記録の開示を請求します。\n書面でお送りください。',
  });
  await intake.submit();

  const file = new CaseFilePage(page);
  await file.expectOpen();
  const reference = await file.reference();
  expect(reference).toMatch(/^PD-\d{4}-\d{5}$/);
  const id = Number(await file.root.getAttribute('data-case-id'));
  await file.expectStatus('received');
  await expect(file.section('request')).toContainText('taro@example.jp');
  await expect(file.section('request')).toContainText('〒160-0023');
  const atIntake = await call(page, 'cases.get', { id });
  expect(await file.due()).toBe(atIntake.deadline.due);

  await file.backToQueue();
  await queue.expectRow(reference, { status: 'received', due: atIntake.deadline.due });

  await queue.open(reference);
  await file.confirm('startReview');
  await file.expectStatus('in_review');
  await expect(file.root.getByTestId('case-assignee')).toHaveText('tanaka');

  await file.recordIdentityCheck(true, [{ type: 'drivers_license', issuedOn: '2024-04-01', note: '写し（表・裏）' }]);
  await expect(file.section('identity').getByTestId('identity-check')).toHaveAttribute('data-verified', 'true');

  // ── Waiting for the fee stops the clock.
  await file.pause('fee', '定額小為替（1,000円）の到着待ち');
  await file.expectStatus('awaiting_requester');
  await expect(file.deadline).toHaveAttribute('data-urgency', 'paused');
  await expect(page.getByTestId('paused-since')).toContainText('定額小為替（1,000円）の到着待ち');
  await file.backToQueue();
  await queue.view('awaiting_requester');
  await queue.expectRow(reference, { status: 'awaiting_requester', urgency: 'paused' });

  await queue.open(reference);
  await file.recordFee({ amount: 1000, method: 'postal_money_order', note: '定額小為替 1枚' });
  await expect(file.section('fee').getByTestId('fee-balance')).toHaveText(file.t('fee.settled'));
  await file.withReason('resume', '手数料を受領');
  await file.expectStatus('in_review');
  await expect(file.deadline).not.toHaveAttribute('data-urgency', 'paused');
  expect(await file.deadlineHistory()).toEqual(['received', 'pause', 'resume']);
  const afterResume = await call(page, 'cases.get', { id });
  expect(afterResume.deadline.history.map((h) => h.type)).toEqual(['pause', 'resume']);
  expect(await file.due()).toBe(afterResume.deadline.due);

  // ── The agent decides; approval is a supervisor's, never the decider's.
  await file.decide({ outcome: 'disclosed_partial', grounds: ['harm_to_interests'], reasoning: '第三者の個人情報を含む部分は、その者の権利利益を害するおそれがあるため開示しません。' });
  await file.expectStatus('decided');
  await expect(file.section('decision').getByTestId('decision-outcome')).toHaveAttribute('data-outcome', 'disclosed_partial');
  await expect(file.section('decision').locator('[data-ground="harm_to_interests"]')).toBeVisible();
  await expect(file.actionButton('approve')).toHaveCount(0);
  await expect(file.hint).toHaveText(file.t('caseFile.hint.supervisorApproves'));

  // ── A second supervisor finds it by typing part of the kana reading in hiragana.
  await firstLogin(page, 'suzuki', secondOtp, 'suzuki-no-himitsu-no-kotoba');
  await queue.searchFor('やまだ');
  await queue.expectRow(reference, { status: 'decided' });
  await expect(queue.rows).toHaveCount(1);
  await queue.open(reference);
  await file.confirm('approve');
  await file.expectStatus('approved');
  await expect(file.section('decision').getByTestId('approved-by')).toContainText('suzuki');

  await file.recordNotice('decision', 'letter', '簡易書留 1234-5678');
  await file.expectStatus('notified');
  await file.confirm('close');
  await file.expectStatus('closed');
  await expect(file.deadline).toHaveAttribute('data-urgency', 'done');
  expect(await file.timelineKinds()).toEqual(['received', 'status', 'identity_check', 'pause', 'fee', 'resume', 'decision', 'approval', 'notice', 'closed']);
  await expect(file.section('timeline')).toContainText(file.t('outcome.disclosed_partial'));
  await expect(file.section('timeline')).toContainText('tanaka');
  await expect(file.section('timeline')).toContainText('suzuki');

  // ── Closed: a search still finds it whatever the tab, and says it is under 完了; Enter opens the one hit.
  await file.backToQueue();
  await queue.searchFor('やまだ');
  await queue.expectRow(reference, { status: 'closed', urgency: 'done' });
  await expect(queue.row(reference).getByTestId('search-tab')).toHaveAttribute('data-tab', 'closed');
  await queue.search.press('Enter');
  await file.expectStatus('closed');
  // ── And listed under 完了.
  await file.backToQueue();
  await queue.searchFor('');
  await queue.view('closed');
  await queue.expectRow(reference, { status: 'closed', urgency: 'done' });
});

test('a supervisor who decided a case is told why approval is not offered', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const c = await call(page, 'cases.create', {
    type: 'correction',
    kinds: ['correct'],
    channel: 'email',
    arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    requesterKind: 'member',
    memberName: '高橋 実',
    memberKana: 'タカハシ ミノル',
    memberEmail: 'minoru@example.jp',
    requestText: '登録住所が古いので訂正してください。',
  });
  await call(page, 'cases.startReview', { id: c.id });
  await call(page, 'cases.recordIdentityCheck', { id: c.id, verified: true, documents: [{ type: 'my_number_card' }] });
  const queue = new QueuePage(page);
  await page.reload();
  await queue.open(c.reference);
  const file = new CaseFilePage(page);

  // A supervisor may extend the due date to a later business day; the history keeps the step.
  const before = await call(page, 'cases.get', { id: c.id });
  const closed = new Set((await call(page, 'calendar.year', { year: Number(before.deadline.due.slice(0, 4)) })).closedDays.map((d) => d.date));
  for (const d of (await call(page, 'calendar.year', { year: Number(before.deadline.due.slice(0, 4)) + 1 })).closedDays) closed.add(d.date);
  let later = before.deadline.due;
  for (let n = 0; n < 3; ) {
    later = new Date(Date.parse(`${later}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (!closed.has(later)) n++;
  }
  await file.extend(later, '調査に時間を要するため');
  expect(await file.due()).toBe(later);
  await expect(file.root.getByTestId('extended')).toBeVisible();
  expect(await file.deadlineHistory()).toEqual(['received', 'extend']);
  await file.addNote('住所変更の届出を確認中。');
  await expect(file.section('notes')).toContainText('住所変更の届出を確認中。');

  await file.decide({ outcome: 'done', reasoning: '' });
  await file.expectStatus('decided');
  await expect(file.actionButton('approve')).toHaveCount(0);
  await expect(file.actionButton('returnForRevision')).toBeVisible();
  await expect(file.hint).toHaveText(file.t('caseFile.hint.fourEyes'));
});
