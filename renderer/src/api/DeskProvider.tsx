// Screens take the desk from context (not from getDesk() directly) so the app can wrap it with its
// LOCKED watcher and tests can pass a fakeDesk().
import { createContext, use, type ReactNode } from 'react';
import type { DeskApi } from '../../../electron/contract/index.ts';

const DeskContext = createContext<DeskApi | null>(null);

export function DeskProvider({ desk, children }: { desk: DeskApi; children: ReactNode }) {
  return <DeskContext value={desk}>{children}</DeskContext>;
}

export function useDesk(): DeskApi {
  const desk = use(DeskContext);
  if (!desk) throw new Error('useDesk() outside <DeskProvider>');
  return desk;
}
