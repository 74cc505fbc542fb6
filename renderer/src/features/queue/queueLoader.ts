// The queue route's loader (React Router's data API): a move to a queue address — the next page, a tab, a
// search, a saved view, Back — waits for the list it will show before the address and the screen change,
// so the screen is drawn once, with its rows, instead of twice (the new page number over the old rows with
// a busy mark, then the rows). A move waits at most ANSWER_WAIT_MS; a slower answer is waited for on screen
// (the list's busy state). A list already in the cache (Back to a page seen before) is shown at once, and
// the screen's own query asks again if it is older than FRESH_FOR. A newer move cancels one still waiting
// (the router's own rule), so a quick second click never lands on the first one's page.
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import type { DeskApi } from '../../../../electron/contract/index.ts';
import { deskKey, prefetchDesk } from '../../api/deskCache.ts';
import { ANSWER_WAIT_MS } from '../../app/ShellContext.tsx';
import { queueStateOf } from './queueParams.ts';
import { toListInput } from './queueState.ts';

export function queueLoader(client: QueryClient, desk: DeskApi) {
  return async ({ request }: LoaderFunctionArgs): Promise<null> => {
    const input = toListInput(queueStateOf(new URL(request.url).searchParams));
    if (client.getQueryData(deskKey('cases.list', input)) !== undefined) return null;
    await Promise.race([prefetchDesk(client, desk, 'cases.list', input), new Promise((resolve) => setTimeout(resolve, ANSWER_WAIT_MS))]);
    return null;
  };
}
