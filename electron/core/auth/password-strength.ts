// Is a new password strong enough? At least 12 characters (after NFKC, counted as characters, not
// bytes), and zxcvbn-ts's estimate (its common-password and English word lists, the keyboard graphs, and
// the person's own user and display names) of at least 10^8 guesses (score 3): "1234567890", ten spaces or
// "password12" are refused. The reason is a code the catalogs word (password.weak.<reason>). The recovery
// key is not a password and is not checked here. The matcher over the word lists is built on first use.
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { DeskError } from '../errors.ts';

export const MIN_PASSWORD_LENGTH = 12;
export type PasswordWeakness = 'tooShort' | 'common' | 'repeated' | 'guessable' | 'personal';

type Checker = (password: string, userInputs: string[]) => ZxcvbnResult;
let checker: Promise<Checker> | undefined;

// Static imports (the Electron main bundle must stay one file); the matcher is built on first use.
async function loadChecker(): Promise<Checker> {
  const factory = new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations });
  return (password, userInputs) => factory.check(password, userInputs);
}

/** Why this password is too weak, or null when it is strong enough. */
export async function passwordWeakness(password: string, userInputs: string[] = []): Promise<PasswordWeakness | null> {
  const normalized = password.normalize('NFKC'); // as the contract stores it: IME on or off, the same password
  if ([...normalized].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  checker ??= loadChecker();
  const result = (await checker)(normalized, userInputs.filter((s) => s.length > 0));
  if (result.score >= 3) return null;
  const seq = result.sequence;
  if (seq.some((m) => m.pattern === 'dictionary' && 'dictionaryName' in m && m.dictionaryName === 'userInputs')) return 'personal';
  if (seq.some((m) => m.pattern === 'repeat' || m.pattern === 'sequence' || m.pattern === 'spatial')) return 'repeated';
  if (seq.some((m) => m.pattern === 'dictionary')) return 'common';
  return 'guessable';
}

/** Throws PASSWORD_WEAK (on `field`) with the reason as a parameter. */
export async function assertStrongPassword(password: string, field: string, userInputs: string[] = []): Promise<void> {
  const reason = await passwordWeakness(password, userInputs);
  if (reason) throw new DeskError({ code: 'PASSWORD_WEAK', weakness: reason }, { field });
}
