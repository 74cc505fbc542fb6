// The one way a screen changes the desk: a TanStack mutation over one contract method. `isPending` is the
// busy state, `error` the desk's own error data; the session's desk (deskCache.ts invalidatingDesk)
// invalidates what screens hold once the change succeeds, so no screen reloads another by hand.
import { useMutation } from '@tanstack/react-query';
import type { DeskErrorData, Input, MethodName, Results } from '../../../electron/contract/index.ts';
import { useDesk } from './DeskProvider.tsx';
import { methodOf } from './deskFromCall.ts';

export function useDeskMutation<M extends MethodName>(method: M, options: { onSuccess?: (value: Results[M], input: Input<M>) => void } = {}) {
  const desk = useDesk();
  return useMutation<Results[M], DeskErrorData, Input<M>>({
    mutationFn: async (input) => {
      const result = await methodOf(desk, method)(input);
      if (!result.ok) throw result.error;
      return result.value as Results[M];
    },
    onSuccess: options.onSuccess,
  });
}
