// Turns a contract error into text for the person at the desk: our catalog's words for the code, and
// the desk's own message as a detail line when it says something the code alone does not.
import type { DeskErrorData, ErrorCode } from '../../../electron/contract/index.ts';
import { NO_TOKEN_MESSAGE, UNREACHABLE_MESSAGE } from '../api/messages.ts';
import { isMessageKey, type Catalog, type Translate } from './catalog.ts';

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

export function errorText(t: Translate, catalog: Catalog, error: DeskErrorData): string {
  if (error.message === UNREACHABLE_MESSAGE) return t('errors.unreachable');
  if (error.message === NO_TOKEN_MESSAGE) return t('errors.noToken');
  if (error.code === 'AUTH_THROTTLED' && error.retryAfterSeconds !== undefined) {
    return t('login.throttled', { seconds: error.retryAfterSeconds });
  }
  const key = `errors.${error.code}`;
  // An error code newer than this renderer has no catalog entry: the server's message is still useful.
  return isMessageKey(catalog, key) ? t(key, wordedParams(t, catalog, error.params)) : error.message;
}

export function errorDetail(t: Translate, catalog: Catalog, error: DeskErrorData): string | null {
  if (error.message === UNREACHABLE_MESSAGE || error.message === NO_TOKEN_MESSAGE) return null;
  if (selfExplanatory.has(error.code) || !error.message) return null;
  if (error.message === errorText(t, catalog, error)) return null;
  return t('errors.detail', { message: error.message });
}

/** Parameters as the catalog words them: a weakness reason is itself a catalog key (password.weak.*). */
function wordedParams(t: Translate, catalog: Catalog, params: DeskErrorData['params']): Record<string, string | number> | undefined {
  if (!params) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    const key = `password.weak.${String(v)}`;
    out[k] = k === 'reason' && isMessageKey(catalog, key) ? t(key) : v;
  }
  return out;
}
