// Issue 11, item 7 (and item 3 for files): Japanese Excel's "CSV" is Shift_JIS (CP932). A file with only
// the required columns, correction and suspension rows without a `kind`, imports whole in UTF-8, CP932
// (髙 and 﨑, NEC/IBM extensions, intact) and UTF-16; bytes valid in neither are refused with their line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDesk, SUPERVISOR, tempDir } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { csvOf, type ImportRow } from '../../support/import-file.ts';
import { toCp932, toUtf16le } from '../../support/cp932.ts';
import { runCli } from '../../support/run-cli.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import { loadDeskCalendar } from '../../../electron/core/desk-calendar/store.ts';
import { checkImport, readImportBytes, ImportFileError } from '../../../electron/core/cases/import-csv.ts';

const HEADER = ['type', 'arrived', 'name', 'kana', 'email', 'address', 'requester', 'text'];
const NAMES: Array<[string, string]> = [
  ['髙橋 一郎', 'たかはし いちろう'],
  ['山﨑 花子', 'やまざき はなこ'],
  ['渡邊 健', 'わたなべ けん'],
  ['佐藤 美咲', 'さとう みさき'],
];

function rows(before: string): ImportRow[] {
  return Array.from({ length: 40 }, (_, i) => {
    const type = (['disclosure', 'correction', 'suspension'] as const)[i % 3]!;
    const [name, kana] = NAMES[i % NAMES.length]!;
    const arrived = new Date(Date.parse(before) - i * 3_600_000 * 5);
    return {
      type,
      arrived: `${new Date(arrived.getTime() + 9 * 3_600_000).toISOString().slice(0, 16)}+09:00`,
      name,
      kana,
      email: i % 2 === 0 ? `member${i}@example.jp` : '',
      address: i % 2 === 0 ? '' : `東京都千代田区霞が関1-${i}`,
      requester: 'member',
      text: `${type === 'correction' ? '登録内容の訂正' : type === 'suspension' ? '利用の停止' : '開示'}をお願いします（${i}）。`,
    };
  });
}

const NOW = new Date('2026-11-24T01:00:00Z');
const yesterday = new Date(Date.now() - 86_400_000).toISOString();
let dir: { path: string; remove(): void };
let files: { path: string; remove(): void };

beforeAll(async () => {
  dir = tempDir('pd-enc-');
  files = tempDir('pd-enc-files-');
  const { rt } = await newDesk(dir.path);
  await rt.close();
});
afterAll(() => {
  dir.remove();
  files.remove();
});

describe('reading import files', () => {
  const text = csvOf(rows('2026-11-20T10:00:00+09:00'), { header: HEADER });

  it('UTF-8 with and without a BOM, CP932 and UTF-16 all read the same text, and say which was read', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(readImportBytes(utf8)).toEqual({ text: text.replace(/^\uFEFF/, ''), encoding: 'UTF-8' });
    expect(readImportBytes(new TextEncoder().encode(text.replace(/^\uFEFF/, '')))).toMatchObject({ encoding: 'UTF-8' });
    const sjis = readImportBytes(toCp932(text.replace(/^\uFEFF/, '')));
    expect(sjis).toEqual({ text: text.replace(/^\uFEFF/, ''), encoding: 'Shift_JIS (CP932)' });
    expect(sjis.text).toContain('髙橋 一郎');
    expect(sjis.text).toContain('山﨑 花子');
    expect(readImportBytes(toUtf16le(text.replace(/^\uFEFF/, '')))).toEqual({ text: text.replace(/^\uFEFF/, ''), encoding: 'UTF-16LE' });
  });

  it('only the required columns: all 40 rows valid, the corrections and suspensions without a kind', async () => {
    const d = await unlockDirect(dir.path);
    try {
      const calendar = await loadDeskCalendar(d.store.db);
      const checked = checkImport(readImportBytes(toCp932(text.replace(/^\uFEFF/, ''))).text, calendar, NOW);
      expect(checked.errors).toEqual([]);
      expect(checked.valid).toHaveLength(40);
      expect(checked.valid.filter((r) => r.input.type !== 'disclosure').every((r) => r.input.kinds.length === 0)).toBe(true);
    } finally {
      await lockDesk(d);
    }
  });

  it('refuses bytes valid in neither encoding, naming the line', () => {
    const good = new TextEncoder().encode('type,arrived\r\n');
    const bad = new Uint8Array([...good, ...toCp932('髙橋,'), 0xff, 0x0d, 0x0a]);
    expect(() => readImportBytes(bad)).toThrow(ImportFileError);
    expect(() => readImportBytes(bad)).toThrow(/^Line 2 holds bytes that are neither UTF-8 nor Shift_JIS \(CP932\)/);
  });
});

describe('desk import of a Japanese Excel file', () => {
  it('imports 40 of 40 rows from a CP932 file with only the required columns; 髙 and 﨑 intact', async () => {
    const path = join(files.path, 'excel.csv');
    writeFileSync(path, toCp932(csvOf(rows(yesterday), { header: HEADER, bom: false })));
    const r = await runCli(['import', path, '--data-dir', dir.path, '--user', SUPERVISOR.username], SUPERVISOR.password);
    expect(r.stderr).toContain('excel.csv: read as Shift_JIS (CP932).');
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/^40 imported \(references from PD-\d{4}-00001 to PD-\d{4}-00040\), 0 skipped\./) });
    const d = await unlockDirect(dir.path);
    try {
      const names = (await d.store.db.selectFrom('cases').select('member_name').execute()).map((c) => c.member_name);
      expect(names).toHaveLength(40);
      expect(names.filter((n) => n === '髙橋 一郎')).toHaveLength(10);
      expect(names.filter((n) => n === '山﨑 花子')).toHaveLength(10);
    } finally {
      await lockDesk(d);
    }
  });
});
