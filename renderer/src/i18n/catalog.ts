// Catalog types. The key set is ja.ts's; tsc checks that en.ts has exactly those keys and that every
// error code of the contract has an `errors.<CODE>` text.
import type { ErrorCode, Locale } from '../../../electron/contract/index.ts';
import type { ja } from './ja.ts';

export type MessageKey = keyof typeof ja;
export type Catalog = Record<MessageKey, string>;
export type { Locale };
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

type UntranslatedErrorCodes = Exclude<`errors.${ErrorCode}`, MessageKey>;
export const everyErrorCodeTranslated: [UntranslatedErrorCodes] extends [never] ? true : UntranslatedErrorCodes = true;

export const locales: readonly Locale[] = ['ja', 'en'];

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function interpolate(text: string, vars?: MessageVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function isMessageKey(catalog: Catalog, key: string): key is MessageKey {
  return Object.hasOwn(catalog, key);
}
