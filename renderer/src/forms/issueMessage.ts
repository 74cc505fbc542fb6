// Client-side validation messages. The contract's schemas carry fixed English messages, and in zod 4 a
// schema's own message beats any error map, so we do not use issue.message: we read the issue's code
// and limits and word it from the catalog. Anything unforeseen falls back to zod's locale for the UI
// language, then to the schema's English.
import { z } from 'zod';
import { IDLE_LOCK_MINUTES, type Locale } from '../../../electron/contract/index.ts';
import { isMessageKey, type Catalog, type Translate } from '../i18n/catalog.ts';

export type ZodIssue = z.core.$ZodIssue;

function fallback(locale: Locale, issue: ZodIssue): string {
  const localeMap = locale === 'ja' ? z.locales.ja() : z.locales.en();
  const out = localeMap.localeError(issue as unknown as Parameters<typeof localeMap.localeError>[0]);
  if (typeof out === 'string') return out;
  return out?.message ?? issue.message;
}

/** The contract's limits for a field with a range message: the issue carries only the end it broke. */
const RANGES: Record<string, { min: number; max: number }> = { idleLockMinutes: IDLE_LOCK_MINUTES };
function rangeOf(field: string, issue: ZodIssue): { min: number; max: number } {
  const known = RANGES[field];
  if (known) return known;
  const n = Number((issue as { minimum?: unknown; maximum?: unknown }).minimum ?? (issue as { maximum?: unknown }).maximum);
  return { min: n, max: n };
}

/** `field` is the last part of the issue's path (e.g. "email"), used for per-field pattern texts. */
export function issueMessage(t: Translate, catalog: Catalog, locale: Locale, issue: ZodIssue, field: string): string {
  // A number with a range of its own (the auto-lock minutes) says the whole range, not one end of it.
  const range = `validation.range.${field}`;
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number' && isMessageKey(catalog, range)) {
    return t(range, rangeOf(field, issue));
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'number') return t('validation.numberMin', { min: Number(issue.minimum) });
      break;
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'number') return t('validation.numberMax', { max: Number(issue.maximum) });
      break;
    case 'invalid_format': {
      if (issue.format === 'email') return t('validation.email');
      const key = `validation.pattern.${field}`;
      return isMessageKey(catalog, key) ? t(key) : t('validation.pattern');
    }
    case 'custom': {
      // A rule that carries its own code (e.g. NAME_UNPRINTABLE, ADDRESS_TOO_MANY_LINES) is worded by code.
      const params = (issue as { params?: Record<string, unknown> }).params;
      if (typeof params?.code === 'string') {
        const byCode = `validation.code.${params.code}`;
        if (isMessageKey(catalog, byCode)) {
          const vars = Object.fromEntries(Object.entries(params).filter(([, x]) => typeof x === 'number' || typeof x === 'string')) as Record<string, string | number>;
          return t(byCode, vars);
        }
      }
      // The contract's own rules across fields (e.g. "give an email or an address"): worded per field.
      const key = `validation.custom.${field}`;
      if (isMessageKey(catalog, key)) return t(key);
      break;
    }
    case 'invalid_value':
      // A choice left empty or out of the list (an enum).
      return t('validation.choose');
    case 'invalid_type':
      if (issue.expected === 'int') return t('validation.integer');
      if (issue.expected === 'number') return t('validation.integer');
      break;
  }
  return fallback(locale, issue);
}
