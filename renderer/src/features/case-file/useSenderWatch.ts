// The case file's watch on the mail sender while one of its notices is queued (senderWatch.ts says why).
import { useEffect, useRef } from 'react';
import type { CaseFile } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { fileOutdated, IDLE_POLL_MS, senderBusy, senderMark, SENDING_POLL_MS, waitsForSender } from './senderWatch.ts';

export function useSenderWatch(file: CaseFile | undefined, fileReadAt: number, readAgain: () => void): void {
  const waiting = file !== undefined && waitsForSender(file);
  const status = useDeskQuery('mail.status', {}, { enabled: waiting, refetchInterval: (q) => (senderBusy(q.state.data) ? SENDING_POLL_MS : IDLE_POLL_MS) });
  const lastMark = useRef<string | null>(null);
  useEffect(() => {
    if (!waiting || !file || !status.data) return;
    const outdated = fileOutdated({ file, fileReadAt, status: status.data, statusAt: status.dataUpdatedAt, lastMark: lastMark.current });
    lastMark.current = senderMark(status.data);
    if (outdated) readAgain();
  }, [waiting, file, fileReadAt, status.data, status.dataUpdatedAt, readAgain]);
}
