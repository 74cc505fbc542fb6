// The renderer's data layer (renderer/src/api/deskCache.ts): a change through the session's desk
// invalidates what screens hold, a change that answers with a case file puts it in the cache under the
// case's reference (no second, audited, cases.get), reads never invalidate, and formatters are built once.
import { describe, expect, it, vi } from 'vitest';
import type { CaseFile, DeskApi, MethodName, Result } from '../../../electron/contract/index.ts';
import { createDeskQueryClient, deskKey, invalidatingDesk } from '../../../renderer/src/api/deskCache.ts';
import { deskFromCall } from '../../../renderer/src/api/deskFromCall.ts';
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
