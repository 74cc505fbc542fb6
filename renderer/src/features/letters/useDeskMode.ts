// Electron or browser mode, as the desk reports it (desk.status): Electron prints and saves PDFs itself;
// a browser uses its own print dialog. Null until known.
import type { DeskStatus } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';

export function useDeskMode(): DeskStatus['mode'] | null {
  const query = useDeskQuery('desk.status', {});
  // A desk that cannot say is treated as a browser: its print path needs nothing from the desk.
  if (query.isError) return 'browser';
  return query.data?.mode ?? null;
}
