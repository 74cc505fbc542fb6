// Which cached reads a colleague's change makes stale (renderer/src/api/useSharedDeskRefresh.ts): lists and
// counts on any change; an open case file (an audited view of personal data) only when that case changed.
import { describe, expect, it } from 'vitest';
import { staleAfter, type CachedRead } from '../../../renderer/src/api/sharedRefresh.ts';

/** The screens' cached reads, as TanStack keeps them (key = method and input; the answer). */
function cache(): CachedRead[] {
  return [
    { queryKey: ['cases.list', { view: 'all_open' }], state: { data: { rows: [], total: 0 } } },
    { queryKey: ['cases.get', { id: 7 }], state: { data: { case: { id: 7, reference: 'PD-2026-00007' }, timeline: [] } } },
    { queryKey: ['cases.get', { reference: 'PD-2026-00009' }], state: { data: { case: { id: 9, reference: 'PD-2026-00009' }, timeline: [] } } },
    { queryKey: ['outbox.list', { state: 'queued' }], state: { data: { rows: [] } } },
  ];
}

const stale = (reads: CachedRead[], changes: Parameters<typeof staleAfter>[0]) =>
  reads
    .filter(staleAfter(changes))
    .map((q) => JSON.stringify(q.queryKey))
    .sort();

describe('colleagues\' changes → what the screens ask for again', () => {
  it('case 9 changed (opened by reference): the lists, and case 9\'s file — not case 7\'s', () => {
    expect(stale(cache(), { shared: true, cursor: 5, all: false, kinds: ['case'], cases: [9] })).toEqual(
      ['["cases.get",{"reference":"PD-2026-00009"}]', '["cases.list",{"view":"all_open"}]', '["outbox.list",{"state":"queued"}]'].sort(),
    );
  });
  it('only mail changed: the lists, no case file', () => {
    expect(stale(cache(), { shared: true, cursor: 5, all: false, kinds: ['outbox'], cases: [] })).not.toContain('["cases.get",{"id":7}]');
  });
  it('everything may have changed (a reconnect): every read, case files too', () => {
    expect(stale(cache(), { shared: true, cursor: 5, all: true, kinds: [], cases: [] })).toHaveLength(4);
  });
  it('nothing changed: nothing is asked again', () => {
    expect(stale(cache(), { shared: true, cursor: 5, all: false, kinds: [], cases: [] })).toEqual([]);
  });
});
