// The renderer's wording of the desk's codes (electron/contract/codes.ts). Each locale has a table with a
// function per code (ja-codes.ts, en-codes.ts): its type requires every code, so a code the core can say
// but a table cannot word fails tsc. The functions get the code's parameters and locale-aware helpers.
import { requestKinds, type CaseStatus, type Code, type CodeOf, type Coded, type DeskErrorData, type NoticeKind, type RequestType } from '../../../electron/contract/index.ts';
import type { Locale, MessageKey, Translate } from './catalog.ts';
import { formatDate, formatDateTime, listOf } from './format.ts';
import { numbersFor } from './numbers.ts';

export interface Words {
  t: Translate;
  locale: Locale;
  date: (isoDate: string) => string;
  dateTime: (iso: string) => string;
  number: (n: number) => string;
  yen: (n: number) => string;
  list: (items: string[]) => string;
  status: (s: CaseStatus) => string;
  noticeKind: (k: NoticeKind) => string;
  type: (r: RequestType) => string;
  /** The sub-kinds a request of this type may ask for, as one list (訂正・追加・削除). */
  kinds: (r: RequestType) => string;
  /** A catalog label for a vocabulary value the core sent; the value itself if the catalog lacks it. */
  label: (prefix: string, value: string) => string;
}

export type CodeWords = { [C in Code]: (p: CodeOf<C>, w: Words) => string };

export function wordsFor(t: Translate, locale: Locale, catalog: Record<string, string>): Words {
  const n = numbersFor(locale);
  return {
    t,
    locale,
    date: (d) => formatDate(locale, d),
    dateTime: (iso) => formatDateTime(locale, iso),
    number: n.number,
    yen: n.yen,
    list: (items) => listOf(locale, items),
    status: (s) => t(`status.${s}`),
    noticeKind: (k) => t(`noticeKind.${k}`),
    type: (r) => t(`type.${r}`),
    kinds: (r) => listOf(locale, (requestKinds[r] as readonly string[]).map((k) => t(`kind.${r}.${k}` as MessageKey))),
    label: (prefix, value) => (Object.hasOwn(catalog, `${prefix}.${value}`) ? t(`${prefix}.${value}` as MessageKey) : value),
  };
}

/** The words for one code. A code newer than this renderer (no entry) is shown by its name. */
export function say(table: CodeWords, w: Words, c: Coded): string {
  const word = (table as unknown as Record<string, ((p: Coded, w: Words) => string) | undefined>)[c.code];
  return word ? word(c, w) : c.code;
}

/** The text of a desk error: its reason, worded. */
export const sayError = (sayCode: (c: Coded) => string, error: DeskErrorData): string => sayCode(error.reason ?? { code: 'INTERNAL' });
