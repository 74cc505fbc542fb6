// What every screen inside the shell may need: who is logged in, where we are, and how to go elsewhere.
// It lives in the shell, so it disappears with it when the desk locks.
import { createContext, use, type Dispatch, type SetStateAction } from 'react';
import type { InboxMessage, SessionUser } from '../../../electron/contract/index.ts';
import type { QueueState } from '../features/queue/queueState.ts';

export type ScreenId = 'queue' | 'inbox' | 'calendar' | 'outbox' | 'letters' | 'reports' | 'settings';

/** A case being made from an incoming mail: the intake form starts from what the mail says. */
export interface MailIntake {
  inboxId: number;
  subject: string;
  prefill: InboxMessage['prefill'];
}

export type Route =
  | { name: 'queue' }
  | { name: 'intake'; mail?: MailIntake }
  | { name: 'case'; id: number }
  | { name: Exclude<ScreenId, 'queue'> };

export interface ShellValue {
  user: SessionUser;
  route: Route;
  go: (route: Route) => void;
  /** The queue's filters, kept while a case file is open so "back" returns to the same list. */
  queue: QueueState;
  setQueue: Dispatch<SetStateAction<QueueState>>;
}

export const ShellContext = createContext<ShellValue | null>(null);

export function useShell(): ShellValue {
  const value = use(ShellContext);
  if (!value) throw new Error('useShell() outside the shell');
  return value;
}

/** The navigation entry a route belongs to: a case file and the intake form are part of the queue. */
export const screenOf = (route: Route): ScreenId => (route.name === 'case' || route.name === 'intake' ? 'queue' : route.name);
