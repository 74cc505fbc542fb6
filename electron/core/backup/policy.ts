// When to take an automatic backup, what to call it, and which old ones to delete: pure functions of
// the settings, what happened before and the clock, so every rule is unit-tested with a fake clock.
import type { BackupSettings } from '../../contract/index.ts';

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** lock/close: the desk is locking or closing; daily: the idle timer while the desk is open; manual: backup.now. */
export type BackupTrigger = 'lock' | 'close' | 'daily' | 'manual';

/** What the policy needs to know of earlier backups (epoch milliseconds). */
export interface BackupHistory {
  /** The last attempt, good or failed: automatic backups are at most one an hour, failures included. */
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** The folder the last good backup went to: a newly chosen folder gets one at the next chance. */
  lastSuccessFolder: string | null;
}

const within = (from: number | null, now: number, span: number) => from !== null && now - from >= 0 && now - from < span;

/** The last good backup is more than a day old, missing, in another folder, or dated in the future (the clock was wrong). */
export function dailyDue(settings: BackupSettings, h: BackupHistory, now: number): boolean {
  return h.lastSuccessAt === null || h.lastSuccessFolder !== settings.folder || !within(h.lastSuccessAt, now, DAY_MS);
}

/** Whether this trigger takes a backup now. A manual backup always does (when a folder is set). */
export function backupDue(settings: BackupSettings, h: BackupHistory, trigger: BackupTrigger, now: number): boolean {
  if (settings.folder === null) return false;
  if (trigger === 'manual') return true;
  if (within(h.lastAttemptAt, now, HOUR_MS)) return false;
  const daily = settings.daily && dailyDue(settings, h, now);
  if (trigger === 'daily') return daily;
  return settings.onLock || daily;
}

/**
 * When the next automatic backup becomes due: with `daily`, the time the idle check takes one;
 * otherwise, with `onLock`, the earliest time a lock or close takes one. Null: no automatic backups.
 */
export function nextBackupDue(settings: BackupSettings, h: BackupHistory, now: number): number | null {
  if (settings.folder === null || (!settings.daily && !settings.onLock)) return null;
  const notBefore = within(h.lastAttemptAt, now, HOUR_MS) ? h.lastAttemptAt! + HOUR_MS : now;
  if (!settings.daily) return notBefore;
  const daily = dailyDue(settings, h, now) ? now : h.lastSuccessAt! + DAY_MS;
  return Math.max(notBefore, daily);
}

// ---- names ----

export const BACKUP_SUFFIX = '.pdbackup';
const NAME = /^PrivacyDesk-([A-Za-z0-9][A-Za-z0-9-]{0,39})-(\d{8})-(\d{6})(?:-(\d{1,3}))?\.pdbackup$/;

/** The desk's English name as a file-name part: ASCII letters, digits and dashes only. */
export function safeDeskName(name: string): string {
  const s = name
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s === '' ? 'Desk' : s;
}

/** YYYYMMDD-HHMMSS in Japan time, like every date the desk shows. */
export function backupStamp(at: Date): string {
  const j = new Date(at.getTime() + 9 * HOUR_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(j.getUTCFullYear(), 4)}${p(j.getUTCMonth() + 1)}${p(j.getUTCDate())}-${p(j.getUTCHours())}${p(j.getUTCMinutes())}${p(j.getUTCSeconds())}`;
}

/** PrivacyDesk-<desk>-<YYYYMMDD-HHMMSS>[-n].pdbackup; n > 1 only when that second already has one. */
export function backupFolderName(deskName: string, at: Date, n = 1): string {
  return `PrivacyDesk-${safeDeskName(deskName)}-${backupStamp(at)}${n > 1 ? `-${n}` : ''}${BACKUP_SUFFIX}`;
}

/** The sort key of one of our backup folders (stamp, then the same-second counter), or null for any other name. */
export function parseBackupName(name: string): { desk: string; key: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { desk: m[1]!, key: `${m[2]}${m[3]}-${(m[4] ?? '1').padStart(3, '0')}` };
}

// ---- retention ----

export interface FolderEntry {
  name: string;
  isDirectory: boolean;
  /** The desk id in its manifest, or null when it has none we could read. */
  deskId: string | null;
}

/**
 * The backups to delete so that `keep` remain: only folders with our name pattern whose manifest names
 * this desk, oldest first; never the newest `keep` of them, never anything else in the folder.
 */
export function backupsToDelete(entries: readonly FolderEntry[], deskId: string, keep: number): string[] {
  const ours = entries
    .filter((e) => e.isDirectory && e.deskId === deskId)
    .map((e) => ({ name: e.name, parsed: parseBackupName(e.name) }))
    .filter((e): e is { name: string; parsed: { desk: string; key: string } } => e.parsed !== null)
    .sort((a, b) => (a.parsed.key < b.parsed.key ? -1 : a.parsed.key > b.parsed.key ? 1 : a.name < b.name ? -1 : 1));
  const n = Math.max(1, Math.floor(keep));
  return ours.slice(0, Math.max(0, ours.length - n)).map((e) => e.name);
}
