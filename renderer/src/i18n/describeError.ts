// Turns a contract error into text for the person at the desk: our catalog's words for the code, and
// the desk's own message as a detail line when it says something the code alone does not.
import type { DeskErrorData, ErrorCode } from '../../../electron/contract/index.ts';
import { NO_TOKEN_MESSAGE, UNREACHABLE_MESSAGE } from '../api/messages.ts';
import { isMessageKey, type Catalog, type Locale, type Translate } from './catalog.ts';
import { caseRuleText } from './caseRuleText.ts';

// Codes whose catalog text is the whole story; the server's English wording would only repeat it.
const selfExplanatory = new Set<ErrorCode>([
  'LOCKED',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'AUTH_FAILED',
  'AUTH_THROTTLED',
  'ACCOUNT_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'UNKNOWN_METHOD',
]);

export function errorText(t: Translate, catalog: Catalog, error: DeskErrorData, locale: Locale = 'ja'): string {
  if (error.message === UNREACHABLE_MESSAGE) return t('errors.unreachable');
  if (error.message === NO_TOKEN_MESSAGE) return t('errors.noToken');
  if (error.code === 'AUTH_THROTTLED' && error.retryAfterSeconds !== undefined) {
    return t('login.throttled', { seconds: error.retryAfterSeconds });
  }
  // A case rule's refusal is worded from its code and parameters (the catalog's locale decides).
  if (error.rule) return caseRuleText(t, locale, error.rule);
  const key = `errors.${error.code}`;
  // An error code newer than this renderer has no catalog entry: the server's message is still useful.
  return isMessageKey(catalog, key) ? t(key) : error.message;
}

export function errorDetail(t: Translate, catalog: Catalog, error: DeskErrorData): string | null {
  if (error.message === UNREACHABLE_MESSAGE || error.message === NO_TOKEN_MESSAGE) return null;
  if (selfExplanatory.has(error.code) || !error.message || error.rule) return null;
  if (error.message === errorText(t, catalog, error)) return null;
  return t('errors.detail', { message: error.message });
}
