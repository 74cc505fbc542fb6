// Live refresh on a shared desk: while someone is logged in, ask the core every few seconds what
// colleagues on other PCs changed (`desk.changes`, answered from memory: the core listens to the server's
// announcements, core/shared-desk/change-feed.ts) and let the screens ask again for what they show. A
// case file is an audited view of personal data, so an open one is read again only when THAT case changed
// (or when everything may have: `all`). On a local desk the first answer says `shared: false` and the
// polling stops.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { staleAfter } from './sharedRefresh.ts';
import { useDesk } from './DeskProvider.tsx';

export const SHARED_REFRESH_MS = 3_000;

export function useSharedDeskRefresh(): void {
  const desk = useDesk();
  const client = useQueryClient();
  useEffect(() => {
    let since = 0;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      const r = await desk.desk.changes({ since }).catch(() => null);
      if (stopped) return;
      if (r?.ok) {
        if (!r.value.shared) return; // a local desk: nothing to follow
        if (since !== 0 && r.value.cursor !== since) await client.invalidateQueries({ predicate: staleAfter(r.value) });
        since = r.value.cursor;
      }
      timer = setTimeout(() => void look(), SHARED_REFRESH_MS);
    };
    void look();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [desk, client]);
}
