import type { DeskApi } from '../../../electron/contract/index.ts';
import { observeDesk } from '../api/observeDesk.ts';

export type LockListener = () => void;

/** The desk plus a subscription to "some call was refused because the desk is locked". */
export function createLockWatch(base: DeskApi) {
  const listeners = new Set<LockListener>();
  const desk = observeDesk(base, (_method, result) => {
    if (!result.ok && result.error.code === 'LOCKED') for (const l of listeners) l();
  });
  const onLocked = (listener: LockListener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return { desk, onLocked };
}
