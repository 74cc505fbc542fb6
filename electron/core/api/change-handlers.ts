// desk.changes: what colleagues on other PCs changed (a shared desk's live refresh, core/shared-desk/
// change-feed.ts). A local desk has no colleagues on other PCs: it answers `shared: false` at once.
import type { DeskSession } from '../session/desk-session.ts';
import type { HandlerMap } from './handler.ts';

export function changeHandlers(session: DeskSession): HandlerMap<'desk.changes'> {
  return {
    'desk.changes': async ({ since }) => (session.paths.server ? session.services.changes.since(since) : { shared: false, cursor: 0, all: false, kinds: [], cases: [] }),
  };
}
