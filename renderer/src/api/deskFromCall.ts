// Builds the desk.<domain>.<verb> object from the contract's method list, so every transport (HTTP,
// observers, test doubles) has exactly the methods of DeskApi and nothing generic like invoke().
import { methodNames, type CallOptions, type DeskApi, type MethodName, type Result } from '../../../electron/contract/index.ts';

export type DeskCall = (method: MethodName, input: unknown, call?: CallOptions) => Promise<Result<unknown>>;
type MethodFn = (input: unknown, call?: CallOptions) => Promise<Result<unknown>>;

export function deskFromCall(call: DeskCall): DeskApi {
  const desk: Record<string, Record<string, MethodFn>> = {};
  for (const method of methodNames) {
    const [domain, verb] = method.split('.') as [string, string];
    (desk[domain] ??= {})[verb] = (input, options) => call(method, input, options);
  }
  return desk as unknown as DeskApi;
}

/** The method a DeskApi function belongs to, for wrappers that need to call through by name. */
export function methodOf(desk: DeskApi, method: MethodName): MethodFn {
  const [domain, verb] = method.split('.') as [string, string];
  const fn = (desk as unknown as Record<string, Record<string, MethodFn>>)[domain]?.[verb];
  if (!fn) throw new Error(`window.desk has no ${method}`);
  return fn;
}
