// "When the disk fills up, the desk says so — 'The disk is full: nothing was saved; free space on … and try
// again' — for a change, for locking, for `db check` and at start-up; nothing stored is lost, and a start
// that failed leaves no lock file behind."
// A REAL full disk: a small tmpfs mounted by the test (needs root and permission to mount, as on the CI
// machine); elsewhere the real-disk part is skipped with the reason, and the lock file's clean-up is proven
// by injecting ENOSPC at the fs boundary (test/unit/storage/instance-lock-disk-full.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { intake } from '../../support/mail-desk.ts';
import { runCli } from '../../support/run-cli.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { QueuePage } from '../../../electron/contract/index.ts';

const mountPoint = tempDir('pd-diskfull-');
/** Why the real-disk tests cannot run here, or null when a tmpfs could be mounted. */
const cannotMount: string | null = (() => {
  if (process.platform !== 'linux') return 'tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m,mode=0700', 'tmpfs', mountPoint.path], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `mount -t tmpfs was refused (${String((e as { stderr?: Buffer }).stderr ?? e).trim().split('\n')[0]})`;
  }
})();

afterAll(() => {
  if (cannotMount === null) execFileSync('umount', ['-l', mountPoint.path]);
  mountPoint.remove();
});

const dataDir = join(mountPoint.path, 'desk-data');
const filler = join(mountPoint.path, 'filler');

/** Fills the file system to the last byte: chunks halve down to one byte until nothing more fits. */
function fillDisk(): void {
  const fd = openSync(filler, 'a');
  try {
    for (let chunk = 1 << 20; chunk >= 1; ) {
      try {
        writeSync(fd, Buffer.alloc(chunk, 0x55));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        chunk >>= 1;
      }
    }
  } finally {
    closeSync(fd);
  }
}

const fullSentence = (folder: string) => `The disk is full: nothing was saved. Free space on the disk of ${folder} and try again.`;

describe.skipIf(cannotMount !== null)(`a real full disk (tmpfs)${cannotMount ? ` — SKIPPED: ${cannotMount}` : ''}`, () => {
  let rt: DeskRuntime | null = null;
  const logged: string[] = [];
  beforeAll(async () => {
    mkdirSync(dataDir);
    rt = (await newDesk(dataDir, { log: (line) => logged.push(line) })).rt;
    value(await rt.dispatch('cases.create', intake(1)));
    fillDisk();
  });
  afterAll(async () => {
    await rt?.close();
  });

  it('a change: DISK_FULL naming the data folder; the desk keeps working for reading', async () => {
    const big = await rt!.dispatch('cases.create', intake(2, { requestText: '開示を求めます。'.repeat(12_000) }));
    expect(big, logged.join('\n')).toMatchObject({ ok: false, error: { reason: { code: 'DISK_FULL', folder: dataDir }, message: fullSentence(dataDir) } });
    expect((value(await rt!.dispatch('cases.list', {})) as QueuePage).total).toBe(1);
  });

  it('locking: the desk locks all the same (the key is forgotten) and the folder is released', async () => {
    await rt!.dispatch('auth.lock', {});
    expect(value(await rt!.dispatch('desk.status', {}))).toMatchObject({ state: 'locked' });
    await rt!.close();
    rt = null;
    expect(existsSync(deskPaths(dataDir).instanceLock)).toBe(false);
  });

  it('start-up: DISK_FULL naming the folder, and no lock file (not even an empty one) is left', async () => {
    fillDisk(); // closing the desk removed its write-ahead log: fill what that freed
    await expect(openRuntime(dataDir)).rejects.toMatchObject({ reason: { code: 'DISK_FULL', folder: dataDir }, message: fullSentence(dataDir) });
    expect(readdirSync(dataDir)).not.toContain('desk.lock');
  });

  it('`desk db check`: one line saying the disk is full, exit 1, no lock file left', async () => {
    const r = await runCli(['db', 'check', '--data-dir', dataDir, '--user', SUPERVISOR.username], SUPERVISOR.password);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(fullSentence(dataDir));
    expect(readdirSync(dataDir)).not.toContain('desk.lock');
  });

  it('with space again: the desk opens, nothing stored was lost, the refused case is not there, the log verifies', async () => {
    rmSync(filler);
    const again = await openRuntime(dataDir);
    try {
      value(await again.dispatch('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
      expect((value(await again.dispatch('cases.list', {})) as QueuePage).total).toBe(1);
    } finally {
      await again.close();
    }
    const check = await runCli(['db', 'check', '--data-dir', dataDir, '--user', SUPERVISOR.username], SUPERVISOR.password);
    expect(check.stdout.trimEnd().endsWith('\nOK')).toBe(true);
  });
});
