// Page models find things the way a person does — by role and visible label — using the renderer's
// own catalogs, so a test can run the same steps in Japanese or English and a reworded label is
// changed in one place.
import type { Locator, Page } from '@playwright/test';
import { en } from '../../../renderer/src/i18n/en.ts';
import { ja } from '../../../renderer/src/i18n/ja.ts';
import { interpolate, type Catalog, type MessageKey } from '../../../renderer/src/i18n/catalog.ts';
import { say as sayCode, wordsFor } from '../../../renderer/src/i18n/codes.ts';
import { jaCodes } from '../../../renderer/src/i18n/ja-codes.ts';
import { enCodes } from '../../../renderer/src/i18n/en-codes.ts';
import type { Coded } from '../../../electron/contract/index.ts';

export type Lang = 'ja' | 'en';
export const catalogs: Record<Lang, Catalog> = { ja, en };

export function say(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** How the screen words a code the desk sent (a refusal, a warning), in `lang`. */
export function word(lang: Lang, c: Coded): string {
  const catalog = catalogs[lang];
  return sayCode(lang === 'ja' ? jaCodes : enCodes, wordsFor((k, v) => interpolate(catalog[k], v), lang, catalog), c);
}

export class BasePage {
  readonly page: Page;
  lang: Lang;

  constructor(page: Page, lang: Lang = 'ja') {
    this.page = page;
    this.lang = lang;
  }

  t(key: MessageKey, vars?: Record<string, string | number>): string {
    return say(this.lang, key, vars);
  }

  /** The words the screen shows for a code. */
  w(c: Coded): string {
    return word(this.lang, c);
  }

  /** A text input by its accessible name (the label without Mantine's aria-hidden required asterisk). */
  field(key: MessageKey, within: Page | Locator = this.page): Locator {
    return within.getByRole('textbox', { name: this.t(key), exact: true });
  }

  button(key: MessageKey): Locator {
    return this.page.getByRole('button', { name: this.t(key), exact: true });
  }

  /** Picks `option` in the Mantine Select labelled `label` (its options open in a portal). */
  async choose(label: string, option: string, within: Page | Locator = this.page): Promise<void> {
    await within.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Switches the UI language with the header control and carries on in that language. */
  async switchLanguage(lang: Lang): Promise<void> {
    await this.page.getByTestId('language-switch').getByText(say(lang, `language.${lang}`), { exact: true }).click();
    this.lang = lang;
  }
}
