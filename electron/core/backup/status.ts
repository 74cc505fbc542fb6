// What the desk remembers of its automatic backups between runs: the last attempt, the last good one and
// the last failure since then (a good backup clears it). A small file in the data folder (beside desk/,
// not inside it: it is not part of the desk and not part of a backup), written atomically. It holds
// times, a folder path, a case count and the failure's code (contract/codes.ts): no personal data.
// A file an older version wrote kept the failure as an English sentence; it is read as BACKUP_FAILED_EARLIER.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { codeCategory, type Reason } from '../../contract/index.ts';
import { isJsonObject } from '../../../db/json.ts';

const reasonSchema = z.custom<Reason>((v) => isJsonObject(v) && typeof v.code === 'string' && Object.hasOwn(codeCategory, v.code));

const statusSchema = z.object({
  format: z.union([z.literal(1), z.literal(2)]),
  lastAttemptAt: z.string().nullable(),
  lastSuccess: z.object({ at: z.string(), path: z.string(), folder: z.string(), cases: z.number() }).nullable(),
  lastFailure: z
    .union([
      z.object({ at: z.string(), reason: reasonSchema }),
      z.object({ at: z.string(), message: z.string() }).transform(({ at }): { at: string; reason: Reason } => ({ at, reason: { code: 'BACKUP_FAILED_EARLIER' } })),
    ])
    .nullable(),
});

export type BackupStatusFile = Omit<z.infer<typeof statusSchema>, 'format'> & { format: 2 };

export const EMPTY_STATUS: BackupStatusFile = { format: 2, lastAttemptAt: null, lastSuccess: null, lastFailure: null };

export const backupStatusPath = (dataDir: string) => join(dataDir, 'backup-status.json');

/** The remembered status; a missing or unreadable file is a fresh start (the next backup rewrites it). */
export function readBackupStatus(path: string): BackupStatusFile {
  if (!existsSync(path)) return EMPTY_STATUS;
  try {
    const parsed = statusSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? { ...parsed.data, format: 2 } : EMPTY_STATUS;
  } catch {
    return EMPTY_STATUS;
  }
}

export function writeBackupStatus(path: string, status: BackupStatusFile): void {
  writeFileAtomic(path, JSON.stringify(status, null, 2) + '\n');
}
