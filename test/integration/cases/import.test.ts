// "After a leak, hundreds of requests arrive at once as a spreadsheet: the desk checks every row like a
// case typed in by hand, lists every problem by line and column, and imports all of them or none."
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDesk, SUPERVISOR, tempDir } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { csvOf, IMPORT_HEADER, sampleRow } from '../../support/import-file.ts';
import { lockDesk, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { loadDeskCalendar } from '../../../electron/core/desk-calendar/store.ts';
import { checkImport, decodeImportFile, importCases, ImportFileError } from '../../../electron/core/cases/import-csv.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import type { DeskCalendar } from '../../../electron/core/calendar/index.ts';

const NOW = new Date('2026-11-24T01:00:00Z'); // Tue 10:00 in Tokyo
let dir: { path: string; remove(): void };
let desk: UnlockedDesk;
let calendar: DeskCalendar;

beforeAll(async () => {
  dir = tempDir();
  const { rt } = await newDesk(dir.path);
  await rt.close();
  desk = await unlockDirect(dir.path);
  calendar = await loadDeskCalendar(desk.store.db);
});
afterAll(async () => {
  await lockDesk(desk);
  dir.remove();
});

const bytes = (s: string) => new TextEncoder().encode(s);
const check = (text: string) => checkImport(decodeImportFile(bytes(text)), calendar, NOW);
const caseCount = async () => Number((await desk.store.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const fileError = (text: string | Uint8Array) => {
  try {
    checkImport(decodeImportFile(typeof text === 'string' ? bytes(text) : text), calendar, NOW);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportFileError);
    return (e as Error).message;
  }
  throw new Error('expected a file error');
};

describe('checking a file', () => {
  it('reads Excel’s CSV UTF-8 (BOM, CRLF), quoted multi-line text, full-width email and hyphenated kinds', () => {
    const rows = [
      { ...sampleRow(0), text: '住所が古いままです。\r\n新しい住所: 東京都新宿区西新宿3-3-13\r\n"至急" お願いします, よろしく' },
      { ...sampleRow(1), type: 'Suspension', kind: 'stop-use; stop-third-party', email: 'ｌａｎ．ｎｇｕｙｅｎ＠ｅｘａｍｐｌｅ．ｊｐ', requester: 'agent', requester_name: '弁護士 田中 一郎', requester_postal_code: '１００－０００５', requester_address: '東京都千代田区丸の内2-4-1\n丸の内ビル5F', requester_email: 'ｔａｎａｋａ＠ｌａｗ．ｅｘａｍｐｌｅ．ｊｐ' },
      { ...sampleRow(2), type: 'correction', kind: 'correct;add;delete', email: '', address: '大阪府大阪市北区梅田1-1-1' },
    ];
    const checked = check(csvOf(rows, { header: [...IMPORT_HEADER, 'requester_postal_code', 'requester_address', 'requester_email'] }));
    expect(checked.errors).toEqual([]);
    // The first data row spans three physical lines: the next row starts on line 5. (and the agent’s address spans two)
    expect(checked.valid.map((v) => v.line)).toEqual([2, 5, 7]);
    expect(checked.valid[0]!.input.requestText).toBe('住所が古いままです。\n新しい住所: 東京都新宿区西新宿3-3-13\n"至急" お願いします, よろしく');
    expect(checked.valid[0]!.input).toMatchObject({ channel: 'web_form', delivery: 'electronic' });
    expect(checked.valid[1]!.input).toMatchObject({ type: 'suspension', kinds: ['stop_use', 'stop_third_party'], memberEmail: 'lan.nguyen@example.jp', requesterKind: 'agent' });
    // The agent's own contact, normalised like the member's (full-width digits and ＠), line breaks kept.
    expect(checked.valid[1]!.input).toMatchObject({ requesterPostalCode: '100-0005', requesterAddress: '東京都千代田区丸の内2-4-1\n丸の内ビル5F', requesterEmail: 'tanaka@law.example.jp' });
    expect(checked.valid[2]!.input).toMatchObject({ kinds: ['correct', 'add', 'delete'], delivery: null, memberEmail: '' });
  });

  it('lists every problem of every row with its physical line and column', () => {
    const rows = [
      sampleRow(0), // line 2
      { ...sampleRow(1), text: 'two\nlines' }, // lines 3-4
      { ...sampleRow(2), email: 'taro＠＠example', arrived: '2026-11-24 10:00' }, // line 5
      { ...sampleRow(3), type: '開示' }, // line 6
      { ...sampleRow(4), type: 'correction', kind: 'stop-use' }, // line 7
      { ...sampleRow(5), requester: 'agent', requester_name: '' }, // line 8
      { ...sampleRow(6), arrived: '2026-11-30T10:00+09:00' }, // line 9: in the future
      { ...sampleRow(7), email: 'ｍｉｈｏ＠ｅｘａｍｐｌｅ．ｊｐ' }, // line 10: fine after NFKC
      { ...sampleRow(8), name: '   ' }, // line 11
    ];
    const checked = check(csvOf(rows));
    expect(checked.total).toBe(9);
    expect(checked.valid.map((v) => v.line)).toEqual([2, 3, 10]);
    expect(checked.invalidLines).toEqual([5, 6, 7, 8, 9, 11]);
    expect(checked.errors.map((e) => [e.line, e.column])).toEqual([
      [5, 'arrived'],
      [5, 'email'],
      [6, 'type'],
      [7, 'kind'],
      [8, 'requester_name'],
      [8, 'requester_email'],
      [9, 'arrived'],
      [11, 'name'],
    ]);
    expect(checked.errors.find((e) => e.line === 6)!.message).toBe('"開示" is not one of disclosure, correction, suspension, inquiry, complaint.');
    expect(checked.errors.find((e) => e.line === 9)!.message).toMatch(/in the future/);
    // A kind is quoted back as it was typed, not as the desk spells it.
    expect(checked.errors.find((e) => e.line === 7)!.message).toBe('"stop-use" is not something a correction request can ask for.');
  });

  it('a 5 MB request text is a row error on "text", not a crash', () => {
    const checked = check(csvOf([sampleRow(0), { ...sampleRow(1), text: 'あ'.repeat(5_000_000) }]));
    expect(checked.valid).toHaveLength(1);
    expect(checked.errors).toEqual([{ line: 3, column: 'text', message: 'At most 100000 characters.' }]);
  });

  it('a row with too many or too few fields is named', () => {
    const text = `${IMPORT_HEADER.join(',')}\r\n${csvOf([sampleRow(0)], { bom: false }).split('\r\n')[1]},extra\r\n`;
    expect(check(text).errors).toEqual([{ line: 2, column: null, message: expect.stringMatching(/11 fields but the header has 10/) }]);
  });

  it('refuses files it cannot read, naming what is wrong', () => {
    // 山田 in Shift_JIS followed by 0xFF, which neither UTF-8 nor Shift_JIS has: line 3 is named.
    const broken = new Uint8Array([...bytes('type,name\r\nx,y\r\n'), 0x8e, 0x52, 0x93, 0x63, 0xff, 0x0d, 0x0a]);
    expect(fileError(broken)).toMatch(/^Line 3 holds bytes that are neither UTF-8 nor Shift_JIS \(CP932\)/);
    expect(fileError(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toMatch(/UTF-16/);
    expect(fileError('')).toBe('The file is empty.');
    expect(fileError('\uFEFF\r\n')).toBe('The file is empty.');
    expect(fileError(csvOf([]))).toMatch(/header but no rows/);
    expect(fileError(csvOf([sampleRow(0)], { header: [...IMPORT_HEADER, 'mail'] }))).toMatch(/Unknown column "mail"/);
    expect(fileError(csvOf([sampleRow(0)], { header: IMPORT_HEADER.filter((h) => h !== 'arrived' && h !== 'kana') }))).toMatch(/Missing required columns: arrived, kana/);
    expect(fileError(csvOf([sampleRow(0)], { header: [...IMPORT_HEADER, 'name'] }))).toMatch(/"name" appears twice/);
    expect(fileError(`${IMPORT_HEADER.join(',')}\n"unclosed,x\n`)).toMatch(/starts on line 2 is never closed/);
  });
});

describe('importing', () => {
  it('creates every case in one transaction, with references in file order and one audit row per case', async () => {
    const before = await caseCount();
    const checked = check(csvOf(Array.from({ length: 30 }, (_, i) => sampleRow(i))));
    const { created } = await importCases(desk.store.db, calendar, SUPERVISOR.username, NOW, checked.valid);
    expect(created.map((c) => c.reference)).toEqual(Array.from({ length: 30 }, (_, i) => `PD-2026-${String(i + 1).padStart(5, '0')}`));
    expect(await caseCount()).toBe(before + 30);
    const row = await desk.store.db.selectFrom('cases').selectAll().where('id', '=', created[1]!.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ member_kana: 'グエン ティ ラン', status: 'received', created_by: SUPERVISOR.username, kinds: '["correct","add"]' });
    const search = await desk.store.db.selectFrom('case_search').select('body').where('rowid', '=', created[1]!.id).executeTakeFirstOrThrow();
    expect(search.body).toContain('グエン');
    const audits = await desk.store.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'in', ['case.received', 'case.import']).execute();
    expect(audits.filter((a) => a.action === 'case.received')).toHaveLength(before + 30);
    expect(JSON.parse(audits.at(-1)!.detail)).toMatchObject({ count: 30, references: [{ from: 'PD-2026-00001', to: 'PD-2026-00030' }] });
    expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true });
  });

  it('a failure part-way leaves nothing half-imported', async () => {
    const before = await caseCount();
    const auditBefore = (await verifyAudit(desk.store.db)).rows;
    const checked = check(csvOf(Array.from({ length: 10 }, (_, i) => sampleRow(i))));
    await expect(
      importCases(desk.store.db, calendar, SUPERVISOR.username, NOW, checked.valid, {
        progressEvery: 4,
        onProgress: () => {
          throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect(await caseCount()).toBe(before);
    expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true, rows: auditBefore });
  });
});
