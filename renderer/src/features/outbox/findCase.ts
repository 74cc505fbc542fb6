// A case by its reference as a person types it (full-width, lower case, spaces): the open cases first,
// then the closed ones. Used where a screen asks "which case?" (the notice preview).
import type { DeskApi, QueueRow, Result } from '../../../../electron/contract/index.ts';

const normal = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

export async function findCaseByReference(desk: DeskApi, typed: string): Promise<Result<QueueRow | null>> {
  const reference = normal(typed);
  if (reference === '') return { ok: true, value: null };
  for (const view of ['all_open', 'closed'] as const) {
    const r = await desk.cases.list({ view, search: reference, pageSize: 10 });
    if (!r.ok) return r;
    const row = r.value.rows.find((x) => normal(x.reference) === reference);
    if (row) return { ok: true, value: row };
  }
  return { ok: true, value: null };
}
