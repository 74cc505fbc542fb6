// The sender's view of the mail server (mail.status), asked again every 15 s while a screen shows it,
// and every 2 s while messages are going out to a server that answers (so "sent" shows promptly).
import { useCallback } from 'react';
import type { DeskErrorData, MailStatus } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';

export const MAIL_STATUS_POLL_MS = 15_000;
const SENDING_POLL_MS = 2_000;

const busy = (s: MailStatus | undefined) =>
  !!s && (s.sending || (s.counts.queued > 0 && (s.connection === 'online' || s.connection === 'unknown')));

export function useMailStatus(): { status: MailStatus | null; error: DeskErrorData | null; refresh: () => void } {
  const query = useDeskQuery('mail.status', {}, { refetchInterval: (q) => (busy(q.state.data) ? SENDING_POLL_MS : MAIL_STATUS_POLL_MS) });
  const { refetch } = query;
  const refresh = useCallback(() => void refetch(), [refetch]);
  // The last status stays shown when one asking fails; the error says so.
  return { status: query.data ?? null, error: query.error, refresh };
}
