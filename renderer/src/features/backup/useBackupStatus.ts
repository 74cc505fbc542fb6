// The desk's backup status (backup.status), asked every 60 s while someone is logged in (every 3 s while
// a backup runs). A backup setting saved or a backup taken invalidates it like any change (api/deskQueries.ts).
import type { BackupStatus, DeskErrorData } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';

export const BACKUP_STATUS_POLL_MS = 60_000;
const RUNNING_POLL_MS = 3_000;

export function useBackupStatus(): { status: BackupStatus | null; error: DeskErrorData | null } {
  const query = useDeskQuery('backup.status', {}, { refetchInterval: (q) => (q.state.data?.running ? RUNNING_POLL_MS : BACKUP_STATUS_POLL_MS) });
  return { status: query.data ?? null, error: query.error };
}
