// The renderer's data layer: TanStack Query over the contract. A query's key is the contract method and
// its input, so the same call from two screens is one request and one cache entry. The cache belongs to
// a session: the shell creates it when someone logs in and drops it (and everything in it) on lock.
// Screens never reload each other by events: a call that changes the desk invalidates the cache here,
// and whatever is on screen asks again.
import { keepPreviousData, QueryClient, useQuery, useQueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CaseFile, DeskApi, DeskErrorData, Input, MethodName, Results } from '../../../electron/contract/index.ts';
import { methodNames } from '../../../electron/contract/index.ts';
import { useDesk } from './DeskProvider.tsx';
import { deskFromCall, methodOf } from './deskFromCall.ts';

/** Methods that only read: everything else (a new method too, until listed here) invalidates the cache. */
const READS: ReadonlySet<MethodName> = new Set<MethodName>([
  'desk.status',
  'session.touch',
  'accounts.list',
  'accounts.directory',
  'settings.get',
  'backup.status',
  'calendar.year',
  'cases.list',
  'cases.get',
  'cases.findDuplicates',
  'letters.preview',
  'letters.ready',
  'outbox.list',
  'outbox.get',
  'mail.status',
  'mail.getSettings',
  'notices.templates',
  'notices.preview',
  'views.list',
]);

export const isRead = (method: MethodName) => READS.has(method);

/** The cache key of one contract call. */
export const deskKey = <M extends MethodName>(method: M, input: Input<M>): QueryKey => [method, input];

export function createDeskQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Desk errors are answers (LOCKED, FORBIDDEN, NOT_FOUND), not glitches: asking again changes nothing.
        retry: false,
        // Fresh for a while: Back to the queue shows the page at once. Changes made here invalidate it.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
    },
  });
}

const isCaseFile = (v: unknown): v is CaseFile =>
  typeof v === 'object' && v !== null && 'case' in v && 'timeline' in v && typeof (v as CaseFile).case?.reference === 'string';

/**
 * The desk as screens in a session see it: a successful change invalidates the session's cache. A change
 * that answers with the case file as it now stands puts that file in the cache under the case's reference
 * instead of asking for it again (asking again would also record another view of the case).
 */
export function invalidatingDesk(desk: DeskApi, client: QueryClient): DeskApi {
  const calls = new Map(methodNames.map((m) => [m, methodOf(desk, m)] as const));
  return deskFromCall(async (method, input) => {
    const result = await calls.get(method)!(input);
    if (result.ok && !isRead(method)) {
      if (isCaseFile(result.value)) {
        const file = result.value;
        client.setQueryData(deskKey('cases.get', { reference: file.case.reference }), file);
        void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'cases.get' });
        void client.invalidateQueries({ queryKey: ['cases.get'], predicate: (q) => !sameCase(q.queryKey, file), refetchType: 'none' });
      } else {
        void client.invalidateQueries();
      }
    }
    return result;
  });
}

const sameCase = (key: QueryKey, file: CaseFile) => {
  const input = key[1] as { id?: number; reference?: string } | undefined;
  return input?.reference === file.case.reference || input?.id === file.case.id;
};

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
    queryKey: deskKey(method, input),
    queryFn: async () => {
      const result = await methodOf(desk, method)(input);
      if (!result.ok) throw result.error;
      return result.value as Results[M];
    },
    enabled: options.enabled,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: options.refetchInterval,
  });
}

/** Replaces the cached answer of one call (a screen that got the new value from a change). */
export function useSetDeskQuery() {
  const client = useQueryClient();
  return useCallback(<M extends MethodName>(method: M, input: Input<M>, value: Results[M]) => void client.setQueryData(deskKey(method, input), value), [client]);
}
