// One running desk per data folder: two processes writing one SQLite file through two sessions and two
// outboxes would double-send mail and interleave audit chains. The lock file names its holder so the
// refusal can say who; a holder that died (same host, pid gone) is taken over.
import { mkdirSync, openSync, closeSync, writeSync, readFileSync, rmSync, fsyncSync } from 'node:fs';
import { hostname } from 'node:os';
import { DeskError } from '../errors.ts';
import { diskFull, isDiskFull } from './disk-full.ts';
import { codeOf } from '../thrown.ts';
import { isJsonObject } from '../../../db/json.ts';

interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/** What the lock file holds when a running desk wrote it (anything else is a file torn by a crash). */
const isLockHolder = (v: unknown): v is LockHolder =>
  isJsonObject(v) && typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.startedAt === 'string';

export interface InstanceLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === 'EPERM';
  }
}

function unusable(dataDir: string, e: unknown): DeskError {
  if (isDiskFull(e)) return new DeskError(diskFull(dataDir));
  const code = codeOf(e) ?? 'unknown error';
  const cause = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'not_writable' : code === 'ENOTDIR' || code === 'EEXIST' ? 'in_the_way' : code === 'ENOSPC' ? 'disk_full' : 'other';
  return new DeskError(cause === 'other' ? { code: 'DATA_DIR_UNUSABLE', path: dataDir, cause, system: code } : { code: 'DATA_DIR_UNUSABLE', path: dataDir, cause });
}

export function acquireInstanceLock(dataDir: string, lockPath: string): InstanceLock {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw unusable(dataDir, e);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx', 0o600);
    } catch (e) {
      if (codeOf(e) !== 'EEXIST') throw unusable(dataDir, e);
      let holder: LockHolder | null;
      try {
        const read: unknown = JSON.parse(readFileSync(lockPath, 'utf8'));
        holder = isLockHolder(read) ? read : null;
      } catch {
        holder = null; // a lock file torn by a crash mid-write holds nothing
      }
      const stale = holder === null || (holder.host === hostname() && !alive(holder.pid));
      if (!stale && holder) {
        throw new DeskError({ code: 'DATA_DIR_BUSY', path: dataDir, pid: holder.pid, host: holder.host, since: holder.startedAt });
      }
      rmSync(lockPath, { force: true });
      continue;
    }
    const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
    try {
      const bytes = Buffer.from(JSON.stringify(me));
      if (writeSync(fd, bytes) !== bytes.length) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      fsyncSync(fd);
    } catch (e) {
      // A full disk (or an I/O error) after the file was made: leave no empty lock file behind, which
      // the next start would have to treat as torn.
      closeSync(fd);
      rmSync(lockPath, { force: true });
      throw unusable(dataDir, e);
    }
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.removeListener('exit', release); // one listener per held lock, not one per lock ever taken
      try {
        const now: unknown = JSON.parse(readFileSync(lockPath, 'utf8'));
        if (isLockHolder(now) && now.pid === me.pid && now.startedAt === me.startedAt) rmSync(lockPath, { force: true });
      } catch {
        // already gone: nothing to release
      }
    };
    process.once('exit', release);
    return { release };
  }
  throw new DeskError({ code: 'DATA_DIR_BUSY', path: dataDir });
}
