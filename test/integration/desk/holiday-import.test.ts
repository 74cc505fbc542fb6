// Issue 11 item 8 on a real encrypted desk: a supervisor previews and imports the Cabinet Office's
// holiday list; open cases are recomputed as for a desk closure; from February the desk says when next
// year's holidays are missing; a refused file changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, tempDir, value } from '../../support/desk.ts';
import { cabinetOfficeDays, syukujitsuBase64 } from '../../support/holiday-file.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { CalendarYear, CaseFile, CreatedCase, HolidayImportPreview, HolidayImportResult } from '../../../electron/contract/index.ts';

let now = Date.parse('2027-02-02T01:00:00Z'); // Tue 10:00 in Tokyo
let rt: DeskRuntime;
let dir: { path: string; remove(): void };

beforeEach(async () => {
  now = Date.parse('2027-02-02T01:00:00Z');
  dir = tempDir();
  rt = (await newDesk(dir.path, { now: () => new Date(now) })).rt;
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

const disclosure = {
  type: 'disclosure',
  channel: 'post',
  arrivedAt: '2027-02-02T09:30:00+09:00',
  requesterKind: 'member',
  memberName: '山田 花子',
  memberKana: 'ヤマダ ハナコ',
  memberAddress: '東京都新宿区西新宿1-1-1',
  memberPostalCode: '160-0023',
  requestText: '保有個人データの開示を求めます。',
  delivery: 'paper',
};
const year = async (y: number) => value(await rt.dispatch('calendar.year', { year: y })) as CalendarYear;
// The 2027 list with one extra holiday on Monday 2027-02-08, inside the case's ten business days.
const withExtraDay = cabinetOfficeDays(2026, 2027).concat([{ date: '2027-02-08', name: '臨時の休日' }]);

describe('importing the holiday list', () => {
  it('previews the differences, then imports: open cases move and the move is on their timeline', async () => {
    const made = value(await rt.dispatch('cases.create', disclosure)) as CreatedCase;
    const before = (value(await rt.dispatch('cases.get', { id: made.id })) as CaseFile).deadline.due;

    const preview = value(await rt.dispatch('calendar.previewHolidays', { file: syukujitsuBase64(withExtraDay) })) as HolidayImportPreview;
    expect(preview).toMatchObject({ encoding: 'Shift_JIS (CP932)', years: [2026, 2027], rowsBefore: 2, added: [{ date: '2027-02-08', nameJa: '臨時の休日' }], removed: [], contradictions: [] });
    // A preview stores nothing.
    expect((await year(2027)).closedDays.find((d) => d.date === '2027-02-08')).toBeUndefined();

    const result = value(await rt.dispatch('calendar.importHolidays', { file: syukujitsuBase64(withExtraDay) })) as HolidayImportResult;
    expect(result.change.moved).toHaveLength(1);
    const file = value(await rt.dispatch('cases.get', { id: made.id })) as CaseFile;
    expect(file.deadline.due > before).toBe(true);
    expect(result.change.moved[0]).toMatchObject({ oldDue: before, newDue: file.deadline.due });
    expect(file.timeline.some((e) => e.kind === 'due_recomputed' && (e.data as { why?: { cause?: string } }).why?.cause === 'holidays_imported')).toBe(true);
    expect((await year(2027)).closedDays.find((d) => d.date === '2027-02-08')).toMatchObject({ kind: 'holiday', reasonJa: '臨時の休日' });
  });

  it('tells a supervisor from February that next year is not loaded, and stops once it is', async () => {
    expect((await year(2028)).outdated).toEqual({ code: 'HOLIDAYS_MAY_BE_OUTDATED', knownThrough: 2027 });
    expect((await year(2028)).provisional).toBe(true);
    value(await rt.dispatch('calendar.importHolidays', { file: syukujitsuBase64(cabinetOfficeDays(2026, 2028)) }));
    const y = await year(2028);
    expect(y).toMatchObject({ outdated: null, knownThrough: 2028, provisional: false });
    expect(y.closedDays.filter((d) => d.provisional)).toEqual([]);
  });

  it('refuses a file contradicting the law unless the supervisor says yes, and a bad file changes nothing', async () => {
    value(await rt.dispatch('calendar.importHolidays', { file: syukujitsuBase64(withExtraDay) }));

    const noConstitutionDay = cabinetOfficeDays(2027, 2027).filter((d) => d.date !== '2027-05-03');
    const refused = await rt.dispatch('calendar.importHolidays', { file: syukujitsuBase64(noConstitutionDay) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.reason).toEqual({ code: 'HOLIDAY_FILE_CONTRADICTS_LAW', contradictions: [{ date: '2027-05-03', nameJa: '憲法記念日' }] });

    const wrongColumns = Buffer.from('日付,名前\r\n2027/1/1,元日\r\n').toString('base64');
    const bad = await rt.dispatch('calendar.importHolidays', { file: wrongColumns });
    expect(!bad.ok && bad.error.reason).toEqual({ code: 'HOLIDAY_FILE_COLUMNS', found: ['日付', '名前'] });
    const badDate = Buffer.from('国民の祝日・休日月日,国民の祝日・休日名称\r\n2027/13/1,元日\r\n').toString('base64');
    const bad2 = await rt.dispatch('calendar.previewHolidays', { file: badDate });
    expect(!bad2.ok && bad2.error.reason).toEqual({ code: 'HOLIDAY_FILE_BAD_DATE', line: 2, value: '2027/13/1' });
    const garbage = Buffer.from([0x82, 0xa0, 0x0a, 0xff, 0xfe, 0xfd]).toString('base64');
    const bad3 = await rt.dispatch('calendar.importHolidays', { file: garbage });
    expect(!bad3.ok && bad3.error.reason).toEqual({ code: 'HOLIDAY_FILE_ENCODING', line: 2 });

    // The earlier import is intact.
    const days = (await year(2027)).closedDays;
    expect(days.find((d) => d.date === '2027-02-08')).toMatchObject({ reasonJa: '臨時の休日' });
    expect(days.find((d) => d.date === '2027-05-03')).toMatchObject({ kind: 'holiday' });

    value(await rt.dispatch('calendar.importHolidays', { file: syukujitsuBase64(noConstitutionDay), acceptContradictions: true }));
    expect((await year(2027)).closedDays.find((d) => d.date === '2027-05-03')).toBeUndefined();
  });
});
