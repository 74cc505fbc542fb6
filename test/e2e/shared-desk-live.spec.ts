// Two people on two PCs of one shared desk (issue 17): two browser-mode hosts (`npm run serve --
// --database-url`, two processes) on one PostgreSQL database, each person in a browser of their own. What A
// changes shows on B's open queue and open case file without B reloading (the server's announcements →
// desk.changes → useSharedDeskRefresh). And B acting on a version of the case older than the server's —
// the moment before that refresh arrives, held here by holding B's desk.changes requests — is refused
// with who changed it and when, nothing of it written. The desk is a database of its own in the e2e run's
// throwaway cluster (pages/postgres.ts; stopped by the run's global teardown).
import type { Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { call, createCase } from './pages/api.ts';
import { CaseFilePage } from './pages/CaseFilePage.ts';
import { setUpDesk, supervisor } from './pages/flows.ts';
import { ChangePasswordPage, LoginPage } from './pages/LoginPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { startExtraHost, type ExtraHost } from './pages/hosts.ts';
import { QueuePage } from './pages/QueuePage.ts';
import { freshDatabase, type PostgresAccess } from '../support/postgres.ts';
import { e2ePostgres } from './pages/postgres.ts';

let cluster: PostgresAccess | null = null;
const hosts: ExtraHost[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000); // initdb on a busy machine
  cluster = await e2ePostgres();
});

test.afterAll(async () => {
  for (const h of hosts.splice(0)) await h.stop();
  cluster = null;
});

test('what A changes shows on B’s open queue and case file without a reload; B acting on the older version is refused with who changed it', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const database = await freshDatabase(cluster!);
  const shared = { args: ['--database-url', database.url], env: { PRIVACY_DESK_DATABASE_PASSWORD: database.password } };
  const hostA = await startExtraHost(shared);
  hosts.push(hostA);

  // A (the supervisor) sets the desk up on PC A, takes a request in and makes an account for B.
  await setUpDesk(page, hostA.url);
  const c = await createCase(page, { memberName: '山田 太郎' });
  const b = await call(page, 'accounts.create', { username: 'tanaka', displayName: '田中 一郎', role: 'agent' });

  // B, on PC B: another host process on the same database, another browser.
  const hostB = await startExtraHost(shared);
  hosts.push(hostB);
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  const errorsB: string[] = [];
  pageB.on('pageerror', (e) => errorsB.push(`uncaught: ${e.message}`));
  pageB.on('console', (m) => void (m.type() === 'error' && errorsB.push(`console: ${m.text()}`)));
  try {
    await pageB.goto(hostB.url);
    // firstLogin's steps, with the patience of a person on a busy PC: a new password wraps a key slot (scrypt).
    const login = new LoginPage(pageB, 'ja');
    await login.expectVisible();
    await login.login('tanaka', b.oneTimePassword);
    const change = new ChangePasswordPage(pageB, 'ja');
    await change.expectVisible();
    await change.change(b.oneTimePassword, 'tanaka-no-himitsu-no-kotoba');
    await expect(new ShellPage(pageB, 'ja').nav).toBeVisible({ timeout: 60_000 });
    const queueB = new QueuePage(pageB, 'ja');
    await queueB.expectVisible();
    await queueB.expectRow(c.reference, { status: 'received' });
    // Set once; a reload would lose it.
    await pageB.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    const notReloaded = () => pageB.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded === true);

    // A starts the review on PC A's case file; B's queue shows it, and a request A takes in meanwhile.
    await page.goto(`${new URL(hostA.url).origin}/#/cases/${c.reference}`);
    const fileA = new CaseFilePage(page);
    await fileA.expectOpen(c.reference);
    await fileA.confirm('startReview');
    await fileA.expectStatus('in_review');
    const c2 = await createCase(page, { memberName: '長谷川 花子', memberKana: 'ハセガワ ハナコ' });
    await queueB.expectRow(c.reference, { status: 'in_review' });
    await queueB.expectRow(c2.reference, { status: 'received' });
    expect(await notReloaded()).toBe(true);

    // B opens the case file. While B's screen has not yet heard of it (its desk.changes held), A pauses the case.
    await queueB.open(c.reference);
    const fileB = new CaseFilePage(pageB);
    await fileB.expectOpen(c.reference);
    await fileB.expectStatus('in_review');
    const held: Route[] = [];
    let holding = true;
    await pageB.route('**/api/desk.changes', (route) => void (holding ? held.push(route) : route.continue()));
    await fileA.pause('identity_documents', '本人確認書類の提出を依頼');
    await fileA.expectStatus('awaiting_requester');

    // B withdraws the case from the screen that still shows it under review: refused, naming A and when.
    await fileB.actionButton('withdraw').click();
    const dialog = fileB.dialog('withdraw');
    await fileB.field('caseFile.reason', dialog).fill('本人から取下げの連絡あり');
    await dialog.getByRole('button', { name: fileB.t('action.withdraw'), exact: true }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(`${c.reference} は ${supervisor.displayName} が`);
    await expect(alert).toContainText('再読み込みして確認してください');
    expect((await call(page, 'cases.get', { id: c.id })).case.status).toBe('awaiting_requester');
    await pageB.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The refresh arrives: B's open case file shows A's pause, without a reload.
    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await pageB.unroute('**/api/desk.changes');
    await fileB.expectStatus('awaiting_requester');
    await expect.poll(() => fileB.timelineKinds()).toContain('pause');
    expect(await notReloaded()).toBe(true);
    expect(errorsB, 'errors in B’s page').toEqual([]);
  } finally {
    await contextB.close();
    await database.drop();
  }
});
