// One owner for "the disk is full": the system's ENOSPC/EDQUOT and SQLite's SQLITE_FULL (a write that
// found no room; SQLite rolls the transaction back, so nothing of it is kept). Every place that writes
// (a call through dispatch, the lock file, the CLI, backups) words it the same way, naming the folder.
import type { Reason } from '../../contract/index.ts';
import { codeOf } from '../thrown.ts';

export function isDiskFull(e: unknown): boolean {
  const code = codeOf(e);
  return typeof code === 'string' && (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL'));
}

export const diskFull = (folder: string): Reason => ({ code: 'DISK_FULL', folder });
