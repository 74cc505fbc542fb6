// "A start that finds the disk full says so, naming the folder, and leaves no empty lock file": ENOSPC
// injected at the fs boundary, where writing the lock file's contents fails after the file was created
// (the real full disk is test/integration/desk/disk-full.test.ts, which needs root to mount a tmpfs).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fault = vi.hoisted(() => ({ writeFails: false }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return {
    ...real,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      if (fault.writeFails) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      return (real.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});

const { acquireInstanceLock } = await import('../../../electron/core/storage/instance-lock.ts');

const dirs: string[] = [];
afterEach(() => {
  fault.writeFails = false;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('the instance lock on a full disk', () => {
  it('DISK_FULL naming the data folder; no lock file is left; with space again the folder can be locked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-lock-full-'));
    dirs.push(dir);
    const lockPath = join(dir, 'desk.lock');
    fault.writeFails = true;
    let thrown: unknown;
    try {
      acquireInstanceLock(dir, lockPath);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ reason: { code: 'DISK_FULL', folder: dir }, message: `The disk is full: nothing was saved. Free space on the disk of ${dir} and try again.` });
    expect(existsSync(lockPath)).toBe(false);
    fault.writeFails = false;
    const lock = acquireInstanceLock(dir, lockPath);
    expect(existsSync(lockPath)).toBe(true);
    lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });
});
