// Live refresh on a shared desk: while someone is logged in, ask the core every few seconds what
// colleagues on other PCs changed (`desk.changes`, answered from memory: the core listens to the server's
// announcements, core/shared-desk/change-feed.ts) and let the screens ask again for what they show. A
// case file is an audited view of personal data, so an open one is read again only when THAT case changed
// (or when everything may have: `all`). On a local desk the first answer says `shared: false` and the
// polling stops.
import { useEffect } from 'react';
import { useQueryClient, type Query } from '@tanstack/react-query';
import type { DeskChanges } from '../../../electron/contract/index.ts';
import { useDesk } from './DeskProvider.tsx';

export const SHARED_REFRESH_MS = 3_000;

/** The id of the case file a cached cases.get holds (read by id or by reference). */
function caseIdOf(q: Query): number | null {
  const data: unknown = q.state.data;
  if (typeof data !== 'object' || data === null || !('case' in data)) return null;
  const c: unknown = data.case;
  return typeof c === 'object' && c !== null && 'id' in c && typeof c.id === 'number' ? c.id : null;
}

/** Which cached reads a batch of colleagues' changes makes stale. */
export function staleAfter(changes: DeskChanges): (q: Query) => boolean {
  const changedCases = new Set(changes.cases);
  return (q) => {
    const method = q.queryKey[0];
    if (method === 'cases.get') {
      if (changes.all) return true;
      const id = caseIdOf(q);
      return id !== null && changedCases.has(id);
    }
    return changes.all || changes.kinds.length > 0;
  };
}

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
