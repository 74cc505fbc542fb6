// The backup status in the header, Settings → Backup, and "Restore from backup" on the first-run screen.
import { expect, type Locator } from '@playwright/test';
import { OutputBase } from './OutputBase.ts';

/** The header indicator's data-state (renderer/src/features/backup/BackupIndicator.tsx). */
export type BackupState = 'failed' | 'none' | 'never' | 'running' | 'stale' | 'ok';

export class BackupPage extends OutputBase {
  get indicator(): Locator {
    return this.page.getByTestId('backup-indicator');
  }

  async expectIndicator(state: BackupState): Promise<void> {
    await expect(this.indicator).toHaveAttribute('data-state', state);
  }

  get settings(): Locator {
    return this.page.getByTestId('backup-settings');
  }

  get folder(): Locator {
    return this.outField('backup.settings.folder', this.settings);
  }

  async open(): Promise<void> {
    await this.settingsTab('outputSettings.tab.backup');
    await expect(this.settings).toBeVisible();
  }

  async setFolder(folder: string, expectSaved = true): Promise<void> {
    await this.folder.fill(folder);
    await this.outButton('common.save', this.settings).click();
    if (!expectSaved) return;
    await expect(this.page.getByText(this.o('backup.settings.saved')).first()).toBeVisible();
    // The status below the form names the folder once the desk has it.
    await expect(this.page.getByTestId('backup-status-panel')).toContainText(folder);
  }

  async backUpNow(): Promise<void> {
    await this.outButton('backup.now.button').click();
  }
}

export class RestorePage extends OutputBase {
  get form(): Locator {
    return this.page.getByTestId('restore-form');
  }

  async openFromSetup(): Promise<void> {
    await this.page.getByTestId('restore-from-backup').click();
    await expect(this.page.getByRole('heading', { name: this.o('restore.title'), level: 2 })).toBeVisible();
  }

  get backupPath(): Locator {
    return this.outField('restore.backupPath', this.form);
  }

  get password(): Locator {
    return this.form.locator('input[name="password"]');
  }

  async withPassword(backupPath: string, username: string, password: string): Promise<void> {
    await this.backupPath.fill(backupPath);
    await this.form.getByText(this.o('restore.withPassword'), { exact: true }).click();
    await this.outField('account.username', this.form).fill(username);
    await this.password.fill(password);
    await this.outButton('restore.submit', this.form).click();
  }

  async withRecoveryKey(backupPath: string, key: string): Promise<void> {
    await this.backupPath.fill(backupPath);
    await this.form.getByText(this.o('restore.withRecoveryKey'), { exact: true }).click();
    await this.outField('recover.key', this.form).fill(key);
    await this.outButton('restore.submit', this.form).click();
  }
}
