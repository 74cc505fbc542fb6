// Japanese for the holiday-import codes (electron/contract/holidays.ts) and the Calendar screen's import
// panel, spread into ja-codes.ts / ja.ts.
import type { CodeOf, HolidayContradiction, HolidayFileProblem, HolidaysOutdated } from '../../../electron/contract/index.ts';
import type { Words } from './codes.ts';

type Table = { [C in HolidayFileProblem['code'] | HolidaysOutdated['code']]: (p: CodeOf<C>, w: Words) => string };

const contradictions = (list: HolidayContradiction[], w: Words) =>
  list.slice(0, 8).map((c) => `${w.date(c.date)} ${c.nameJa}`).join('、') + (list.length > 8 ? ` ほか${w.number(list.length - 8)}日` : '');

export const jaHolidayCodes: Table = {
  HOLIDAY_FILE_EMPTY: () => '祝日ファイルが空です。',
  HOLIDAY_FILE_ENCODING: (p, w) => `祝日ファイルの${w.number(p.line)}行目が UTF-8 でも Shift_JIS でもありません。ファイルが壊れている可能性があります。内閣府の syukujitsu.csv をもう一度ダウンロードしてください。`,
  HOLIDAY_FILE_TOO_LARGE: (p, w) => `祝日ファイルが ${w.number(p.kilobytes)} KB あります（内閣府の一覧は約 20 KB です）。syukujitsu.csv を選んでください。`,
  HOLIDAY_FILE_COLUMNS: (p) => `内閣府の祝日一覧ではありません。列は「国民の祝日・休日月日,国民の祝日・休日名称」である必要があります（このファイル：${p.found.join('、') || 'なし'}）。`,
  HOLIDAY_FILE_SYNTAX: (p, w) => `祝日ファイルの${w.number(p.line)}行目で引用符が閉じられていません。`,
  HOLIDAY_FILE_ROW_FIELDS: (p, w) => `祝日ファイルの${w.number(p.line)}行目の列数が${w.number(p.fields)}です。各行は日付と名称の2列です。`,
  HOLIDAY_FILE_BAD_DATE: (p, w) => `祝日ファイルの${w.number(p.line)}行目：「${p.value}」は日付ではありません（例：2027/3/21）。`,
  HOLIDAY_FILE_NO_NAME: (p, w) => `祝日ファイルの${w.number(p.line)}行目：${w.date(p.date)}に名称がありません。`,
  HOLIDAY_FILE_OUT_OF_RANGE: (p, w) => `祝日ファイルの${w.number(p.line)}行目：${w.date(p.date)}は、デスクのカレンダーが対応する最終年（${p.last}年）より後です。`,
  HOLIDAY_FILE_DUPLICATE: (p, w) => `祝日ファイルの${w.number(p.line)}行目：${w.date(p.date)}が2回記載されています。`,
  HOLIDAY_FILE_NO_YEARS: (p) => `祝日ファイルに、デスクのカレンダーが対応する${p.first}年以降の祝日がありません。`,
  HOLIDAY_FILE_CONTRADICTS_LAW: (p, w) => `祝日ファイルに、祝日法で定められた次の祝日がありません：${contradictions(p.contradictions, w)}。法改正があった場合にだけ取り込んでください。`,
  HOLIDAYS_MAY_BE_OUTDATED: (p) =>
    `デスクが把握している祝日は${p.knownThrough}年までです。${p.knownThrough + 1}年の春分・秋分の日はすでに官報で公表されています。内閣府の祝日一覧（syukujitsu.csv）を取り込むと、${p.knownThrough + 1}年の期限が確定します。`,
};

export const jaHolidays = {
  'holidays.import.title': '祝日一覧の取り込み',
  'holidays.import.help': '内閣府「国民の祝日」の CSV（syukujitsu.csv、Shift_JIS のまま）を選ぶと、現在の祝日との違いを確認してから取り込めます。',
  'holidays.import.choose': 'CSV ファイルを選択',
  'holidays.import.encoding': '文字コード：{encoding}',
  'holidays.import.years': '対象の年：{from}年〜{to}年（{count}年分）',
  'holidays.import.rowsBefore': '{first}年より前の{count}行は使いません。',
  'holidays.import.added': '追加される祝日',
  'holidays.import.removed': 'なくなる祝日',
  'holidays.import.renamed': '名称が変わる祝日',
  'holidays.import.noChanges': '現在の祝日と違いはありません（取り込むと、これらの年の「暫定」表示が消えます）。',
  'holidays.import.contradictions': '祝日法と矛盾します',
  'holidays.import.accept': '法改正を確認したので、このまま取り込む',
  'holidays.import.confirm': '取り込む',
  'holidays.import.cancel': 'やめる',
  'holidays.import.done': '{count}年分の祝日を取り込みました。',
  'holidays.knownThrough': '祝日は{year}年まで確定しています。',
} as const;
