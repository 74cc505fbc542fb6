// Searching the queue as staff do: a two-kanji surname, a kana fragment, a reference. Results come from
// the indexes (search-index.ts) and are ranked: exact reference, then a name or kana, then other text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newDesk, tempDir, value } from '../../support/desk.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { Input } from '../../../electron/contract/index.ts';

let rt: DeskRuntime;
let dir: { path: string; remove(): void };
const now = Date.parse('2026-11-24T01:00:00Z');

const base = {
  type: 'disclosure',
  channel: 'post',
  arrivedAt: '2026-11-24T09:30:00+09:00',
  requesterKind: 'member',
  memberEmail: 'member@example.com',
  memberPostalCode: '160-0023',
  memberAddress: '東京都新宿区西新宿1-1-1',
  delivery: 'paper',
} satisfies Partial<Input<'cases.create'>>;

beforeEach(async () => {
  dir = tempDir();
  rt = (await newDesk(dir.path, { now: () => new Date(now) })).rt;
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

async function create(memberName: string, memberKana: string, requestText: string): Promise<string> {
  return value(await rt.call('cases.create', { ...base, memberName, memberKana, requestText })).reference;
}
const search = async (text: string) => value(await rt.call('cases.list', { search: text, sort: 'arrived' })).rows.map((r) => r.reference);

describe('queue search', () => {
  it('finds two-character surnames and kana, puts name matches before text matches, and an exact reference first', async () => {
    const textOnly = await create('佐藤 花子', 'サトウ ハナコ', '田中さんの件について開示を求めます。');
    const named = await create('田中 太郎', 'タナカ タロウ', '登録情報の開示を求めます。');
    const other = await create('中田 恵', 'ナカタ メグミ', '登録情報の開示を求めます。');

    // Arrival order would list textOnly first; the name match ranks above it. 中田 is not 田中.
    expect(await search('田中')).toEqual([named, textOnly]);
    expect(await search('たな')).toEqual([named]);
    expect(await search('恵')).toEqual([other]);
    // A reference typed in full puts that case first, before a later case whose text quotes it.
    const follow = await create('佐藤 花子', 'サトウ ハナコ', `${other}の件の続きです。`);
    const newestFirst = value(await rt.call('cases.list', { search: other.toLowerCase(), sort: 'arrived', direction: 'desc' })).rows.map((r) => r.reference);
    expect(newestFirst).toEqual([other, follow]);
    expect(await search('ｔａ')).toEqual([]);
  });

  it('opens a case by its reference as a link or the address bar gives it, and says when there is none', async () => {
    const reference = await create('田中 太郎', 'タナカ タロウ', '開示を求めます。');
    const typed = reference.toLowerCase().replace(/[0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const file = value(await rt.call('cases.get', { reference: typed }));
    expect(file.case.reference).toBe(reference);
    const missing = await rt.call('cases.get', { reference: 'PD-2026-99999' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await rt.call('cases.get', { reference: 'DROP TABLE' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  // A search alone is counted in the index (queue.ts indexCount); with a filter, over the cases. Either
  // way the total is the number of cases the search finds, as many as its rows when they fit one page.
  it('counts what a search finds, alone, with a filter, and for a name typed without its space', async () => {
    await create('田中 太郎', 'タナカ タロウ', '登録情報の開示を求めます。');
    await create('田中 花子', 'タナカ ハナコ', '登録情報の開示を求めます。');
    await create('佐藤 花子', 'サトウ ハナコ', '田中さんの件について開示を求めます。');
    await create('中田 恵', 'ナカタ メグミ', '登録情報の開示を求めます。');
    const listed = async (input: Input<'cases.list'>) => {
      const page = value(await rt.call('cases.list', input));
      return { total: page.total, rows: page.rows.length };
    };
    expect(await listed({ search: '田中' })).toEqual({ total: 3, rows: 3 });
    expect(await listed({ search: '田中', page: 2 })).toEqual({ total: 3, rows: 0 });
    expect(await listed({ search: 'たなか' })).toEqual({ total: 2, rows: 2 });
    // 田中太郎 typed without its space: the index's spaceless name key, and the phrase itself (two lists, one case).
    expect(await listed({ search: '田中太郎' })).toEqual({ total: 1, rows: 1 });
    expect(await listed({ search: '田中 太郎' })).toEqual({ total: 1, rows: 1 });
    // A filter beside the search is counted over the cases: the in-review one only.
    const [first] = value(await rt.call('cases.list', { search: '田中 花子' })).rows;
    value(await rt.call('cases.startReview', { id: first!.id }));
    expect(await listed({ search: '田中', statuses: ['in_review'] })).toEqual({ total: 1, rows: 1 });
    expect(await listed({ search: '田中', statuses: ['received'] })).toEqual({ total: 2, rows: 2 });
    // The tab is ignored by a search (issue 11), so it does not narrow the count either.
    expect(await listed({ search: '田中', view: 'closed' })).toEqual({ total: 3, rows: 3 });
  });

  // queue.ts picks a page on ids and sort keys, then reads that page's rows: the pages must still be the one
  // sorted list cut in pieces, ties (same arrival, same name) and the search's rank included.
  it('pages through any sort, with or without a search, as the one sorted list cut in pieces', async () => {
    const names: Array<[string, string]> = [['田中 太郎', 'タナカ タロウ'], ['佐藤 花子', 'サトウ ハナコ'], ['田中 花子', 'タナカ ハナコ'], ['中田 恵', 'ナカタ メグミ']];
    for (let i = 0; i < 23; i++) {
      const [name, kana] = names[i % names.length]!;
      const text = i % 5 === 0 ? '田中さんの件について開示を求めます。' : '登録情報の開示を求めます。';
      // Three arrivals only: many cases share a due date and an arrival, so the id breaks the ties.
      value(await rt.call('cases.create', { ...base, type: i % 3 === 0 ? 'correction' : 'disclosure', kinds: i % 3 === 0 ? ['correct'] : [], delivery: i % 3 === 0 ? null : 'paper', memberName: name, memberKana: kana, requestText: text, arrivedAt: `2026-11-${20 + (i % 3)}T09:30:00+09:00` }));
    }
    const refs = async (input: Input<'cases.list'>) => value(await rt.call('cases.list', input)).rows.map((r) => r.reference);
    for (const search of ['', '田中']) {
      for (const sort of ['due', 'arrived', 'reference', 'status', 'type', 'member'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const whole = await refs({ search, sort, direction, pageSize: 200 });
          expect(whole.length).toBeGreaterThan(10);
          const pages = [...(await refs({ search, sort, direction, pageSize: 10, page: 1 })), ...(await refs({ search, sort, direction, pageSize: 10, page: 2 })), ...(await refs({ search, sort, direction, pageSize: 10, page: 3 }))];
          expect(pages, `${search || '(no search)'} by ${sort} ${direction}`).toEqual(whole);
        }
      }
    }
  });

  // A common surname's page is found by walking the sort's index until enough name matches are seen
  // (queue.ts walkedPage) instead of ranking every hit; with a filter that keeps every case, the same search
  // takes the usual path (rank and sort all hits in SQL). 120 cases, ~80 hits, ~70 of them names: early
  // pages are walked and stop before the end, later ones see every hit or fall back to the usual query. Law: for any sort, direction, page size and page,
  // the walked page is that full ranked list cut at the same place, and the list puts every name match
  // before every text-only match.
  it('gives a search page equal to the same place in the fully ranked and sorted list (property)', async () => {
    const names: Array<[string, string]> = [['田中 太郎', 'タナカ タロウ'], ['田中 花子', 'タナカ ハナコ'], ['佐藤 花子', 'サトウ ハナコ'], ['中田 恵', 'ナカタ メグミ'], ['田中 一郎', 'タナカ イチロウ']];
    const texts = ['田中さんの件について開示を求めます。', '登録情報の開示を求めます。', '中村様の担当者について訂正を求めます。'];
    const nameHit = new Set<string>();
    for (let i = 0; i < 120; i++) {
      const [name, kana] = names[(i * 7) % names.length]!;
      const correction = i % 4 === 0;
      const ref = value(await rt.call('cases.create', { ...base, type: correction ? 'correction' : 'disclosure', kinds: correction ? ['correct'] : [], delivery: correction ? null : 'paper', memberName: name, memberKana: kana, requestText: texts[i % texts.length]!, arrivedAt: `2026-11-${10 + (i % 9)}T0${i % 10}:30:00+09:00` })).reference;
      if (name.includes('田中')) nameHit.add(ref);
    }
    const refs = async (input: Input<'cases.list'>) => value(await rt.call('cases.list', input)).rows.map((r) => r.reference);
    const sorts = ['due', 'arrived', 'reference', 'status', 'type', 'member'] as const;
    const whole = new Map<string, string[]>();
    for (const sort of sorts) {
      for (const direction of ['asc', 'desc'] as const) {
        // types: every type a case here has — a filter that removes nothing, so the search is not alone.
        const list = await refs({ search: '田中', sort, direction, types: ['disclosure', 'correction'], pageSize: 200 });
        const firstText = list.findIndex((r) => !nameHit.has(r));
        expect(firstText, `${sort} ${direction}`).toBe(nameHit.size);
        expect(list.length).toBeGreaterThan(nameHit.size);
        whole.set(`${sort} ${direction}`, list);
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sorts), fc.constantFrom('asc' as const, 'desc' as const), fc.integer({ min: 10, max: 25 }), fc.integer({ min: 1, max: 5 }), async (sort, direction, pageSize, page) => {
        const list = whole.get(`${sort} ${direction}`)!;
        expect(await refs({ search: '田中', sort, direction, pageSize, page })).toEqual(list.slice((page - 1) * pageSize, page * pageSize));
      }),
      { numRuns: 60 },
    );
  });
});
