// Backups end to end: the header shows there is no backup folder yet; Settings → Backup refuses a
// relative path beside the field; a folder that cannot be written makes "Back up now" fail — in red, in
// the header too, never silently; a good folder gives a backup and the header shows it. Then a SECOND
// desk host on a fresh data folder restores that backup from its first-run screen: a wrong password is
// refused beside the field, the right one restores the desk and logs that person in, with the case there;
// a third host restores it with the recovery key and lands on the login screen.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, leaveDesk, test } from './fixtures.ts';
import { createCase } from './pages/api.ts';
import { BackupPage, RestorePage } from './pages/BackupPage.ts';
import { setUpDesk, supervisor } from './pages/flows.ts';
import { startExtraHost } from './pages/hosts.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { QueuePage } from './pages/QueuePage.ts';
import { SetupPage } from './pages/SetupPage.ts';
import { ShellPage } from './pages/ShellPage.ts';

let folder: string;
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'privacy-desk-e2e-backups-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('backup: folder → failure shown in red → back up now → restore on a fresh desk from the first-run screen', async ({ page, desk }) => {
  const recoveryKey = await setUpDesk(page, desk.url);
  const c = await createCase(page, { memberName: '渡辺 直子', memberKana: 'ワタナベ ナオコ', memberEmail: 'naoko@example.jp' });
  const backup = new BackupPage(page);
  await backup.expectIndicator('none');

  const shell = new ShellPage(page);
  await shell.open('settings');
  await backup.open();
  // Only a full path: said beside the field, nothing saved.
  await backup.setFolder('backups/desk', false);
  await expect(backup.folder).toHaveAttribute('aria-invalid', 'true');
  await expect(backup.folder).toHaveAccessibleDescription(new RegExp(backup.o('validation.pattern.folder').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  // A folder under a plain file cannot be written: the failure is red, with the desk's reason, in the header too.
  const notAFolder = join(folder, 'not-a-folder');
  await writeFile(notAFolder, 'x');
  await backup.setFolder(join(notAFolder, 'backups'));
  await backup.backUpNow();
  await expect(page.getByTestId('backup-now-error')).toBeVisible();
  await backup.expectIndicator('failed');
  await expect(backup.indicator).toHaveText(backup.o('backup.indicator.failed'));
  await backup.indicator.click();
  await expect(page.getByTestId('backup-details').getByTestId('backup-failure')).toBeVisible();
  await page.keyboard.press('Escape');

  // A good folder: the backup is written and the failure cleared.
  await backup.setFolder(folder);
  await backup.backUpNow();
  const result = page.getByTestId('backup-result');
  await expect(result).toBeVisible();
  await expect(result).toContainText(backup.o('backup.cases', { n: 1 }));
  const backupPath = (await result.getAttribute('data-path')) ?? '';
  expect(backupPath).toMatch(/PrivacyDesk-.+\.pdbackup$/);
  await backup.expectIndicator('ok');
  await expect(page.getByTestId('backup-status-panel').getByTestId('backup-failure')).toHaveCount(0);

  // ── A second desk on a fresh data folder: restore instead of setting up.
  const second = await startExtraHost();
  try {
    await page.goto(second.url);
    await new SetupPage(page).expectVisible();
    const restore = new RestorePage(page);
    await restore.openFromSetup();
    await restore.withPassword(backupPath, supervisor.username, 'not-the-password-at-all');
    await expect(restore.password).toHaveAttribute('aria-invalid', 'true', { timeout: 30_000 });
    await expect(restore.password).toHaveAccessibleDescription(restore.o('restore.wrongPassword'));
    await restore.withPassword(backupPath, supervisor.username, supervisor.password);
    await shell.expectVisible();
    await shell.expectUser(supervisor.displayName, 'supervisor');
    const queue = new QueuePage(page);
    await queue.expectVisible();
    await expect(queue.row(c.reference)).toBeVisible();
  } finally {
    await leaveDesk(page);
    await second.stop();
  }

  // ── A third one, restored with the recovery key: the desk stays locked and the login screen opens.
  const third = await startExtraHost();
  try {
    await page.goto(third.url);
    const restore = new RestorePage(page);
    await restore.openFromSetup();
    await restore.withRecoveryKey(backupPath, recoveryKey);
    const login = new LoginPage(page);
    await login.expectVisible();
    await login.login(supervisor.username, supervisor.password);
    await expect(new QueuePage(page).row(c.reference)).toBeVisible();
  } finally {
    await leaveDesk(page);
    await third.stop();
  }
});
