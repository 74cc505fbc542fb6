// "1 business day", never "1 business days" (issue 12 item 2): a count of business days on screen is
// worded through the locale's plural rules — the due date's label in the case file, the reports'
// medians, the deadline badge — and in Japanese it is 「1営業日」 whatever the count.
import { describe, expect, it } from 'vitest';
import { ja } from '../../../renderer/src/i18n/ja.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { interpolate, type Locale, type MessageKey, type Translate } from '../../../renderer/src/i18n/catalog.ts';
import { businessDays } from '../../../renderer/src/i18n/numbers.ts';
import { daysLeftText } from '../../../renderer/src/i18n/deadlineText.ts';

const catalogs = { ja, en };
const tFor =
  (locale: Locale): Translate =>
  (k: MessageKey, v) =>
    interpolate(catalogs[locale][k], v);

describe('counts of business days', () => {
  const cases: Array<[Locale, number, string]> = [
    ['en', 1, '1 business day'],
    ['en', 2, '2 business days'],
    ['en', 0, '0 business days'],
    ['en', 1000, '1,000 business days'],
    ['ja', 1, '1営業日'],
    ['ja', 2, '2営業日'],
  ];
  it.each(cases)('%s, %i → %s', (locale, n, text) => {
    expect(businessDays(tFor(locale), locale, n)).toBe(text);
  });

  it('the case file labels a deadline of 1 business day "Due (1 business day)" and 「回答期限（1営業日）」', () => {
    for (const [locale, n, label] of [
      ['en', 1, 'Due (1 business day)'],
      ['en', 2, 'Due (2 business days)'],
      ['ja', 1, '回答期限（1営業日）'],
      ['ja', 10, '回答期限（10営業日）'],
    ] as const) {
      const t = tFor(locale);
      expect(t('caseFile.due', { days: businessDays(t, locale, n) })).toBe(label);
    }
  });

  it('the deadline badge: one day left, overdue or paused is singular in English; Japanese has one form', () => {
    const en1 = (urgency: 'normal' | 'overdue' | 'paused', left: number) => daysLeftText(tFor('en'), 'en', urgency, left);
    expect(en1('normal', 1)).toBe('1 business day left');
    expect(en1('normal', 2)).toBe('2 business days left');
    expect(en1('overdue', -1)).toBe('1 business day overdue');
    expect(en1('overdue', -2)).toBe('2 business days overdue');
    expect(en1('paused', 1)).toBe('Paused (1 business day left)');
    expect(daysLeftText(tFor('ja'), 'ja', 'normal', 1)).toBe('残り1営業日');
    expect(daysLeftText(tFor('ja'), 'ja', 'overdue', -2)).toBe('2営業日超過');
  });

  it('no English catalog text puts a count before "business days" without its singular form', () => {
    // Every "{n} business days" key has a ".one" sibling, or is a range/"+" that is never one.
    const keys = Object.entries(en).filter(([, v]) => /\{n\} business days/.test(v)).map(([k]) => k);
    for (const k of keys) expect(Object.hasOwn(en, `${k}.one`) || k === 'unit.businessDays', k).toBe(true);
  });
});
