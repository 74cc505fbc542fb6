// The backup schedule and the keep-N rule, as pure functions of the settings, the history and a fake clock.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BackupSettings } from '../../../electron/contract/index.ts';
import {
  backupDue,
  backupFolderName,
  backupsToDelete,
  DAY_MS,
  HOUR_MS,
  nextBackupDue,
  parseBackupName,
  safeDeskName,
  type BackupHistory,
  type FolderEntry,
} from '../../../electron/core/backup/policy.ts';

const T0 = Date.parse('2026-11-24T01:00:00Z'); // Tue 10:00 in Tokyo
const FOLDER = '/media/usb/backups';
const on: BackupSettings = { folder: FOLDER, keep: 10, onLock: true, daily: true };
const never: BackupHistory = { lastAttemptAt: null, lastSuccessAt: null, lastSuccessFolder: null };
const good = (at: number, folder = FOLDER): BackupHistory => ({ lastAttemptAt: at, lastSuccessAt: at, lastSuccessFolder: folder });

describe('when an automatic backup is taken', () => {
  it('no folder: never, whatever the trigger; no next due date', () => {
    const s = { ...on, folder: null };
    for (const t of ['lock', 'close', 'daily', 'manual'] as const) expect(backupDue(s, never, t, T0)).toBe(false);
    expect(nextBackupDue(s, never, T0)).toBeNull();
  });

  it('on lock and close, at most once an hour (a failed attempt counts too)', () => {
    expect(backupDue(on, never, 'lock', T0)).toBe(true);
    const h = good(T0);
    expect(backupDue(on, h, 'lock', T0 + 59 * 60_000)).toBe(false);
    expect(backupDue(on, h, 'close', T0 + HOUR_MS - 1)).toBe(false);
    expect(backupDue(on, h, 'lock', T0 + HOUR_MS)).toBe(true);
    const failed: BackupHistory = { ...h, lastAttemptAt: T0 + 2 * HOUR_MS };
    expect(backupDue(on, failed, 'lock', T0 + 2.5 * HOUR_MS)).toBe(false);
    expect(backupDue(on, failed, 'lock', T0 + 3 * HOUR_MS)).toBe(true);
  });

  it('onLock off: a lock takes one only when the daily one is due', () => {
    const s = { ...on, onLock: false };
    expect(backupDue(s, good(T0), 'lock', T0 + 2 * HOUR_MS)).toBe(false);
    expect(backupDue(s, good(T0), 'lock', T0 + DAY_MS)).toBe(true);
    expect(backupDue({ ...s, daily: false }, good(T0), 'lock', T0 + 3 * DAY_MS)).toBe(false);
  });

  it('daily: when the last good backup is a day old, or missing; not again within the hour after a failure', () => {
    expect(backupDue(on, never, 'daily', T0)).toBe(true);
    expect(backupDue(on, good(T0), 'daily', T0 + DAY_MS - 1)).toBe(false);
    expect(backupDue(on, good(T0), 'daily', T0 + DAY_MS)).toBe(true);
    const failedJustNow: BackupHistory = { ...good(T0), lastAttemptAt: T0 + DAY_MS };
    expect(backupDue(on, failedJustNow, 'daily', T0 + DAY_MS + 30 * 60_000)).toBe(false);
    expect(backupDue(on, failedJustNow, 'daily', T0 + DAY_MS + HOUR_MS)).toBe(true);
    expect(backupDue({ ...on, daily: false }, never, 'daily', T0)).toBe(false);
  });

  it('a newly chosen folder gets a backup at the next chance; a clock set back does not stop backups', () => {
    expect(backupDue(on, good(T0 - 2 * HOUR_MS, '/old/folder'), 'daily', T0)).toBe(true);
    expect(backupDue(on, good(T0 + 5 * DAY_MS), 'daily', T0)).toBe(true);
    expect(backupDue(on, good(T0 + 5 * DAY_MS), 'lock', T0)).toBe(true);
  });

  it('manual: always, when a folder is set', () => {
    expect(backupDue({ ...on, onLock: false, daily: false }, good(T0), 'manual', T0 + 1)).toBe(true);
  });

  it('the next due date follows the same rules', () => {
    expect(nextBackupDue(on, never, T0)).toBe(T0);
    expect(nextBackupDue(on, good(T0), T0 + HOUR_MS)).toBe(T0 + DAY_MS);
    expect(nextBackupDue(on, { ...good(T0 - 2 * DAY_MS), lastAttemptAt: T0 - 10 * 60_000 }, T0)).toBe(T0 + 50 * 60_000);
    expect(nextBackupDue({ ...on, daily: false }, good(T0), T0 + 10 * 60_000)).toBe(T0 + HOUR_MS);
    expect(nextBackupDue({ ...on, daily: false, onLock: false }, good(T0), T0)).toBeNull();
  });

  it('property: with a folder and daily on, a backup is never more than a day and an hour overdue at a daily check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * DAY_MS }), fc.integer({ min: 0, max: 30 * DAY_MS }), fc.integer({ min: 0, max: 30 * DAY_MS }), (success, attemptAfter, later) => {
        const h: BackupHistory = { lastSuccessAt: T0 + success, lastAttemptAt: T0 + success + attemptAfter, lastSuccessFolder: FOLDER };
        const now = h.lastAttemptAt! + later;
        if (now - h.lastSuccessAt! >= DAY_MS && now - h.lastAttemptAt! >= HOUR_MS) expect(backupDue(on, h, 'daily', now)).toBe(true);
        const next = nextBackupDue(on, h, now)!;
        expect(next).toBeGreaterThanOrEqual(now);
        expect(backupDue(on, h, 'daily', next)).toBe(true);
      }),
    );
  });
});

describe('backup folder names', () => {
  it('PrivacyDesk-<desk>-<YYYYMMDD-HHMMSS>.pdbackup in Japan time, whatever the PC is set to', () => {
    expect(backupFolderName('CareerModel Support Desk', new Date('2026-11-24T15:04:05Z'))).toBe('PrivacyDesk-CareerModel-Support-Desk-20261125-000405.pdbackup');
    expect(backupFolderName('CareerModel Support Desk', new Date('2026-11-24T15:04:05Z'), 2)).toBe('PrivacyDesk-CareerModel-Support-Desk-20261125-000405-2.pdbackup');
    expect(safeDeskName('サポートデスク')).toBe('Desk');
    expect(safeDeskName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeDeskName('Ｃａｒｅｅｒ　Ｍｏｄｅｌ')).toBe('Career-Model');
  });

  it('property: every name made parses back, and sorts by time', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2099-01-01') }), fc.integer({ min: 1, max: 999 }), (desk, t, n) => {
        const name = backupFolderName(desk, new Date(t), n);
        expect(parseBackupName(name)).not.toBeNull();
        const later = backupFolderName(desk, new Date(t + 1000), 1);
        expect(parseBackupName(name)!.key < parseBackupName(later)!.key).toBe(true);
      }),
    );
  });
});

describe('keep the last N (retention)', () => {
  const DESK = 'desk-a';
  const ours = (t: number, n = 1): FolderEntry => ({ name: backupFolderName('CareerModel Support Desk', new Date(t), n), isDirectory: true, deskId: DESK });

  it('deletes this desk’s oldest backups beyond N, and nothing else', () => {
    const entries: FolderEntry[] = [
      ours(T0 + 3000),
      ours(T0 + 1000),
      ours(T0 + 2000),
      ours(T0 + 2000, 2),
      { name: backupFolderName('Other Desk', new Date(T0), 1), isDirectory: true, deskId: 'desk-b' },
      { name: 'PrivacyDesk-CareerModel-Support-Desk-20200101-000000.pdbackup', isDirectory: false, deskId: DESK },
      { name: 'PrivacyDesk-CareerModel-Support-Desk-20200101-000000.pdbackup', isDirectory: true, deskId: null },
      { name: '.PrivacyDesk-CareerModel-Support-Desk-20200101-000000.pdbackup.partial', isDirectory: true, deskId: DESK },
      { name: 'tax-returns-2019', isDirectory: true, deskId: DESK },
    ];
    expect(backupsToDelete(entries, DESK, 2)).toEqual([ours(T0 + 1000).name, ours(T0 + 2000).name]);
    expect(backupsToDelete(entries, DESK, 10)).toEqual([]);
    expect(backupsToDelete(entries, DESK, 0)).toHaveLength(3); // keeps at least one, always
  });

  const entry = fc.oneof(
    fc.record({ t: fc.integer({ min: T0, max: T0 + 400 * DAY_MS }), n: fc.integer({ min: 1, max: 3 }), desk: fc.constantFrom(DESK, 'desk-b', null) }).map(({ t, n, desk }) => ({ name: backupFolderName('CareerModel Support Desk', new Date(t), n), isDirectory: true, deskId: desk })),
    fc.record({ name: fc.string(), isDirectory: fc.boolean(), deskId: fc.constantFrom(DESK, null) }),
    fc.record({ t: fc.integer({ min: T0, max: T0 + 400 * DAY_MS }) }).map(({ t }) => ({ name: `.${backupFolderName('CareerModel Support Desk', new Date(t))}.partial`, isDirectory: true, deskId: DESK })),
  );

  it('property: never deletes the newest N of this desk, never a name that is not one of its backups, and leaves exactly N', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.name, maxLength: 40 }), fc.integer({ min: 1, max: 15 }), (entries, keep) => {
        const doomed = backupsToDelete(entries, DESK, keep);
        const mine = entries.filter((e) => e.isDirectory && e.deskId === DESK && parseBackupName(e.name) !== null);
        const newestFirst = [...mine].sort((a, b) => (parseBackupName(b.name)!.key < parseBackupName(a.name)!.key ? -1 : 1));
        for (const e of newestFirst.slice(0, keep)) expect(doomed).not.toContain(e.name);
        for (const name of doomed) expect(mine.map((e) => e.name)).toContain(name);
        expect(mine.length - doomed.length).toBe(Math.min(keep, mine.length));
      }),
      { numRuns: 300 },
    );
  });
});
