// Import files as desks receive them: written by Excel (BOM, CRLF) or by a script (LF), with Japanese and
// foreign residents' names, full-width addresses, multi-line request texts.
import { csvField } from '../../electron/core/cases/csv.ts';

export type ImportRow = Record<string, string>;

export const IMPORT_HEADER = ['type', 'kind', 'arrived', 'name', 'kana', 'email', 'address', 'requester', 'requester_name', 'text'];

const NAMES: Array<[string, string, string]> = [
  ['山田 太郎', 'やまだ たろう', 'taro.yamada'],
  ['Nguyen Thi Lan', 'グエン ティ ラン', 'lan.nguyen'],
  ['王 偉', 'おう い', 'wang.wei'],
  ['Maria Santos', 'マリア サントス', 'maria.santos'],
  ['Shrestha Bikash', 'シュレスタ ビカシュ', 'bikash.s'],
  ['佐々木 美穂', 'ささき みほ', 'miho.sasaki'],
];

/** A valid row i (arrivals spread over the days before `before`, an ISO instant). */
export function sampleRow(i: number, before = '2026-11-20T10:00:00+09:00'): ImportRow {
  const [name, kana, mail] = NAMES[i % NAMES.length]!;
  const type = (['disclosure', 'correction', 'suspension'] as const)[i % 3]!;
  const arrived = new Date(Date.parse(before) - (i % 200) * 3_600_000 * 7);
  return {
    type,
    kind: type === 'correction' ? 'correct;add' : type === 'suspension' ? 'stop-use;stop-third-party' : '',
    arrived: `${new Date(arrived.getTime() + 9 * 3_600_000).toISOString().slice(0, 16)}+09:00`,
    name,
    kana,
    email: `${mail}${i}@example.jp`,
    address: '',
    requester: 'member',
    requester_name: '',
    text: `登録情報の${type === 'disclosure' ? '開示' : type === 'correction' ? '訂正' : '利用停止'}を求めます（No.${i}）。`,
  };
}

/** CSV text of the rows under `header`; Excel style (BOM + CRLF) unless told otherwise. */
export function csvOf(rows: readonly ImportRow[], options: { header?: readonly string[]; bom?: boolean; eol?: string } = {}): string {
  const header = options.header ?? IMPORT_HEADER;
  const eol = options.eol ?? '\r\n';
  const lines = [header.join(','), ...rows.map((r) => header.map((h) => csvField(r[h] ?? '')).join(','))];
  return (options.bom === false ? '' : '\uFEFF') + lines.join(eol) + eol;
}
