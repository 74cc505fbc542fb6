// The renderer's data layer: TanStack Query over the contract. A query's key is the contract method and
// its input, so the same call from two screens is one request and one cache entry. The cache belongs to
// a session: the shell creates it when someone logs in and drops it (and everything in it) on lock.
// Screens never reload each other by events: a call that changes the desk invalidates the cache here,
// and whatever is on screen asks again.
import { keepPreviousData, useQuery, useQueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { DeskErrorData, Input, MethodName, Results } from '../../../electron/contract/index.ts';
import { deskKey, deskQuery, FRESH_FOR, prefetchDesk } from './deskCache.ts';
import { useDesk } from './DeskProvider.tsx';

export { createDeskQueryClient, deskKey, fileUnderReference, invalidatingDesk, isRead } from './deskCache.ts';

interface DeskQueryOptions<T> {
  enabled?: boolean;
  /** Paging and filtering: keep showing the previous answer while the next one loads. */
  keepPrevious?: boolean;
  /** Polling: a fixed period, or one chosen from the last answer. */
  refetchInterval?: number | false | ((query: Query<T, DeskErrorData, T, QueryKey>) => number | false);
}

/** One contract read, cached by method and input. `error` is the desk's own error data. */
export function useDeskQuery<M extends MethodName>(method: M, input: Input<M>, options: DeskQueryOptions<Results[M]> = {}) {
  const desk = useDesk();
  return useQuery<Results[M], DeskErrorData>({
    ...deskQuery(desk, method, input),
    // A case file just put in the cache (opened by id, then addressed by reference) is not asked for
    // again at once: every cases.get is an audited view of personal data. A list or a file asked for by
    // the click that leads to it (usePrefetchDesk) is not asked for twice either, however fast it came.
    staleTime: FRESH_FOR[method],
    enabled: options.enabled,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: options.refetchInterval,
  });
}

/**
 * Starts a read at once, from the click that will show it: the next screen (or the next page of a list)
 * then finds its answer in flight instead of asking only after it has rendered, which for the queue meant
 * after fifty rows had been drawn again. Same key and fetcher as useDeskQuery, so it is one request.
 */
export function usePrefetchDesk() {
  const desk = useDesk();
  const client = useQueryClient();
  return useCallback(<M extends MethodName>(method: M, input: Input<M>) => prefetchDesk(client, desk, method, input), [desk, client]);
}

/** Replaces the cached answer of one call (a screen that got the new value from a change). */
export function useSetDeskQuery() {
  const client = useQueryClient();
  return useCallback(<M extends MethodName>(method: M, input: Input<M>, value: Results[M]) => void client.setQueryData(deskKey(method, input), value), [client]);
}
