// Test double: a DeskApi where only the methods a test cares about are given; any other call answers
// with an INTERNAL error naming the method, so a forgotten stub shows up in the screen under test.
import { errorOf, type DeskApi, type Result } from '../../../electron/contract/index.ts';
import { deskFromCall } from './deskFromCall.ts';

export type FakeDeskParts = { [D in keyof DeskApi]?: Partial<DeskApi[D]> };

export function fakeDesk(parts: FakeDeskParts): DeskApi {
  return deskFromCall(async (method, input) => {
    const [domain, verb] = method.split('.') as [keyof DeskApi, string];
    const fn = (parts[domain] as Record<string, ((input: unknown) => Promise<unknown>) | undefined> | undefined)?.[verb];
    if (!fn) return { ok: false, error: { ...errorOf({ code: 'INTERNAL' }), message: `fakeDesk: ${method} is not faked` } };
    return (await fn(input)) as Result<unknown>;
  });
}
