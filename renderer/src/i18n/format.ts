// Dates on screen and paper are Japan dates whatever zone the PC is set to (DOMAIN.md: Deadlines).
import type { Locale } from './catalog.ts';

const TOKYO = 'Asia/Tokyo';

/** 令和8年11月24日 — the form Japanese letters use. */
export const japaneseEraDate = (d: Date) =>
  new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: TOKYO }).format(d);

/** 24 November 2026 */
export const englishDate = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: TOKYO }).format(d);

export const dateTime = (locale: Locale, iso: string) =>
  new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TOKYO }).format(
    new Date(iso),
  );
