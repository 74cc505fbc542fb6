// Dates as a notice prints them: the Japanese era form first (令和8年11月24日, 令和元年5月1日) and the
// Western form for the English text (24 November 2026). Always the Japan date of an instant, whatever
// time zone the PC is set to; the era comes from the platform's ICU (Node's full-icu).
import { japanDateOf } from '../calendar/index.ts';
import type { BilingualText } from './notice-content.ts';

const ERA = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const WESTERN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A Japan calendar date (YYYY-MM-DD) or an instant (converted to its Japan date first). */
function utcMidnight(dateOrInstant: string | Date): Date {
  const date = typeof dateOrInstant === 'string' && ISO_DATE.test(dateOrInstant) ? dateOrInstant : japanDateOf(dateOrInstant);
  const [, y, m, d] = ISO_DATE.exec(date)!;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

/** 令和8年11月24日 (the first year of an era is 元年: 令和元年5月1日). */
export function eraDate(dateOrInstant: string | Date): string {
  return ERA.format(utcMidnight(dateOrInstant));
}

/** 24 November 2026. */
export function westernDate(dateOrInstant: string | Date): string {
  return WESTERN.format(utcMidnight(dateOrInstant));
}

export function bilingualDate(dateOrInstant: string | Date): BilingualText {
  return { ja: eraDate(dateOrInstant), en: westernDate(dateOrInstant) };
}

/** ¥1,000 in English, 1,000円 in Japanese. */
export function yen(amount: number): BilingualText {
  const n = amount.toLocaleString('en-US');
  return { ja: `${n}円`, en: `¥${n}` };
}
