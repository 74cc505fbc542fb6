// Who may talk to the desk over IPC: only the app's own main frame, showing a page of the app's own
// origin (app://privacy-desk). The idea of vscode's validated ipcMain, made stricter: no exception for
// an empty or about:blank URL, and no file:// (the renderer is never loaded from file://).
// Pure predicates over plain data so they are unit-tested without Electron.
import { APP_HOST, APP_SCHEME } from './app-protocol.ts';

/** True for app://privacy-desk/… only: no other scheme, host, port or credentials. */
export function isTrustedAppUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** The part of Electron's WebFrameMain this check reads. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * True when an IPC message comes from the app's top-level frame on a trusted URL. A null frame (the
 * frame navigated away or was destroyed before the message was handled), a subframe, or any other URL
 * is refused. Reading a destroyed frame's properties can throw: that is a refusal too.
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  try {
    // A letter print window (app://privacy-desk/letters/…, print.ts) has no preload and no script; it
    // is refused here all the same, so only the desk's own page can ever call the desk.
    return frame.parent === null && typeof frame.url === 'string' && isTrustedAppUrl(frame.url) && !new URL(frame.url).pathname.startsWith('/letters/');
  } catch {
    return false;
  }
}
