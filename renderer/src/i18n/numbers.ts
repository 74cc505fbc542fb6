// Numbers, yen and plurals per locale. Intl formatters are costly to build, so each locale's are made once
// and reused (a queue of 200 rows formats hundreds of numbers per render).
import type { Locale, Translate } from './catalog.ts';

export interface Numbers {
  number: (n: number) => string;
  yen: (n: number) => string;
  /** The plural category of n in this locale ('one', 'other', …): picks the catalog form. */
  plural: (n: number) => Intl.LDMLPluralRule;
}

const cache = new Map<Locale, Numbers>();

export function numbersFor(locale: Locale): Numbers {
  let n = cache.get(locale);
  if (!n) {
    const tag = locale === 'ja' ? 'ja-JP' : 'en-GB';
    const number = new Intl.NumberFormat(tag);
    const plural = new Intl.PluralRules(tag);
    n = {
      number: (x) => number.format(x),
      // ¥ before the amount in both languages, as on Japanese invoices and the desk's letters.
      yen: (x) => `¥${number.format(x)}`,
      plural: (x) => plural.select(x),
    };
    cache.set(locale, n);
  }
  return n;
}

/** Picks the form for n: `{ one: '1 business day', other: '{n} business days' }`; `other` is required. */
export function pluralForm<T>(locale: Locale, n: number, forms: { other: T } & Partial<Record<Intl.LDMLPluralRule, T>>): T {
  return forms[numbersFor(locale).plural(n)] ?? forms.other;
}

/** "1 business day", "2 business days" (「1営業日」): every count of business days on screen goes through here. */
export function businessDays(t: Translate, locale: Locale, n: number): string {
  return pluralForm(locale, n, { one: t('unit.businessDays.one', { n: numbersFor(locale).number(n) }), other: t('unit.businessDays', { n: numbersFor(locale).number(n) }) });
}
