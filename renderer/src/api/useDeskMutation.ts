// The one way a screen changes the desk: a TanStack mutation over one contract method. `isPending` is the
// busy state, `error` the desk's own error data (for <ErrorAlert>), `variables` what is being sent (which
// of several buttons is busy); the session's desk (deskCache.ts invalidatingDesk) invalidates what screens
// hold once the change succeeds, so no screen reloads another by hand. A screen never keeps its own busy
// flag or error state around a desk call.
import { useMutation } from '@tanstack/react-query';
import { errorOf, type DeskApi, type DeskErrorData, type Input, type MethodName, type Result, type Results } from '../../../electron/contract/index.ts';
import { useDesk } from './DeskProvider.tsx';
import { methodOf } from './deskFromCall.ts';

interface MutationOptions<T, I> {
  onSuccess?: (value: T, input: I) => void;
  /** Runs on a refusal as well as the error state (e.g. closing a confirmation the refusal made moot). */
  onError?: (error: DeskErrorData, input: I) => void;
  /** After either (e.g. closing the confirmation the step was started from). */
  onSettled?: () => void;
}

export function useDeskMutation<M extends MethodName>(method: M, options: MutationOptions<Results[M], Input<M>> = {}) {
  // A step of one call: the refusal is the desk's error data as it came.
  return useDeskStep<Input<M>, Results[M]>(async (desk, input) => deskValue(await methodOf(desk, method)(input)) as Results[M], options);
}

/** A desk refusal met inside a step, carried out of it by `deskValue`. */
class DeskRefusal extends Error {
  readonly data: DeskErrorData;
  constructor(data: DeskErrorData) {
    super(data.message);
    this.data = data;
  }
}

/** A desk answer's value; a refusal is thrown, so a step of several calls stops at the first one. */
export function deskValue<T>(result: Result<T>): T {
  if (!result.ok) throw new DeskRefusal(result.error);
  return result.value;
}

/** What a step threw, as the desk's error data: a refusal as the desk gave it, anything else (a print frame that failed) as INTERNAL. */
export const asDeskError = (thrown: unknown): DeskErrorData => (thrown instanceof DeskRefusal ? thrown.data : errorOf({ code: 'INTERNAL' }));

/**
 * The same pattern for a step that is more than one call — a file read and then sent, a letter fetched and
 * printed, one of several bulk moves — run through the session's desk (`deskValue` unwraps each answer).
 * Busy, error and invalidation exactly as useDeskMutation.
 */
export function useDeskStep<I, T>(run: (desk: DeskApi, input: I) => Promise<T>, options: MutationOptions<T, I> = {}) {
  const desk = useDesk();
  return useMutation<T, DeskErrorData, I>({
    mutationFn: async (input) => {
      try {
        return await run(desk, input);
      } catch (thrown) {
        throw asDeskError(thrown);
      }
    },
    onSuccess: options.onSuccess,
    onError: options.onError,
    onSettled: options.onSettled,
  });
}
