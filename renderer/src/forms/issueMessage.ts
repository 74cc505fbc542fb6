// The words of a refused field, from its code (electron/contract/field-problems.ts): the same whether the
// screen's own check found it (a zod issue, read as a code) or the desk's gate did (`error.issues`). The
// contract's schemas carry fixed English messages, which never reach a screen: the catalog's
// `validation.*` texts word the code and its limit, per field where the catalog has a field's own text.
import { fieldProblemOf, IDLE_LOCK_MINUTES, type FieldProblem, type Locale } from '../../../electron/contract/index.ts';
import { isMessageKey, type Catalog, type MessageKey, type Translate } from '../i18n/catalog.ts';
import type { z } from 'zod';

export type ZodIssue = z.core.$ZodIssue;

/** The contract's limits for a field with a range message: the issue carries only the end it broke. */
const RANGES: Record<string, { min: number; max: number }> = { idleLockMinutes: IDLE_LOCK_MINUTES };

/** Each code's catalog text (a code without one fails tsc). */
const TEXT: Record<FieldProblem['code'], MessageKey> = {
  required: 'validation.required',
  too_short: 'validation.tooShort',
  too_long: 'validation.tooLong',
  number_min: 'validation.numberMin',
  number_max: 'validation.numberMax',
  too_few: 'validation.tooFew',
  too_many: 'validation.tooMany',
  integer: 'validation.integer',
  email: 'validation.email',
  pattern: 'validation.pattern',
  choose: 'validation.choose',
  rule: 'validation.invalid',
  unknown_field: 'validation.unknownField',
  invalid: 'validation.invalid',
};

/** `field` is the last part of the field's path (e.g. "email"), for per-field texts. */
export function fieldProblemText(t: Translate, catalog: Catalog, problem: FieldProblem, field: string): string {
  // A number with a range of its own (the auto-lock minutes) says the whole range, not one end of it.
  const range = `validation.range.${field}`;
  if ((problem.code === 'number_min' || problem.code === 'number_max') && isMessageKey(catalog, range)) {
    const n = problem.code === 'number_min' ? problem.min : problem.max;
    return t(range, RANGES[field] ?? { min: n, max: n });
  }
  switch (problem.code) {
    case 'too_short':
    case 'number_min':
    case 'too_few':
      return t(TEXT[problem.code], { min: problem.min });
    case 'too_long':
    case 'number_max':
    case 'too_many':
      return t(TEXT[problem.code], { max: problem.max });
    case 'pattern': {
      const key = `validation.pattern.${field}`;
      return isMessageKey(catalog, key) ? t(key) : t('validation.pattern');
    }
    case 'rule': {
      // A rule that carries its own code (e.g. NAME_UNPRINTABLE, ADDRESS_TOO_MANY_LINES) is worded by code;
      // the contract's rules across fields (e.g. "give an email or an address") per field.
      const byCode = `validation.code.${problem.rule ?? ''}`;
      if (problem.rule && isMessageKey(catalog, byCode)) return t(byCode, problem.params);
      const key = `validation.custom.${field}`;
      return isMessageKey(catalog, key) ? t(key) : t('validation.invalid');
    }
    default:
      return t(TEXT[problem.code]);
  }
}

/** A schema problem the screen's own check found, worded like the desk's. */
export function issueMessage(t: Translate, catalog: Catalog, _locale: Locale, issue: ZodIssue, field: string): string {
  return fieldProblemText(t, catalog, fieldProblemOf(issue), field);
}

/** The last segment of a field path ("documents.0.issuedOn" → "issuedOn"): the key of per-field texts. */
export const lastSegment = (path: string): string => path.split('.').at(-1) ?? '';
