// The house rule that keeps the core speaking in codes (issue 12 item 7; VS Code's
// code-no-unexternalized-strings is the model): the repository's own ESLint configuration refuses a
// sentence in a thrown desk error, a stored reason or a returned refusal in electron/core, and lets codes
// through. Run on small pieces of core code, as a developer meets it in `npm run lint`.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function refusals(code: string, file = 'electron/core/cases/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('codes, not sentences, in electron/core', () => {
  it.each([
    ['a sentence thrown as a desk error', "throw new DeskError('This cannot be done while the case is closed.');"],
    ['a template sentence thrown', 'throw new DeskError(`Case ${id} is closed and cannot move.`);'],
    ['a sentence stored as a note', "await db.insertInto('notices').values({ case_id: 1, note: 'Printed letter sent today' }).execute();"],
    ['a sentence stored as a reason', 'const data = { reason: `Cancelled by ${who} after the close` };'],
    ['a refusal returned as a sentence', "function why(): string | null { return 'Only a supervisor can do this.'; }"],
  ])('refuses %s', async (_what, code) => {
    expect(await refusals(code)).toHaveLength(1);
  });

  it.each([
    ['a code thrown', "throw new DeskError({ code: 'CASE_CLOSED_NO_SEND' });"],
    ['a code with parameters', "throw new DeskError({ code: 'WRONG_STATUS', status: 'closed', action: 'close' }, { field: 'status' });"],
    ['a person’s own note passed through', "await db.insertInto('notices').values({ case_id: 1, note: input.note }).execute();"],
    ['a one-word stored value', "const data = { reason: 'withdrawn' };"],
  ])('lets %s through', async (_what, code) => {
    expect(await refusals(code)).toEqual([]);
  });

  it('holds in the core only: the CLI words codes in English for IT staff', async () => {
    const sentence = "throw new DeskError('This cannot be done while the case is closed.');";
    expect(await refusals(sentence, 'electron/core/mail/example.ts')).toHaveLength(1);
    expect(await refusals(sentence, 'electron/cli/commands/example.ts')).toEqual([]);
  });
});
