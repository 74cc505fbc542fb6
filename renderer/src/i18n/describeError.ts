// Turns a contract error into text for the person at the desk: the reason's words in the UI language
// (codes.ts). Nothing here reads the error's English `message`.
import type { Coded, DeskErrorData } from '../../../electron/contract/index.ts';

export function errorText(say: (c: Coded) => string, error: DeskErrorData): string {
  return say(error.reason ?? { code: 'INTERNAL' });
}
