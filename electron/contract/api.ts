// `window.desk`: the renderer's view of the contract, grouped as desk.<domain>.<verb>(input).
import type { Result } from './errors.ts';
import type { Input, MethodName, Results } from './methods.ts';

type DomainOf<M extends string> = M extends `${infer D}.${string}` ? D : never;
type VerbOf<M extends string, D extends string> = M extends `${D}.${infer V}` ? V : never;

/**
 * How the renderer calls, not what it sends: a signal lets a screen give up a read it no longer needs
 * (older search text). Over HTTP the request is aborted and the call rejects with the AbortError; over
 * IPC only the input crosses, and the late answer is dropped by whoever cancelled.
 */
export interface CallOptions {
  signal?: AbortSignal;
}

export type DeskApi = {
  [D in DomainOf<MethodName>]: {
    [V in VerbOf<MethodName, D>]: (input: Input<`${D}.${V}` & MethodName>, call?: CallOptions) => Promise<Result<Results[`${D}.${V}` & MethodName]>>;
  };
};

/** IPC channel for one method: the preload registers exactly these, nothing generic. */
export const channelOf = (method: MethodName) => `desk:${method}`;
