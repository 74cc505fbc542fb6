// The UI language: Japanese unless the person picked English on this PC (remembered in localStorage,
// not per account, because the choice is made before anyone logs in).
import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { en } from './en.ts';
import { ja } from './ja.ts';
import { interpolate, type Catalog, type Locale, type Translate } from './catalog.ts';
import type { Coded } from '../../../electron/contract/index.ts';
import { say, wordsFor, type CodeWords } from './codes.ts';
import { jaCodes } from './ja-codes.ts';
import { enCodes } from './en-codes.ts';

const STORAGE_KEY = 'privacyDesk.locale';
export const catalogs: Record<Locale, Catalog> = { ja, en };
export const codeCatalogs: Record<Locale, CodeWords> = { ja: jaCodes, en: enCodes };

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  catalog: Catalog;
  /** Words a code the desk sent (a refusal, warning, failure) in the UI language. */
  say: (c: Coded) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'ja' ? value : 'ja';
  } catch {
    return 'ja';
  }
}

// zod's own messages (the fallback for issues the catalog has no key for) follow the UI language too.
function configureZod(locale: Locale) {
  z.config(locale === 'ja' ? z.locales.ja() : z.locales.en());
}

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? storedLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
    configureZod(locale);
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const catalog = catalogs[locale];
    const t: Translate = (key, vars) => interpolate(catalog[key], vars);
    const words = wordsFor(t, locale, catalog);
    return {
      locale,
      catalog,
      t,
      say: (c) => say(codeCatalogs[locale], words, c),
      setLocale: (next) => {
        try {
          window.localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Storage can be unavailable (private windows); the choice then lasts for this page only.
        }
        setLocaleState(next);
      },
    };
  }, [locale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = use(I18nContext);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}

export const useT = (): Translate => useI18n().t;
