// Dates on screen and paper are Japan dates whatever zone the PC is set to (DOMAIN.md: Deadlines).
// The desk sends calendar dates as 'YYYY-MM-DD' (already Japan dates) and instants as ISO strings; the
// helpers here only format them. Nothing here computes a deadline.
import type { Locale } from './catalog.ts';

const TOKYO = 'Asia/Tokyo';

// Creating an Intl formatter costs far more than using one (a queue page of dates made hundreds and spent a
// quarter of its time there): each locale + options pair is built once and kept for the life of the page.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** 令和8年11月24日 — the form Japanese letters use. */
export const japaneseEraDate = (d: Date) =>
  dtf('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: TOKYO }).format(d);

/** 24 November 2026 */
export const englishDate = (d: Date) =>
  dtf('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: TOKYO }).format(d);

export const dateTime = (locale: Locale, iso: string) =>
  dtf(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TOKYO }).format(
    new Date(iso),
  );

/** A Japan calendar date ('2026-12-10') as the instant of its midnight in Japan. */
export const japanMidnight = (date: string) => new Date(`${date}T00:00:00+09:00`);

const weekday = (locale: Locale, date: string) =>
  dtf(locale === 'ja' ? 'ja-JP' : 'en-GB', { weekday: 'short', timeZone: TOKYO }).format(japanMidnight(date));

/**
 * A Japan date for screens. short: 2026/12/10(木) · Thu 10 Dec 2026; long: 2026年12月10日(木) · Thursday 10 December 2026.
 */
export function formatDate(locale: Locale, date: string, style: 'short' | 'long' | 'plain' = 'short'): string {
  // A queue page shows two dates per row but few distinct ones: each is worded once (weekday through Intl).
  const key = `${locale}|${style}|${date}`;
  let text = dateCache.get(key);
  if (text === undefined) {
    if (dateCache.size >= 4096) dateCache.clear();
    dateCache.set(key, (text = wordDate(locale, date, style)));
  }
  return text;
}
const dateCache = new Map<string, string>();

function wordDate(locale: Locale, date: string, style: 'short' | 'long' | 'plain'): string {
  const [y, m, d] = date.split('-');
  if (!y || !m || !d) return date;
  const when = japanMidnight(date);
  if (Number.isNaN(when.getTime())) return date;
  if (style === 'plain') {
    return locale === 'ja' ? `${y}/${m}/${d}` : dtf('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: TOKYO }).format(when);
  }
  if (locale === 'ja') {
    return style === 'long' ? `${y}年${Number(m)}月${Number(d)}日(${weekday('ja', date)})` : `${y}/${m}/${d}(${weekday('ja', date)})`;
  }
  return dtf('en-GB', {
    weekday: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    year: 'numeric',
    timeZone: TOKYO,
  })
    .format(when)
    .replace(',', '');
}

/** Both forms of a date, for a tooltip or a letter: 令和8年12月10日 / 10 December 2026. */
export function bothStyles(date: string): string {
  // Every queue row carries two of these as titles: a page repeats few distinct dates, so each is made once.
  let both = bothCache.get(date);
  if (both === undefined) {
    if (bothCache.size >= 4096) bothCache.clear();
    bothCache.set(date, (both = `${japaneseEraDate(japanMidnight(date))} / ${englishDate(japanMidnight(date))}`));
  }
  return both;
}
const bothCache = new Map<string, string>();

/** An instant in Japan time: 2026/11/25(水) 10:31 · Wed 25 Nov 2026 10:31. */
export function formatDateTime(locale: Locale, iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const { date, time } = japanParts(when);
  return `${formatDate(locale, date)} ${time}`;
}

/** The Japan date and time (HH:MM) of an instant. */
export function japanParts(when: Date): { date: string; time: string } {
  const parts = dtf('en-CA', {
    timeZone: TOKYO,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(when);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** Today's date in Japan (defaults for date fields; never used for a deadline). */
export const japanToday = () => japanParts(new Date()).date;

/** The instant the agent typed as Japan date and time: 2026-11-24T10:00:00+09:00. */
export const japanInstant = (date: string, time: string) => `${date}T${time.length === 5 ? `${time}:00` : time}+09:00`;

/** A list in the UI language: "A、B" · "A, B and C". */
const lists: Partial<Record<Locale, Intl.ListFormat>> = {};
export const listOf = (locale: Locale, items: string[]) => (lists[locale] ??= new Intl.ListFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { type: 'conjunction' })).format(items);

/** ¥1,000 */
const grouped = new Intl.NumberFormat('en-US');
export const yen = (_locale: Locale, amount: number) => `¥${grouped.format(amount)}`;
