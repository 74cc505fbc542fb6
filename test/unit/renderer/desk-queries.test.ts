// The renderer's data layer (renderer/src/api/deskCache.ts): a change through the session's desk
// invalidates what screens hold, a change that answers with a case file puts it in the cache under the
// case's reference (no second, audited, cases.get), reads never invalidate, and formatters are built once.
import { QueryObserver } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import type { CaseFile, DeskApi, MethodName, Result } from '../../../electron/contract/index.ts';
import { createDeskQueryClient, deskKey, deskQuery, fileUnderReference, FRESH_FOR, invalidatingDesk, prefetchDesk } from '../../../renderer/src/api/deskCache.ts';
import { deskFromCall } from '../../../renderer/src/api/deskFromCall.ts';
import { createHttpDesk } from '../../../renderer/src/api/httpDesk.ts';
import { observeDesk } from '../../../renderer/src/api/observeDesk.ts';
import { formatDate, formatDateTime } from '../../../renderer/src/i18n/format.ts';

const file = { case: { id: 7, reference: 'PD-2026-00007' }, timeline: [] } as unknown as CaseFile;

function fakeDesk(answers: Partial<Record<MethodName, unknown>>): { desk: DeskApi; calls: MethodName[] } {
  const calls: MethodName[] = [];
  const desk = deskFromCall(async (method): Promise<Result<unknown>> => {
    calls.push(method);
    return { ok: true, value: answers[method] ?? null };
  });
  return { desk, calls };
}

describe('invalidatingDesk', () => {
  it('marks every cached answer stale after a change, never after a read', async () => {
    const client = createDeskQueryClient();
    const { desk } = fakeDesk({ 'cases.list': { rows: [] } });
    const wrapped = invalidatingDesk(desk, client);
    client.setQueryData(deskKey('cases.list', {}), { rows: [] });
    client.setQueryData(deskKey('outbox.list', {}), { rows: [] });
    await wrapped.cases.list({});
    expect(client.getQueryState(deskKey('cases.list', {}))!.isInvalidated).toBe(false);
    await wrapped.cases.bulkClose({ ids: [1] });
    expect(client.getQueryState(deskKey('cases.list', {}))!.isInvalidated).toBe(true);
    expect(client.getQueryState(deskKey('outbox.list', {}))!.isInvalidated).toBe(true);
  });

  it('puts a changed case file under its reference and leaves it fresh', async () => {
    const client = createDeskQueryClient();
    const { desk } = fakeDesk({ 'cases.startReview': file });
    const wrapped = invalidatingDesk(desk, client);
    client.setQueryData(deskKey('cases.get', { reference: 'PD-2026-00007' }), { ...file, stale: true });
    client.setQueryData(deskKey('cases.list', {}), { rows: [] });
    await wrapped.cases.startReview({ id: 7 });
    expect(client.getQueryData(deskKey('cases.get', { reference: 'PD-2026-00007' }))).toStrictEqual(file);
    expect(client.getQueryState(deskKey('cases.get', { reference: 'PD-2026-00007' }))!.isInvalidated).toBe(false);
    expect(client.getQueryState(deskKey('cases.list', {}))!.isInvalidated).toBe(true);
  });
});

describe('stale reads', () => {
  /** A host whose answers wait until the test lets them go; every request is seen, with its search text. */
  function slowHost() {
    const requests: Array<{ search: string; aborted: () => boolean; answer: () => void }> = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      const search = (JSON.parse(String(init.body)) as { search?: string }).search ?? '';
      const signal = init.signal!;
      return new Promise<Response>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        requests.push({
          search,
          aborted: () => signal.aborted,
          answer: () => resolve(new Response(JSON.stringify({ ok: true, value: { rows: [], total: 0, search } }))),
        });
      });
    }) as unknown as typeof globalThis.fetch;
    return { fetch, requests };
  }

  it('aborts the request with older search text when newer text is asked for, and shows only the newer answer', async () => {
    const host = slowHost();
    const seen: string[] = [];
    const client = createDeskQueryClient();
    // The desk as a session sees it: HTTP, the lock watcher's observer and the invalidating wrapper, each passing the signal down.
    const desk = invalidatingDesk(observeDesk(createHttpDesk({ token: 't', fetch: host.fetch }), (m) => seen.push(m)), client);
    const observer = new QueryObserver(client, deskQuery(desk, 'cases.list', { search: '田' }));
    const results: unknown[] = [];
    const unsubscribe = observer.subscribe((r) => results.push(r.data));
    await vi.waitFor(() => expect(host.requests).toHaveLength(1));
    observer.setOptions(deskQuery(desk, 'cases.list', { search: '田中' }));
    await vi.waitFor(() => expect(host.requests).toHaveLength(2));
    expect(host.requests[0]!.aborted()).toBe(true);
    expect(host.requests[1]!.aborted()).toBe(false);
    host.requests[0]!.answer();
    host.requests[1]!.answer();
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toMatchObject({ search: '田中' }));
    expect(results.filter(Boolean)).toEqual([{ rows: [], total: 0, search: '田中' }]);
    // The abandoned call never reached the observer as an answer (no "host unreachable" for it).
    expect(seen).toEqual(['cases.list']);
    unsubscribe();
  });
});

describe('a case opened by id, then shown under its reference', () => {
  // The member-email flow (issue 10): the case file, read while the case was 'approved', is opened again by
  // id from the queue after the sender mailed the decision (the case is now 'notified', a change no call of
  // this session made). Filed under its reference as if just read, it stayed 'approved' on screen.
  it('is asked for again when the file it copies is old', async () => {
    const client = createDeskQueryClient();
    const approved = { case: { id: 7, reference: 'PD-2026-00007', status: 'approved' }, timeline: [] } as unknown as CaseFile;
    const notified = { case: { id: 7, reference: 'PD-2026-00007', status: 'notified' }, timeline: [] } as unknown as CaseFile;
    client.setQueryData(deskKey('cases.get', { id: 7 }), approved, { updatedAt: Date.now() - 60_000 });
    fileUnderReference(client, deskKey('cases.get', { id: 7 }));
    const reads: unknown[] = [];
    // The screen's query under the reference, with its case-file freshness (deskQueries.ts useDeskQuery).
    const observer = new QueryObserver<CaseFile>(client, {
      queryKey: deskKey('cases.get', { reference: 'PD-2026-00007' }),
      queryFn: async () => {
        reads.push('cases.get');
        return notified;
      },
      staleTime: 1_000,
    });
    // What the screen settles on: at once if it does not ask again, else the answer.
    let stop = () => {};
    const shown = new Promise<string | undefined>((resolve) => {
      stop = observer.subscribe((r) => {
        if (!r.isFetching) resolve(r.data?.case.status);
      });
      const first = observer.getCurrentResult();
      if (!first.isFetching) resolve(first.data?.case.status);
    });
    expect(await shown).toBe('notified');
    stop();
    expect(reads).toHaveLength(1);
  });

  it('is not asked for again when the file it copies was just read (every cases.get is an audited view)', async () => {
    const client = createDeskQueryClient();
    client.setQueryData(deskKey('cases.get', { id: 7 }), file);
    fileUnderReference(client, deskKey('cases.get', { id: 7 }));
    const reads: unknown[] = [];
    const observer = new QueryObserver<CaseFile>(client, {
      queryKey: deskKey('cases.get', { reference: 'PD-2026-00007' }),
      queryFn: async () => {
        reads.push('cases.get');
        return file;
      },
      staleTime: 1_000,
    });
    const stop = observer.subscribe(() => undefined);
    expect(observer.getCurrentResult().data).toStrictEqual(file);
    expect(observer.getCurrentResult().isFetching).toBe(false);
    stop();
    expect(reads).toHaveLength(0);
  });
});

describe('a read started by the click that shows it (prefetchDesk)', () => {
  // The queue asks for the next page from the click, before it renders; the screen's query then subscribes.
  const page2 = { view: 'all_open' as const, page: 2, pageSize: 50 };
  const observe = (client: ReturnType<typeof createDeskQueryClient>, desk: DeskApi) =>
    new QueryObserver(client, { ...deskQuery(desk, 'cases.list', page2), staleTime: FRESH_FOR['cases.list'] });

  it('is one request when the screen subscribes while it is in flight', async () => {
    const client = createDeskQueryClient();
    let answer: (v: Result<unknown>) => void = () => undefined;
    const calls: MethodName[] = [];
    const desk = deskFromCall((method) => {
      calls.push(method);
      return new Promise<Result<unknown>>((resolve) => (answer = resolve));
    });
    prefetchDesk(client, desk, 'cases.list', page2);
    const stop = observe(client, desk).subscribe(() => undefined);
    answer({ ok: true, value: { rows: [], total: 0 } });
    await vi.waitFor(() => expect(client.getQueryData(deskKey('cases.list', page2))).toBeDefined());
    stop();
    expect(calls).toEqual(['cases.list']);
  });

  it('is one request when its answer came back before the screen subscribed', async () => {
    const client = createDeskQueryClient();
    const { desk, calls } = fakeDesk({ 'cases.list': { rows: [], total: 0 } });
    prefetchDesk(client, desk, 'cases.list', page2);
    await vi.waitFor(() => expect(client.getQueryData(deskKey('cases.list', page2))).toBeDefined());
    const observer = observe(client, desk);
    const stop = observer.subscribe(() => undefined);
    expect(observer.getCurrentResult().isFetching).toBe(false);
    stop();
    expect(calls).toEqual(['cases.list']);
  });

  it('the click asks again even when the cache holds an answer from a moment ago: the screen shows what changed since', async () => {
    // A case file read, then changed by someone else (a colleague, the mail fetcher) within the second:
    // reopening it from the queue must show the change, not the answer cached just before it.
    const client = createDeskQueryClient();
    let version = 1;
    const calls: MethodName[] = [];
    const desk = deskFromCall(async (method): Promise<Result<unknown>> => {
      calls.push(method);
      return { ok: true, value: { rows: [], total: version } };
    });
    await client.fetchQuery(deskQuery(desk, 'cases.list', page2));
    version = 2;
    prefetchDesk(client, desk, 'cases.list', page2);
    await vi.waitFor(() => expect(client.getQueryData(deskKey('cases.list', page2))).toEqual({ rows: [], total: 2 }));
    const observer = observe(client, desk);
    const stop = observer.subscribe(() => undefined);
    expect(observer.getCurrentResult().isFetching).toBe(false);
    stop();
    expect(calls).toEqual(['cases.list', 'cases.list']);
  });
});

describe('formatters', () => {
  it('are created once per locale and style, not once per date on screen', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    for (let d = 1; d <= 28; d++) {
      for (const locale of ['ja', 'en'] as const) {
        formatDate(locale, `2026-02-${String(d).padStart(2, '0')}`);
        formatDate(locale, `2026-02-${String(d).padStart(2, '0')}`, 'plain');
        formatDateTime(locale, `2026-02-${String(d).padStart(2, '0')}T01:00:00Z`);
      }
    }
    // 168 dates formatted; at most one formatter per (locale, options) pair, however many dates.
    expect(spy.mock.calls.length).toBeLessThanOrEqual(6);
    expect(formatDate('ja', '2026-02-05')).toBe('2026/02/05(木)');
    spy.mockRestore();
  });
});
