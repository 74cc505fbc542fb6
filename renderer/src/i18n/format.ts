// Dates on screen and paper are Japan dates whatever zone the PC is set to (DOMAIN.md: Deadlines).
// The desk sends calendar dates as 'YYYY-MM-DD' (already Japan dates) and instants as ISO strings; the
// helpers here only format them. Nothing here computes a deadline.
import type { Locale } from './catalog.ts';

const TOKYO = 'Asia/Tokyo';

// Creating an Intl formatter costs far more than using one (a queue page of dates made hundreds and spent a
// quarter of its time there): each is built on first use and kept for the life of the page. Named once here
// rather than looked up by locale and options on every call (a key built per call was itself a cost).
function formatter(locale: string, options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined;
  return () => (made ??= new Intl.DateTimeFormat(locale, options));
}
const byLocale = (options: Intl.DateTimeFormatOptions) => ({ ja: formatter('ja-JP', options), en: formatter('en-GB', options) });

const eraDate = formatter('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: TOKYO });
const englishLongDate = formatter('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: TOKYO });
const dateAndTime = byLocale({ dateStyle: 'medium', timeStyle: 'short', timeZone: TOKYO });
const weekdays = byLocale({ weekday: 'short', timeZone: TOKYO });
const englishPlain = formatter('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: TOKYO });
const englishWithWeekday = {
  short: formatter('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: TOKYO }),
  long: formatter('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TOKYO }),
};

/** 令和8年11月24日 — the form Japanese letters use. */
export const japaneseEraDate = (d: Date) => eraDate().format(d);

/** 24 November 2026 */
export const englishDate = (d: Date) => englishLongDate().format(d);

export const dateTime = (locale: Locale, iso: string) => dateAndTime[locale]().format(new Date(iso));

/** A Japan calendar date ('2026-12-10') as the instant of its midnight in Japan. */
export const japanMidnight = (date: string) => new Date(`${date}T00:00:00+09:00`);

const weekday = (locale: Locale, date: string) => weekdays[locale]().format(japanMidnight(date));

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
    return locale === 'ja' ? `${y}/${m}/${d}` : englishPlain().format(when);
  }
  if (locale === 'ja') {
    return style === 'long' ? `${y}年${Number(m)}月${Number(d)}日(${weekday('ja', date)})` : `${y}/${m}/${d}(${weekday('ja', date)})`;
  }
  return englishWithWeekday[style]().format(when).replace(',', '');
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

/**
 * Japan time is UTC+9 all year: no summer time since 1951, long before any instant the desk holds (the
 * core's calendar, core/calendar/japan-date.ts, counts days the same way). Arithmetic, not Intl: a case file
 * words every event's time, and formatToParts in the Tokyo zone was a tenth of opening one.
 */
const JAPAN_OFFSET_MS = 9 * 3_600_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The Japan date and time (HH:MM) of an instant. */
export function japanParts(when: Date): { date: string; time: string } {
  const j = new Date(when.getTime() + JAPAN_OFFSET_MS);
  return {
    date: `${String(j.getUTCFullYear()).padStart(4, '0')}-${pad2(j.getUTCMonth() + 1)}-${pad2(j.getUTCDate())}`,
    time: `${pad2(j.getUTCHours())}:${pad2(j.getUTCMinutes())}`,
  };
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
