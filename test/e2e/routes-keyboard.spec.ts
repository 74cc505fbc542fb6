// A desk with addresses and a keyboard: a link to a case survives a reload, Back/Forward move between
// the queue and a case, the whole path queue → case → action → back works with no mouse, a view of
// one's own is still there after lock/unlock, and axe finds no serious or critical problem on any screen
// in Japanese or English.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { createCase, japanTimeDaysAgo } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { setUpDesk, supervisor } from './pages/flows.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { QueuePage, ShellPage } from './pages/ShellPage.ts';

async function threeCases(page: Page) {
  const out = [];
  for (const [i, name] of ['田中 太郎', '佐藤 花子', '長谷川 翔太'].entries()) {
    out.push(await createCase(page, { memberName: name, memberKana: 'タナカ', arrivedAt: japanTimeDaysAgo(3 - i, '10:00') }));
  }
  await page.reload();
  return out;
}

/** Presses Tab until `name` has the focus (a keyboard user's way to a control), at most `max` times. */
async function tabTo(page: Page, name: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = ((await page.locator(':focus').first().innerText({ timeout: 2000 }).catch(() => '')) ?? '').trim();
    if (focused === name) return;
  }
  throw new Error(`Tab never reached “${name}”`);
}

test('a case has an address: deep link after reload, Back and Forward', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const [a, b] = await threeCases(page);
  const origin = new URL(desk.url).origin;

  await page.goto(`${origin}/#/cases/${b!.reference}`);
  const file = new CaseFilePage(page);
  await file.expectOpen(b!.reference);
  await page.reload();
  await file.expectOpen(b!.reference);

  // From the queue (filters in the address) to a case and back again.
  await page.goto(`${origin}/#/queue?search=${encodeURIComponent('田中')}`);
  const queue = new QueuePage(page);
  await expect(queue.rows).toHaveCount(1);
  await expect(queue.search).toHaveValue('田中');
  await queue.open(a!.reference);
  await file.expectOpen(a!.reference);
  expect(page.url()).toContain(`#/cases/${a!.reference}`);
  await page.goBack();
  await expect(queue.rows).toHaveCount(1);
  await expect(queue.search).toHaveValue('田中');
  await page.goForward();
  await file.expectOpen(a!.reference);
});

// Esc right after an action: the action dialog used to lose its name as it began to fade, so "dialog hidden"
// held while it was still on screen and the shortcut (which leaves Esc to an open dialog) ignored the key.
test('keyboard only: / search, j/k, Enter, an action, Esc back, g o, ? and the palette', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const cases = await threeCases(page);
  const queue = new QueuePage(page);
  await expect(queue.rows).toHaveCount(3);
  const order = await queue.references();

  await page.keyboard.press('/');
  await expect(queue.search).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await expect(queue.row(order[0]!)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await expect(queue.row(order[1]!)).toBeFocused();
  await page.keyboard.press('Enter');
  const file = new CaseFilePage(page);
  await file.expectOpen(order[1]!);

  // An action, reached and confirmed from the keyboard.
  await tabTo(page, file.t('action.startReview'));
  await page.keyboard.press('Enter');
  const dialog = file.dialog('startReview');
  await expect(dialog).toBeVisible();
  await tabTo(page, file.t('action.startReview'));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await file.expectStatus('in_review');

  // Esc (outside a field or dialog) goes back to the list it came from; the queue shows the change.
  await page.locator('body').press('Escape');
  await expect(queue.rows).toHaveCount(3);
  await expect(queue.row(order[1]!)).toContainText(queue.t('status.in_review'));

  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await expect(new ShellPage(page).navItem('outbox')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-list')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('textbox', { name: file.t('palette.placeholder') })).toBeFocused();
  await page.keyboard.type(cases[2]!.reference.toLowerCase());
  await page.keyboard.press('Enter');
  await file.expectOpen(cases[2]!.reference);

  // A reference as a Japanese IME types it (full-width letters, digits and hyphens) opens that case too.
  const fullWidth = cases[0]!.reference.replace(/[A-Za-z0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('textbox', { name: file.t('palette.placeholder') })).toBeFocused();
  await page.keyboard.type(fullWidth);
  await expect(page.getByTestId('command-palette').getByText(file.t('palette.openCase', { reference: cases[0]!.reference }))).toBeVisible();
  await page.keyboard.press('Enter');
  await file.expectOpen(cases[0]!.reference);

  // An action by its name: 「新規受付」 opens intake.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('textbox', { name: file.t('palette.placeholder') })).toHaveValue('');
  await page.keyboard.type(file.t('queue.new'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: file.t('intake.title') })).toBeVisible();
});

// A saved view reopens exactly as saved: its tab and its search (issue 11's search still looks through every
// tab and badges each hit with its tab). Session 2 left this fixme when the tab was cleared during a search.
test('a view of one’s own survives lock and unlock', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await threeCases(page);
  const queue = new QueuePage(page);
  await queue.view('closed');
  await queue.searchFor('田中');
  await expect(page).toHaveURL(/search=/);
  await page.getByRole('button', { name: queue.t('views.save') }).click();
  const dialog = page.getByRole('dialog', { name: queue.t('views.saveTitle') });
  await dialog.getByRole('textbox', { name: queue.t('views.name') }).fill('閉じた田中さん');
  await dialog.getByRole('button', { name: queue.t('views.save') }).click();
  await expect(dialog).toBeHidden();

  await new ShellPage(page).lock();
  const login = new LoginPage(page);
  await login.expectVisible();
  await login.login(supervisor.username, supervisor.password);
  // The address was kept through the lock; g q goes to the plain queue.
  await queue.expectVisible();
  await expect(queue.search).toHaveValue('田中');
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await expect(queue.search).toHaveValue('');
  await expect(queue.rows).toHaveCount(3);
  await page.getByRole('button', { name: '閉じた田中さん', exact: true }).click();
  await expect(page.getByRole('tab', { name: queue.t('queue.view.closed'), exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(queue.search).toHaveValue('田中');
});

// The owed-notice badge (light orange) was the last serious finding: light badge colours are darkened in global.css.
test('axe: no serious or critical violations on any screen, in Japanese and English', async ({ page, desk }) => {
  test.setTimeout(400_000);
  await setUpDesk(page, desk.url);
  const [c] = await threeCases(page);
  const origin = new URL(desk.url).origin;
  const screens = ['/queue', `/cases/${c!.reference}`, '/cases/new', '/inbox', '/calendar', '/outbox', '/letters', '/reports', '/settings'];
  const found: string[] = [];
  for (const lang of ['ja', 'en'] as const) {
    if (lang === 'en') await new ShellPage(page).switchLanguage('en');
    for (const path of screens) {
      await page.goto(`${origin}/#${path}`);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        found.push(`${lang} ${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      }
    }
    // The command palette (Spotlight) open over the last screen.
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: new ShellPage(page, lang).t('palette.title') })).toBeVisible();
    const palette = await new AxeBuilder({ page }).analyze();
    for (const v of palette.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) found.push(`${lang} palette: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    await page.keyboard.press('Escape');
  }
  expect(found).toEqual([]);
});

test('Escape in a date picker closes the picker only and keeps what was typed', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const [c] = await threeCases(page);
  const origin = new URL(desk.url).origin;
  await page.goto(`${origin}/#/cases/${c!.reference}`);
  const file = new CaseFilePage(page);
  await file.expectOpen(c!.reference);
  await page.getByRole('button', { name: file.t('action.extend'), exact: true }).click();
  const dialog = file.dialog('extend');
  await expect(dialog).toBeVisible();
  const due = dialog.getByRole('textbox', { name: file.t('caseFile.newDue') });
  await due.click();
  await due.pressSequentially('2030-01-1');
  const picker = page.locator('.mantine-DateInput-dropdown, .mantine-Popover-dropdown').filter({ visible: true });
  await expect(picker).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(due).toHaveValue('2030-01-1');
  // A second Escape, with no picker open, closes the dialog as usual.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
