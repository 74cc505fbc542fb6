// Wraps a DeskApi so the app sees every result: a LOCKED from any call (the desk locked itself, or the
// host restarted) must take the person back to the login screen, wherever they were.
import { methodNames, type DeskApi, type MethodName, type Result } from '../../../electron/contract/index.ts';
import { deskFromCall, methodOf } from './deskFromCall.ts';

export type ResultObserver = (method: MethodName, result: Result<unknown>) => void;

export function observeDesk(desk: DeskApi, observer: ResultObserver): DeskApi {
  const calls = new Map(methodNames.map((m) => [m, methodOf(desk, m)] as const));
  return deskFromCall(async (method, input, call) => {
    const result = await calls.get(method)!(input, call);
    observer(method, result);
    return result;
  });
}
