// The sender's view of the mail server (mail.status), asked again every 15 s while a screen shows it,
// and every 2 s while messages are going out to a server that answers (so "sent" shows promptly).
import { useCallback, useEffect, useState } from 'react';
import type { DeskErrorData, MailStatus } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';

export const MAIL_STATUS_POLL_MS = 15_000;
const SENDING_POLL_MS = 2_000;

const busy = (s: MailStatus | null) =>
  !!s && (s.sending || (s.counts.queued > 0 && (s.connection === 'online' || s.connection === 'unknown')));

export function useMailStatus(): { status: MailStatus | null; error: DeskErrorData | null; refresh: () => void } {
  const desk = useDesk();
  const [state, setState] = useState<{ status: MailStatus | null; error: DeskErrorData | null }>({ status: null, error: null });
  const [tick, setTick] = useState(0);
  const fast = busy(state.status);

  useEffect(() => {
    let current = true;
    const load = () =>
      void desk.mail.status({}).then((r) => {
        if (!current) return;
        setState((s) => (r.ok ? { status: r.value, error: null } : { status: s.status, error: r.error }));
      });
    load();
    const timer = window.setInterval(load, fast ? SENDING_POLL_MS : MAIL_STATUS_POLL_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [desk, tick, fast]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, refresh };
}
