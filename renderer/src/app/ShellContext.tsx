// What every screen inside the shell may need: who is logged in and how to go elsewhere. It lives in the
// shell, so it disappears with it when the desk locks. Where we are is the address (app/routes.ts).
import { createContext, use } from 'react';
import type { SessionUser } from '../../../electron/contract/index.ts';
import type { Route } from './routes.ts';

export type { IntakeStart, MailIntake, Route, ScreenId } from './routes.ts';

export interface ShellValue {
  user: SessionUser;
  /**
   * Goes to a place (a new history entry: Back returns here). `replace`: the new screen takes the current
   * one's place in history (a saved form is not a page to go back to). `after`: the read the next screen
   * shows, started by the same click (usePrefetchDesk); the screen changes once it has answered — drawn
   * once, with its data, instead of a loading state first — or after ANSWER_WAIT_MS, whichever is first.
   * A later move (another click, Back) cancels a move still waiting.
   */
  go: (route: Route, options?: { replace?: boolean; after?: Promise<unknown> }) => void;
  /** Back in history when the desk has an entry to go back to, else to `fallback` (a deep link). */
  back: (fallback: Route) => void;
}

/** How long a move waits for the read its screen shows before showing that screen's own loading state. */
export const ANSWER_WAIT_MS = 250;

export const ShellContext = createContext<ShellValue | null>(null);

export function useShell(): ShellValue {
  const value = use(ShellContext);
  if (!value) throw new Error('useShell() outside the shell');
  return value;
}

/**
 * Changes the address through the router itself (its navigate, made once per session). React Router's
 * useNavigate reads the route's context, which changes whenever the router's state does — a move starting,
 * a loader waiting — so every screen holding it was drawn again at each of those: the whole queue when a
 * page turn began, the whole case file when Back began. Absolute addresses only (app/routes.ts).
 */
export type NavigateTo = (to: string | { pathname: string; search?: string }, options?: { replace?: boolean }) => void;
export const NavigateContext = createContext<NavigateTo | null>(null);

export function useNavigateTo(): NavigateTo {
  const value = use(NavigateContext);
  if (!value) throw new Error('useNavigateTo() outside the shell');
  return value;
}
