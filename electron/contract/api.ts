// `window.desk`: the renderer's view of the contract, grouped as desk.<domain>.<verb>(input).
import type { Result } from './errors.ts';
import type { Input, MethodName, Results } from './methods.ts';

type DomainOf<M extends string> = M extends `${infer D}.${string}` ? D : never;
type VerbOf<M extends string, D extends string> = M extends `${D}.${infer V}` ? V : never;

export type DeskApi = {
  [D in DomainOf<MethodName>]: {
    [V in VerbOf<MethodName, D>]: (input: Input<`${D}.${V}` & MethodName>) => Promise<Result<Results[`${D}.${V}` & MethodName]>>;
  };
};

/** IPC channel for one method: the preload registers exactly these, nothing generic. */
export const channelOf = (method: MethodName) => `desk:${method}`;
