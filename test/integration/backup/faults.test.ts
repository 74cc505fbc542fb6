// "A backup that fails says why, leaves the live desk alone and keeps the last good backup." The faults a
// USB drive or a share produces — pulled out halfway, full, read-only — injected at exact steps through
// the writer's file layer and step hook (the real events cannot be staged in a test; ENOSPC, SQLITE_FULL
// and EACCES here are SIMULATED by throwing them from the injected layer).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { readKeySlots } from '../../../electron/core/keys/key-slots.ts';
import { writeBackup, type BackupSource, type BackupStep } from '../../../electron/core/backup/backup.ts';
import { nodeBackupFs, type BackupFs } from '../../../electron/core/backup/backup-fs.ts';
import { verifyBackup } from '../../../electron/core/backup/restore.ts';
import { SnapshotError } from '../../../electron/core/backup/snapshot.ts';
import { DESK, newDesk, snapshot, tempDir } from '../../support/desk.ts';
import { createCases, dataKeyOf } from '../../support/backup.ts';

const dirs: Array<{ path: string; remove(): void }> = [];
const dir = (prefix = 'pd-fault-') => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d.path;
};

let live: string;
let source: BackupSource;
let liveBefore: Record<string, string>;

beforeAll(async () => {
  live = dir();
  const { rt } = await newDesk(live);
  await createCases(rt, 4);
  await rt.close();
  source = { paths: deskPaths(live), deskId: readKeySlots(deskPaths(live).keySlots).deskId, dataKey: await dataKeyOf(live), deskName: { ja: DESK.deskNameJa, en: DESK.deskNameEn } };
  liveBefore = snapshot(live);
});

afterAll(() => {
  source.dataKey.fill(0);
  dirs.splice(0).forEach((d) => d.remove());
});

let usb: string;
let good: string;
let t = Date.parse('2026-11-24T01:00:00Z');
const at = () => new Date((t += 60_000));

beforeEach(async () => {
  // A drive with one good backup on it, and something of someone else's.
  usb = join(dir('pd-usb-'), 'usb');
  mkdirSync(usb);
  writeFileSync(join(usb, 'notes.txt'), 'not ours');
  good = (await writeBackup(source, usb, { now: at() })).path;
});

/** After a failed backup: the live desk untouched, the good backup whole, no partial folder, nothing else touched. */
async function expectNothingLost(folder = usb) {
  expect(snapshot(live), 'the live desk is untouched').toEqual(liveBefore);
  expect((await verifyBackup(good)).cases).toBe(4);
  expect(readdirSync(folder).sort()).toEqual([good.slice(usb.length + 1), 'notes.txt'].sort());
}

/** A file layer that throws `code` from one operation on one file name. */
function failing(op: keyof BackupFs, fileName: string, code: string): BackupFs {
  return {
    ...nodeBackupFs,
    [op]: async (...args: string[]) => {
      if (args[0]!.endsWith(fileName)) throw Object.assign(new Error(`${code}: simulated`), { code });
      return (nodeBackupFs[op] as (...a: string[]) => Promise<unknown>)(...args);
    },
  } as BackupFs;
}

describe('faults while writing a backup', () => {
  it.each(['folder-created', 'database-copied', 'keyslots-written', 'manifest-written'] as BackupStep[])(
    'the backup folder disappears after step %s (the drive pulled out): "disappeared", and nothing is lost once it is back',
    async (when) => {
      const gone = `${usb}-gone`;
      const failure = writeBackup(source, usb, {
        now: at(),
        onStep: (step) => {
          if (step === when) renameSync(usb, gone);
        },
      });
      await expect(failure).rejects.toMatchObject({ code: 'DATA_DIR_UNUSABLE', message: expect.stringMatching(/backup folder .*usb disappeared during the backup.*The desk itself is unchanged, and earlier backups are kept\./) });
      // The drive comes back: the good backup is whole. The half-written folder could not be removed while the
      // drive was away; it is a hidden .partial folder, never taken for a backup.
      renameSync(gone, usb);
      const left = readdirSync(usb).filter((n) => n.endsWith('.partial'));
      expect(left.every((n) => n.startsWith('.PrivacyDesk-'))).toBe(true);
      for (const n of left) renameSync(join(usb, n), join(dir(), n)); // out of the way, to compare the rest
      await expectNothingLost();
    },
  );

  it('the disk fills up while the manifest is written (ENOSPC, simulated): "the disk is full"; the partial folder is removed', async () => {
    await expect(writeBackup(source, usb, { now: at(), fs: failing('writeFile', 'manifest.json', 'ENOSPC') })).rejects.toMatchObject({ reason: { code: 'DISK_FULL', folder: usb }, message: expect.stringContaining('The disk is full: nothing was saved') });
    await expectNothingLost();
  });

  it('the disk fills up while SQLite writes the copy (SQLITE_FULL, simulated): "the disk is full"', async () => {
    const full = async () => {
      throw new SnapshotError('database or disk is full', 'SQLITE_FULL');
    };
    await expect(writeBackup(source, usb, { now: at(), snapshot: full })).rejects.toMatchObject({ reason: { code: 'DISK_FULL', folder: usb }, message: expect.stringContaining('The disk is full: nothing was saved') });
    await expectNothingLost();
  });

  it('a read-only drive (EACCES, simulated): "cannot be written"', async () => {
    await expect(writeBackup(source, usb, { now: at(), fs: failing('mkdir', '.partial', 'EACCES') })).rejects.toMatchObject({ message: expect.stringContaining('cannot be written (permission denied or read-only)') });
    await expectNothingLost();
  });

  it('an input/output error while syncing (EIO, simulated): named, nothing lost', async () => {
    await expect(writeBackup(source, usb, { now: at(), fs: failing('fsyncDir', '.partial', 'EIO') })).rejects.toMatchObject({ message: expect.stringContaining('input/output error') });
    await expectNothingLost();
  });

  it('the backup folder is not there at all: "does not exist", nothing created', async () => {
    const missing = join(usb, 'not-plugged-in');
    await expect(writeBackup(source, missing, { now: at() })).rejects.toMatchObject({ message: expect.stringContaining('does not exist or is not a folder (is the drive connected?)') });
    expect(existsSync(missing)).toBe(false);
    await expectNothingLost();
  });
});

describe('keeping the last N', () => {
  it('a failed backup never costs the last good one, even with keep = 1', async () => {
    await expect(writeBackup(source, usb, { now: at(), keep: 1, fs: failing('writeFile', 'keyslots.json', 'ENOSPC') })).rejects.toThrow(/disk is full/);
    await expectNothingLost();
  });

  it('a good one replaces the oldest beyond N — only this desk’s backups, never anything else in the folder', async () => {
    // Another desk's backup, a folder that only looks like ours, and a stray file.
    const other = dir();
    const { rt } = await newDesk(other);
    await rt.close();
    const otherKey = await dataKeyOf(other);
    const foreign = await writeBackup({ ...source, paths: deskPaths(other), deskId: readKeySlots(deskPaths(other).keySlots).deskId, dataKey: otherKey }, usb, { now: new Date(t - 3_600_000) });
    otherKey.fill(0);
    const lookalike = join(usb, 'PrivacyDesk-CareerModel-Support-Desk-20000101-000000.pdbackup');
    mkdirSync(lookalike);

    const second = await writeBackup(source, usb, { now: at(), keep: 2 });
    expect(second.removed).toEqual([]);
    const third = await writeBackup(source, usb, { now: at(), keep: 2 });
    expect(third.removed).toEqual([good.slice(usb.length + 1)]);
    const fourth = await writeBackup(source, usb, { now: at(), keep: 1 });
    expect(fourth.removed).toEqual([second.path.slice(usb.length + 1), third.path.slice(usb.length + 1)]);
    expect(readdirSync(usb).sort()).toEqual([fourth.path, foreign.path, lookalike].map((p) => p.slice(usb.length + 1)).concat('notes.txt').sort());
    expect(snapshot(live)).toEqual(liveBefore);
  });

  it('two backups in the same second get distinct names', async () => {
    const when = at();
    const a = await writeBackup(source, usb, { now: when });
    const b = await writeBackup(source, usb, { now: when });
    expect(b.path).toBe(a.path.replace(/\.pdbackup$/, '-2.pdbackup'));
  });
});
