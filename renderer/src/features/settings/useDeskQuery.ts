// Loads one desk result for a screen and reloads it on demand. Kept inside the screen's own state, so
// it vanishes with the shell when the desk locks: no cache outlives a session.
import { useCallback, useEffect, useState } from 'react';
import type { DeskErrorData, Result } from '../../../../electron/contract/index.ts';

export type Query<T> = { status: 'loading' } | { status: 'error'; error: DeskErrorData } | { status: 'ready'; value: T };

export function useDeskQuery<T>(load: () => Promise<Result<T>>) {
  const [state, setState] = useState<Query<T>>({ status: 'loading' });
  const reload = useCallback(async () => {
    const result = await load();
    setState(result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error });
  }, [load]);
  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (current) setState(result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [load]);
  return [state, reload, setState] as const;
}
