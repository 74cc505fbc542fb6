// Issue 11, rule 5: one name normaliser (NFKC, kana folded, spaces removed) for duplicates and search;
// the search box looks through every tab and says where each hit is; an import warns of duplicates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { csvOf } from '../../support/import-file.ts';
import { runCli } from '../../support/run-cli.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { Input } from '../../../electron/contract/index.ts';
import { nameKey } from '../../../electron/core/cases/normalize.ts';

let rt: DeskRuntime;
let dir: { path: string; remove(): void };
const now = Date.parse('2026-12-01T01:00:00Z');

const base = {
  type: 'disclosure',
  channel: 'post',
  arrivedAt: '2026-12-01T09:30:00+09:00',
  requesterKind: 'member',
  memberAddress: '東京都新宿区西新宿1-1-1',
  requestText: '開示を求めます。',
  delivery: 'paper',
} satisfies Partial<Input<'cases.create'>>;
const create = async (over: Partial<Input<'cases.create'>> & { memberName: string }) => value(await rt.call('cases.create', { ...base, ...over }));
const search = async (q: string, view: Input<'cases.list'>['view'] = 'all_open') => value(await rt.call('cases.list', { view, search: q })).rows;

beforeEach(async () => {
  dir = tempDir();
  rt = (await newDesk(dir.path, { now: () => new Date(now) })).rt;
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

describe('one name normaliser', () => {
  it('nameKey: width, kana and spaces do not matter (a law over random names)', () => {
    expect(nameKey('やまだ\u3000はなこ')).toBe(nameKey('ﾔﾏﾀﾞﾊﾅｺ'));
    expect(nameKey('加藤 隆')).toBe('加藤隆');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('や', 'ま', 'だ', 'カ', 'ト', 'ウ', '加', '藤', 'A', 'ｂ', ' ', '\u3000'), { maxLength: 12 }), (chars) => {
        const s = chars.join('');
        expect(nameKey(s)).toBe(nameKey(s.replace(/\s/g, '')));
        expect(nameKey(nameKey(s))).toBe(nameKey(s));
      }),
    );
  });

  it('search finds a case by its name exactly as stored, and typed without the space', async () => {
    const hanako = await create({ memberName: 'やまだ はなこ', memberKana: '' });
    const kato = await create({ memberName: '加藤 隆', memberKana: 'カトウ タカシ' });
    for (const q of ['やまだ はなこ', 'やまだはなこ', 'ヤマダハナコ', 'ﾔﾏﾀﾞ ﾊﾅｺ']) expect((await search(q)).map((r) => r.id), q).toEqual([hanako.id]);
    for (const q of ['加藤隆', '加藤 隆', 'カトウタカシ', 'かとうたかし']) expect((await search(q)).map((r) => r.id), q).toEqual([kato.id]);
  });

  it('duplicate detection compares the same keys: 加藤隆 typed without a space finds 加藤 隆', async () => {
    const kato = await create({ memberName: '加藤 隆' });
    const dups = value(await rt.call('cases.findDuplicates', { type: 'disclosure', memberName: '加藤隆', memberEmail: '' }));
    expect(dups.map((d) => d.id)).toEqual([kato.id]);
    const half = value(await rt.call('cases.findDuplicates', { type: 'disclosure', memberName: 'ｶﾄｳ ﾀｶｼ', memberEmail: '' }));
    expect(half).toEqual([]); // a different name (its reading) is not the same member
    // A name stored in hiragana is found by the identical query (before, SQL compared unfolded kana: 0 hits).
    const hanako = await create({ memberName: 'やまだ はなこ' });
    const same = value(await rt.call('cases.findDuplicates', { type: 'disclosure', memberName: 'やまだ はなこ', memberEmail: '' }));
    expect(same.map((d) => d.id)).toEqual([hanako.id]);
  });
});

describe('search across tabs', () => {
  it('finds a case whatever the tab, and says which tab it is in', async () => {
    const open = await create({ memberName: '髙橋 一郎' });
    const paused = await create({ memberName: '髙橋 次郎' });
    value(await rt.call('cases.pause', { id: paused.id, reasonKind: 'clarification', reason: '内容の確認' }));
    const hits = await search('髙橋', 'closed');
    expect(hits.map((r) => [r.id, r.tab]).sort()).toEqual(
      [
        [open.id, 'all_open'],
        [paused.id, 'awaiting_requester'],
      ].sort(),
    );
  });
});

describe('import warns of duplicates of open cases', () => {
  it('lists them and imports them; --skip-duplicates leaves them out', async () => {
    await rt.close();
    const yesterday = new Date(Date.now() - 86_400_000);
    const at = `${new Date(yesterday.getTime() + 9 * 3_600_000).toISOString().slice(0, 16)}+09:00`;
    const header = ['type', 'arrived', 'name', 'kana', 'email', 'address', 'requester', 'text'];
    const row = (name: string, email: string) => ({ type: 'correction', arrived: at, name, kana: '', email, address: '', requester: 'member', text: '訂正を求めます。' });
    const files = tempDir('pd-dup-files-');
    try {
      const first = join(files.path, 'first.csv');
      writeFileSync(first, csvOf([row('加藤 隆', 'kato@example.jp')], { header }));
      expect(await runCli(['import', first, '--data-dir', dir.path, '--user', SUPERVISOR.username], SUPERVISOR.password)).toMatchObject({ code: 0 });
      const second = join(files.path, 'second.csv');
      writeFileSync(second, csvOf([row('加藤隆', 'takashi@example.jp'), row('佐藤 一', 'sato@example.jp')], { header }));
      const warned = await runCli(['import', second, '--data-dir', dir.path, '--user', SUPERVISOR.username], SUPERVISOR.password);
      expect(warned.stderr).toContain('second.csv: line 2: warning: duplicates open case PD-');
      expect(warned).toMatchObject({ code: 0, stdout: expect.stringMatching(/^2 imported .*, 0 skipped, 1 possible duplicate imported/) });
      const skipped = await runCli(['import', second, '--data-dir', dir.path, '--user', SUPERVISOR.username, '--skip-duplicates'], SUPERVISOR.password);
      // Now both rows duplicate open cases (the first import of this file made them).
      expect(skipped.stderr.match(/warning: duplicates open case/g)).toHaveLength(2);
      expect(skipped).toMatchObject({ code: 1, stdout: 'Every row duplicates an open case; nothing was imported.\n' });
    } finally {
      files.remove();
      rt = await openRuntime(dir.path);
    }
    // Three CLI runs, each unlocking the desk: generous on a loaded machine (it timed out at 30 s there).
  }, 180_000);
});
