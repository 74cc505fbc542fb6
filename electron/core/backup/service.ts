// The runtime's side of backups: takes one before the desk locks or closes (while the database is still
// open), one a day from the idle timer, and one on demand; one at a time; records each outcome in the
// status file and the audit log. A failed backup never stops the desk from locking: it is recorded and
// shown by backup.status until a backup works again.
import { basename } from 'node:path';
import type { BackupResult, BackupStatus, DeskSettings } from '../../contract/index.ts';
import type { DeskPaths } from '../storage/data-dir.ts';
import type { UnlockedDesk } from '../vault/vault.ts';
import { DeskError } from '../errors.ts';
import { readSettings } from '../settings/settings.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { writeBackup, type BackupOptions } from './backup.ts';
import { backupDue, nextBackupDue, type BackupHistory, type BackupTrigger } from './policy.ts';
import { backupStatusPath, readBackupStatus, writeBackupStatus, type BackupStatusFile } from './status.ts';
import { codeOf, nameOf } from '../thrown.ts';

export interface BackupServiceOptions {
  paths: DeskPaths;
  now: () => Date;
  log: (line: string) => void;
  /** Tests: a fault-injecting file layer, snapshotter or step hook for the writer. */
  writer?: Pick<BackupOptions, 'fs' | 'snapshot' | 'onStep'>;
}

export class BackupService {
  private readonly options: BackupServiceOptions;
  private readonly statusPath: string;
  private status: BackupStatusFile | null = null;
  private inFlight: Promise<unknown> | null = null;
  /** The open desk's settings, as of its login or last settings change: the daily check reads no database. */
  private settings: DeskSettings | null = null;

  constructor(options: BackupServiceOptions) {
    this.options = options;
    this.statusPath = backupStatusPath(options.paths.dataDir);
  }

  private load(): BackupStatusFile {
    this.status ??= readBackupStatus(this.statusPath);
    return this.status;
  }

  private history(): BackupHistory {
    const s = this.load();
    const t = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
    return { lastAttemptAt: t(s.lastAttemptAt), lastSuccessAt: t(s.lastSuccess?.at), lastSuccessFolder: s.lastSuccess?.folder ?? null };
  }

  private record(change: Partial<BackupStatusFile>): void {
    this.status = { ...this.load(), ...change };
    try {
      writeBackupStatus(this.statusPath, this.status);
    } catch (e) {
      // Kept in memory for this run; the status bar still shows it.
      this.options.log(`[backup] status file not written (${codeOf(e) ?? 'error'})`);
    }
  }

  /** The settings of the desk just opened, or just changed. */
  remember(settings: DeskSettings): void {
    this.settings = settings;
  }

  /** Waits for a backup under way (a daily one running in the background). */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight.catch(() => undefined);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight = p;
    const clear = () => {
      if (this.inFlight === p) this.inFlight = null;
    };
    p.then(clear, clear);
    return p;
  }

  async view(desk: UnlockedDesk): Promise<BackupStatus> {
    const { backup } = await readSettings(desk.store.db);
    const s = this.load();
    const next = nextBackupDue(backup, this.history(), this.options.now().getTime());
    return {
      folder: backup.folder,
      lastSuccess: s.lastSuccess ? { at: s.lastSuccess.at, path: s.lastSuccess.path, cases: s.lastSuccess.cases } : null,
      lastFailure: s.lastFailure,
      nextDue: next === null ? null : new Date(next).toISOString(),
      running: this.inFlight !== null,
    };
  }

  /** Called while the desk is still open, right before its key is forgotten. Never throws. */
  async beforeLock(desk: UnlockedDesk, trigger: 'lock' | 'close', actor: string | null): Promise<void> {
    this.settings = null; // the desk is locking: its settings are not kept in memory
    try {
      await this.settled();
      const settings = await readSettings(desk.store.db);
      if (!backupDue(settings.backup, this.history(), trigger, this.options.now().getTime())) return;
      await this.track(this.run(desk, settings, trigger, actor));
    } catch {
      // recorded by run(); locking goes on
    }
  }

  /**
   * From the idle timer and before each call while the desk is open: starts the daily backup in the
   * background when due. Checked in memory (settings remembered at login, the status file read once):
   * until a backup is due it touches neither the database nor any file.
   */
  startIfDue(desk: UnlockedDesk, actor: string | null): void {
    const settings = this.settings;
    if (this.inFlight || !settings || settings.backup.folder === null) return;
    if (!backupDue(settings.backup, this.history(), 'daily', this.options.now().getTime())) return;
    void this.track(this.run(desk, settings, 'daily', actor).catch(() => undefined));
  }

  /** backup.now: one backup at once, whatever the schedule; a failure is recorded and thrown. */
  async takeNow(desk: UnlockedDesk, actor: string): Promise<BackupResult> {
    await this.settled();
    const settings = await readSettings(desk.store.db);
    if (settings.backup.folder === null) {
      throw new DeskError({ code: 'BACKUP_FOLDER_NOT_SET' });
    }
    return this.track(this.run(desk, settings, 'manual', actor));
  }

  private async run(desk: UnlockedDesk, settings: DeskSettings, trigger: BackupTrigger, actor: string | null): Promise<BackupResult> {
    const at = this.options.now();
    const folder = settings.backup.folder!;
    try {
      const result = await writeBackup(
        { paths: this.options.paths, deskId: desk.deskId, dataKey: desk.dataKey, deskName: { ja: settings.desk.deskNameJa, en: settings.desk.deskNameEn } },
        folder,
        { ...this.options.writer, now: at, keep: settings.backup.keep, log: this.options.log },
      );
      this.record({ lastAttemptAt: at.toISOString(), lastSuccess: { at: result.at, path: result.path, folder, cases: result.cases }, lastFailure: null });
      await this.audit(desk, actor, at, { trigger, outcome: 'written', backup: basename(result.path), cases: result.cases, removed: result.removed.length });
      return result;
    } catch (e) {
      const error = e instanceof DeskError ? e : new DeskError({ code: 'BACKUP_FAILED', folder, system: nameOf(e) });
      this.record({ lastAttemptAt: at.toISOString(), lastFailure: { at: at.toISOString(), reason: error.reason } });
      this.options.log(`[backup] ${trigger} backup failed (${codeOf(e) ?? nameOf(e)})`);
      await this.audit(desk, actor, at, { trigger, outcome: 'failed' });
      throw error;
    }
  }

  private async audit(desk: UnlockedDesk, actor: string | null, at: Date, detail: Record<string, unknown>): Promise<void> {
    try {
      await appendAudit(desk.store.db, { actor, action: 'desk.backup', entity: 'desk', entityId: desk.deskId, detail }, at);
    } catch (e) {
      this.options.log(`[backup] audit row not written (${codeOf(e) ?? 'error'})`);
    }
  }
}
