// What the desk remembers of its automatic backups between runs: the last attempt, the last good one and
// the last failure since then (a good backup clears it). A small file in the data folder (beside desk/,
// not inside it: it is not part of the desk and not part of a backup), written atomically. It holds
// times, a folder path, a case count and a plain failure reason: no personal data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-file.ts';

const statusSchema = z.object({
  format: z.literal(1),
  lastAttemptAt: z.string().nullable(),
  lastSuccess: z.object({ at: z.string(), path: z.string(), folder: z.string(), cases: z.number() }).nullable(),
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
});

export type BackupStatusFile = z.infer<typeof statusSchema>;

export const EMPTY_STATUS: BackupStatusFile = { format: 1, lastAttemptAt: null, lastSuccess: null, lastFailure: null };

export const backupStatusPath = (dataDir: string) => join(dataDir, 'backup-status.json');

/** The remembered status; a missing or unreadable file is a fresh start (the next backup rewrites it). */
export function readBackupStatus(path: string): BackupStatusFile {
  if (!existsSync(path)) return EMPTY_STATUS;
  try {
    const parsed = statusSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : EMPTY_STATUS;
  } catch {
    return EMPTY_STATUS;
  }
}

export function writeBackupStatus(path: string, status: BackupStatusFile): void {
  writeFileAtomic(path, JSON.stringify(status, null, 2) + '\n');
}
