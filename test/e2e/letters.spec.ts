// Printed notices end to end (browser mode): a correction request from a member without an email address,
// approved by a second supervisor, is on the Letters list; its preview (a sandboxed frame) shows the
// reference and the era date; recorded as printed it moves the case to "notified" and leaves the list;
// a reprint from the case file is a timeline event only; the case closes. A letter to a member with no
// postal address is flagged, and "print selected" (the browser's print on a hidden frame) records it.
import { expect, test } from './fixtures.ts';
import type { Results } from '../../electron/contract/index.ts';
import { call, createCase } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { firstLogin, setUpDesk } from './pages/flows.ts';
import { LettersPage } from './pages/LettersPage.ts';
import { QueuePage } from './pages/QueuePage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';

// Playwright's trace recorder injects a script into every frame to snapshot it; the letter frame's
// sandbox allows no script (by design), so Chromium logs "Blocked script execution in 'about:srcdoc'"
// for each snapshot, which the fixture counts as a page error. No trace here; screenshots still are.
test.use({ trace: 'off' });

test('letters: approved case without email → Letters → preview → recorded as printed → notified → reprint → closed', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const shell = new ShellPage(page);
  await shell.open('settings');
  const settings = new SettingsPage(page);
  await settings.openTab('accounts');
  const otp = await settings.addAccount('suzuki', '鈴木 次郎', 'supervisor');

  // A: answered on paper (no email), decided by sato …
  const a = await createCase(page, {
    type: 'correction',
    kinds: ['correct'],
    delivery: null,
    memberName: '中村 恵子',
    memberKana: 'ナカムラ ケイコ',
    memberEmail: '',
    memberPostalCode: '530-0001',
    memberAddress: '大阪府大阪市北区梅田1-1-1',
    requestText: '電話番号の登録が誤っているので訂正してください。',
  });
  await call(page, 'cases.startReview', { id: a.id });
  await call(page, 'cases.recordIdentityCheck', { id: a.id, verified: true, documents: [{ type: 'my_number_card' }] });
  await call(page, 'cases.decide', { id: a.id, outcome: 'done', reasoning: '' });
  // B: asked for a paper copy but gave no postal address: its acknowledgement cannot go in a window envelope.
  const b = await createCase(page, { memberName: '小林 誠', memberKana: 'コバヤシ マコト', memberEmail: 'makoto@example.jp', memberAddress: '', memberPostalCode: '', delivery: 'paper' });

  // … and approved by suzuki.
  await firstLogin(page, 'suzuki', otp, 'suzuki-no-himitsu-no-kotoba');
  await call(page, 'cases.approve', { id: a.id });

  await shell.open('letters');
  const letters = new LettersPage(page);
  await letters.expectVisible();
  const rowA = letters.row(a.reference, 'decision');
  await expect(rowA).toContainText(letters.o('letters.reason.no_email'));
  await expect(rowA).toHaveAttribute('data-has-address', 'true');
  const rowB = letters.row(b.reference, 'acknowledgement');
  await expect(rowB).toContainText(letters.o('letters.reason.paper_requested'));
  await expect(rowB.getByTestId('no-address')).toHaveText(letters.o('letters.address.missing'));

  // ── The preview is the printed letter: reference, era date, member.
  const dialog = await letters.preview(a.reference, 'decision');
  const sheet = letters.frame(dialog);
  await expect(sheet.locator('body')).toContainText(a.reference);
  await expect(sheet.locator('body')).toContainText('令和');
  await expect(sheet.locator('body')).toContainText('中村 恵子');
  await letters.recordPrinted(dialog);
  await expect(dialog).toBeHidden();
  await expect(rowA).toHaveCount(0);

  // ── The case is notified by letter; a second copy from the case file is a reprint, not a second notice.
  await shell.open('queue');
  await new QueuePage(page).open(a.reference);
  const file = new CaseFilePage(page);
  await file.expectStatus('notified');
  await expect(file.section('notices').locator('tr[data-kind="decision"]')).toContainText(file.t('noticeChannel.letter'));
  await file.section('notices').getByTestId('case-letter-button').click();
  const fromFile = page.getByRole('dialog').filter({ has: page.getByTestId('letter-preview') });
  await expect(letters.frame(fromFile).locator('body')).toContainText(a.reference);
  await letters.recordPrinted(fromFile);
  await expect(page.getByText(letters.o('letters.recordedReprint', { reference: a.reference }))).toBeVisible();
  await expect(file.section('notices').locator('tr[data-kind="decision"]')).toHaveCount(1);
  await file.expectStatus('notified');
  await file.confirm('close');
  await file.expectStatus('closed');

  // ── "Print selected": the browser's print on a hidden sandboxed frame, then "did it print?".
  await shell.open('letters');
  await letters.row(b.reference, 'acknowledgement').getByRole('checkbox').check();
  await expect(page.getByTestId('letters-no-address')).toBeVisible();
  await page.getByRole('button', { name: letters.o('letters.printSelected', { n: 1 }), exact: true }).click();
  await letters.confirmPrinted();
  await expect(page.getByTestId('letters-empty')).toBeVisible();
  const afterB = await call(page, 'cases.get', { id: b.id });
  expect(afterB.notices.map((n) => [n.kind, n.channel])).toEqual([['acknowledgement', 'letter']]);
});

// Issue 10, duplex: in a browser the desk cannot know a letter's page count, so one document for the whole
// batch would put the next member's letter on the back of an odd-paged letter's last sheet. "Print all"
// prints each letter as its own job: one print() per letter, in list order, and no printed document holds
// two members' names. print() is replaced in each letter frame from this page (same origin; the frame
// itself runs no script), by a capture-phase load listener that runs before the desk's own.
test('letters: browser "print all" prints each letter as its own job', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const members = [
    { memberName: '中村 恵子', memberKana: 'ナカムラ ケイコ' },
    { memberName: '小林 誠', memberKana: 'コバヤシ マコト' },
    { memberName: '加藤 由美', memberKana: 'カトウ ユミ' },
  ];
  const made: Results['cases.create'][] = [];
  for (const m of members) made.push(await createCase(page, { ...m, memberEmail: '', delivery: 'paper' }));

  const shell = new ShellPage(page);
  await shell.open('letters');
  const letters = new LettersPage(page);
  await letters.expectVisible();
  for (const c of made) await expect(letters.row(c.reference, 'acknowledgement')).toBeVisible();
  await expect(page.getByTestId('letters-one-job-each')).toHaveText(letters.o('letters.browserOneJobEach'));
  const order = await page.getByTestId('letters-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')));

  // Installed now, not as an init script: those run in every frame, and the letter frame refuses scripts.
  // On the document (a frame's load event never reaches window); a string: the e2e tsconfig has no DOM types.
  await page.evaluate(`(() => {
    const printed = (window.__printed = []);
    document.addEventListener('load', (e) => {
      const frame = e.target;
      if (!(frame instanceof HTMLIFrameElement) || !frame.contentWindow) return;
      const doc = frame.contentDocument;
      frame.contentWindow.print = () => printed.push(doc ? doc.body.innerText : '');
    }, true);
  })()`);
  await page.getByRole('button', { name: letters.o('letters.printAll'), exact: true }).click();
  await letters.confirmPrinted(members.length);
  await expect(page.getByTestId('letters-empty')).toBeVisible();

  const printed = await page.evaluate<string[]>('window.__printed');
  expect(printed).toHaveLength(members.length);
  printed.forEach((text, i) => {
    const own = made.find((c) => c.reference === order[i])!;
    expect(text).toContain(own.reference);
    const names = members.map((m) => m.memberName).filter((n) => text.includes(n));
    expect(names).toEqual([members[made.indexOf(own)]!.memberName]);
  });
});
