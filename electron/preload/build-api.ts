// Builds window.desk from the contract's method names: desk.<domain>.<verb>(input), each bound to its
// own IPC channel (`desk:<domain>.<verb>`). No generic invoke(channel), no event emitters, no Node.
// Pure and electron-free so it is unit-tested in plain Node; preload.ts wires it to Electron.
// Imports are type-only apart from api.ts (which itself imports types only): the bundled preload must
// not pull in zod or the rest of the contract.
import { channelOf } from '../contract/api.ts';
import type { DeskApi } from '../contract/api.ts';
import { isResult, type Result } from '../contract/errors.ts';
import { errorOf } from '../contract/english.ts';
import type { MethodName } from '../contract/methods.ts';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

const methodNamePattern = /^([a-z][a-zA-Z]*)\.([a-z][a-zA-Z]*)$/;


export function buildDeskApi(names: readonly MethodName[], invoke: Invoke): DeskApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of names) {
    const match = methodNamePattern.exec(name);
    if (!match) throw new Error(`Contract method name must be domain.verb: ${name}`);
    const [, domain = '', verb = ''] = match;
    const channel = channelOf(name);
    const group = (api[domain] ??= {});
    if (Object.hasOwn(group, verb)) throw new Error(`Duplicate contract method: ${name}`);
    // Exactly one argument crosses. A rejected invoke (no handler, renderer torn down) still answers
    // as data, like every other error of the contract.
    group[verb] = async (input: unknown) => {
      try {
        const answer = await invoke(channel, input);
        if (isResult(answer)) return answer;
      } catch {
        // answered below
      }
      return { ok: false, error: errorOf({ code: 'NO_ANSWER' }) };
    };
  }
  for (const group of Object.values(api)) Object.freeze(group);
  // Must stay: DeskApi is the contract's mapped type of every method; this table is built from the same
  // names at run time (a test checks each is there), which TypeScript cannot follow through the loop.
  return Object.freeze(api) as unknown as DeskApi;
}
