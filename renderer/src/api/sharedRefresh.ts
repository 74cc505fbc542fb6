// Which cached reads a batch of colleagues' changes on a shared desk makes stale (the rule behind
// useSharedDeskRefresh.ts, kept apart from React and TanStack so it is tested on its own).

/** What the rule reads of a cached query (TanStack's Query has these). */
export interface CachedRead {
  queryKey: readonly unknown[];
  state: { data: unknown };
}
import type { DeskChanges } from '../../../electron/contract/index.ts';

/** The id of the case file a cached cases.get holds (read by id or by reference). */
function caseIdOf(q: CachedRead): number | null {
  const data: unknown = q.state.data;
  if (typeof data !== 'object' || data === null || !('case' in data)) return null;
  const c: unknown = data.case;
  return typeof c === 'object' && c !== null && 'id' in c && typeof c.id === 'number' ? c.id : null;
}

/** Which cached reads a batch of colleagues' changes makes stale. */
export function staleAfter(changes: DeskChanges): (q: CachedRead) => boolean {
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

