// The session's query cache over the contract (no React here; deskQueries.ts has the hooks). A query's key
// is the contract method and its input. A call that changes the desk invalidates the cache; one that
// answers with a case file puts it in the cache under the case's reference.
// query-core, not react-query: this module has no React (and the unit tests' program has no DOM types).
import { QueryClient, type QueryKey } from '@tanstack/query-core';
import type { CaseFile, DeskApi, Input, MethodName, Results } from '../../../electron/contract/index.ts';
import { methodNames } from '../../../electron/contract/index.ts';
import { deskFromCall, methodOf } from './deskFromCall.ts';

/** Methods that only read: everything else (a new method too, until listed here) invalidates the cache. */
const READS: ReadonlySet<MethodName> = new Set<MethodName>([
  'desk.status',
  'session.touch',
  'accounts.list',
  'audit.anchors',
  'accounts.directory',
  'settings.get',
  'inquiries.replyTemplates',
  'inquiries.fillReply',
  'inquiries.requestForm',
  'inquiries.requestFormPdf',
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
  'inbox.list',
  'inbox.get',
  'inbox.attachment',
  'inbox.thread',
  'mailbox.status',
  'mailbox.getSettings',
  'reports.get',
  'reports.pack',
  'reports.csv',
  'retention.get',
  'retention.preview',
]);

export const isRead = (method: MethodName) => READS.has(method);

/** The cache key of one contract call. */
export const deskKey = <M extends MethodName>(method: M, input: Input<M>): QueryKey => [method, input];

/**
 * Key and fetcher of one contract read. The query's AbortSignal goes down to the request: when the key
 * changes (newer search text, another page) the older request still in flight is aborted, not answered.
 */
export function deskQuery<M extends MethodName>(desk: DeskApi, method: M, input: Input<M>) {
  return {
    queryKey: deskKey(method, input),
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Results[M]> => {
      const result = await methodOf(readingDesk(desk), method)(input, { signal });
      if (!result.ok) throw result.error;
      return result.value as Results[M];
    },
  };
}

/**
 * How long an answer counts as new (ms). A case file just put in the cache (opened by id, then addressed by
 * reference) is not asked for again at once: every cases.get is an audited view of personal data. A list
 * or a file asked for by the click that leads to it (prefetchDesk) is not asked for twice either, however
 * fast it came back. Everything else is asked again whenever a screen shows it.
 *
 * The staff directory (who a case can be assigned to) changes when a supervisor adds, renames or disables an
 * account: this session's own changes invalidate it like every other answer (invalidatingDesk), and one made
 * on another PC shows within a minute. The queue, its bulk bar and the assign dialog then share one answer
 * instead of asking every time one of them mounts.
 */
export const FRESH_FOR: Partial<Record<MethodName, number>> = { 'cases.get': 1_000, 'cases.list': 1_000, 'inbox.thread': 1_000, 'accounts.directory': 60_000 };

/**
 * Starts one read now, before the screen that shows it renders; that screen's query finds it in flight or just
 * answered (FRESH_FOR). The click itself always asks (staleTime 0; a read already in flight is shared): an
 * answer cached a moment earlier, before a colleague, the mail fetcher or another window changed the case,
 * must not be what the reopened screen shows.
 */
export function prefetchDesk<M extends MethodName>(client: QueryClient, desk: DeskApi, method: M, input: Input<M>): Promise<void> {
  // Settles when the answer (or the refusal) is in the cache; never rejects.
  return client.prefetchQuery({ ...deskQuery(desk, method, input), staleTime: 0 });
}

export function createDeskQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Desk errors are answers (LOCKED, FORBIDDEN, NOT_FOUND), not glitches: asking again changes nothing.
        retry: false,
        // Shown at once from the cache and asked again on every mount: others (and the mail fetcher)
        // change the desk too, so a screen opened again must not stay on what this session last saw.
        staleTime: 0,
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
  const wrapped = deskFromCall(async (method, input, call) => {
    const result = await calls.get(method)!(input, call);
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
  readsOf.set(wrapped, desk);
  return wrapped;
}

/** The desk a query reads through: never the invalidating one (a read must not invalidate, even one not listed). */
const readsOf = new WeakMap<DeskApi, DeskApi>();
export const readingDesk = (desk: DeskApi): DeskApi => readsOf.get(desk) ?? desk;

/**
 * A case file opened by id, filed under its reference too (the address bar names a case by reference). It
 * keeps the age of the answer it copies: a file read minutes ago is as old under its reference as under its
 * id, so the screen showing it asks again — the mail sender (a decision sent → notified), the mail fetcher
 * or another person may have moved the case since, and none of them invalidates this session's cache.
 */
export function fileUnderReference(client: QueryClient, byId: QueryKey): void {
  const state = client.getQueryState<CaseFile>(byId);
  if (!state?.data) return;
  client.setQueryData(deskKey('cases.get', { reference: state.data.case.reference }), state.data, { updatedAt: state.dataUpdatedAt });
}

const sameCase = (key: QueryKey, file: CaseFile) => {
  const input = key[1] as { id?: number; reference?: string } | undefined;
  return input?.reference === file.case.reference || input?.id === file.case.id;
};

