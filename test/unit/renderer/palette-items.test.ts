// The command palette's choices: a reference however it is typed on a Japanese PC opens that case; any
// other text narrows the actions by name (issue 15 item 6).
import { describe, expect, it } from 'vitest';
import { paletteItems, type PaletteItem } from '../../../renderer/src/app/paletteItems.ts';

const actions: PaletteItem[] = [
  { label: '新規受付', route: { name: 'intake' } },
  { label: '受付一覧', route: { name: 'queue' } },
  { label: 'Outbox', route: { name: 'outbox' } },
];
const open = (reference: string) => `open ${reference}`;

describe('command palette items', () => {
  it('a reference typed in full width, with full-width hyphens or in lower case opens that case', () => {
    for (const typed of ['PD-2026-00042', 'pd-2026-00042', 'ＰＤ－２０２６－０００４２', ' ｐｄ-2026-00042 ']) {
      expect(paletteItems(typed, actions, open)).toEqual([{ key: 'case', label: 'open PD-2026-00042', route: { name: 'case', reference: 'PD-2026-00042' } }]);
    }
  });

  it('other text narrows the actions by name, folding width and case; nothing typed offers them all', () => {
    expect(paletteItems('', actions, open).map((i) => i.label)).toEqual(['新規受付', '受付一覧', 'Outbox']);
    expect(paletteItems('受付', actions, open).map((i) => i.label)).toEqual(['新規受付', '受付一覧']);
    expect(paletteItems('新規', actions, open).map((i) => i.route)).toEqual([{ name: 'intake' }]);
    expect(paletteItems('ＯＵＴ', actions, open).map((i) => i.label)).toEqual(['Outbox']);
    expect(paletteItems('PD-2026', actions, open)).toEqual([]);
  });
});
