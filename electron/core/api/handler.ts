// The type every handler has, derived from the contract (electron/contract/methods.ts): its input is the
// method's parsed input, its user follows the method's access (none for an open method called while
// locked), its result is the contract's `Results[M]`. A domain's handler map is written
// `{ … } satisfies HandlerMap<MethodsOf<'cases'>>`, so a handler that returns the wrong shape, reads a
// field its input does not have, or is missing, does not compile.
import type { MethodName, ParsedInput, Results, SessionFor } from '../../contract/index.ts';

export type HandlerOf<M extends MethodName> = (input: ParsedInput<M>, user: SessionFor<M>) => Promise<Results[M]>;

export type HandlerMap<P extends MethodName> = { [M in P]: HandlerOf<M> };

/** Every method of the contract, each with its handler: what dispatch runs. */
export type AllHandlers = HandlerMap<MethodName>;
