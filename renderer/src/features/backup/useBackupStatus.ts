// The desk's backup status (backup.status), asked every 60 s while someone is logged in, and at once
// when a screen says a backup setting changed or a backup was taken (backupChanged()).
import { useEffect, useState } from 'react';
import type { BackupStatus, DeskErrorData } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';

export const BACKUP_STATUS_POLL_MS = 60_000;
const RUNNING_POLL_MS = 3_000;
const CHANGED_EVENT = 'privacy-desk:backup-changed';

/** Tells every backup status on screen to ask again. */
export function backupChanged(): void {
  window.dispatchEvent(new Event(CHANGED_EVENT));
}

export function useBackupStatus(): { status: BackupStatus | null; error: DeskErrorData | null } {
  const desk = useDesk();
  const [state, setState] = useState<{ status: BackupStatus | null; error: DeskErrorData | null }>({ status: null, error: null });
  const running = state.status?.running ?? false;

  useEffect(() => {
    let current = true;
    const load = () =>
      void desk.backup.status({}).then((r) => {
        if (current) setState((s) => (r.ok ? { status: r.value, error: null } : { status: s.status, error: r.error }));
      });
    load();
    const timer = window.setInterval(load, running ? RUNNING_POLL_MS : BACKUP_STATUS_POLL_MS);
    window.addEventListener(CHANGED_EVENT, load);
    return () => {
      current = false;
      window.clearInterval(timer);
      window.removeEventListener(CHANGED_EVENT, load);
    };
  }, [desk, running]);

  return state;
}
