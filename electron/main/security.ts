// Session and web-contents hardening. The decisions are pure functions (unit-tested in plain Node);
// the wiring at the bottom only attaches them to Electron objects.
//
// The desk is an offline back-office tool: its pages come from app://privacy-desk only, it needs no
// browser permission (camera, notifications, clipboard-read, …), opens no windows, navigates nowhere,
// downloads nothing from outside and embeds no <webview>. The one download it makes is a file the page
// itself built (a report's CSV, a mail attachment the person chose to save): a blob: URL of the app's own
// origin, which Electron then offers through the system's save dialog.
import type { Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../../build/csp.ts';
import { APP_ORIGIN } from './app-protocol.ts';
import { isTrustedAppUrl } from './trusted-sender.ts';

/**
 * Origins (https only) whose links may open in the user's own browser. Empty: the desk links nowhere.
 * Add an origin here only with a reason (e.g. the privacy commission's published guidelines).
 */
export const EXTERNAL_LINK_ALLOWLIST: readonly string[] = [];

/** In-app navigation (same origin, e.g. a reload to '/') is allowed; anything else is refused. */
export function isNavigationAllowed(url: string): boolean {
  return isTrustedAppUrl(url);
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/** window.open / target=_blank: never a new Electron window; an allowlisted https link opens outside. */
export function decideWindowOpen(url: string, allowlist: readonly string[] = EXTERNAL_LINK_ALLOWLIST): WindowOpenDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { action: 'deny', openExternally: null };
  }
  const allowed =
    parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && allowlist.includes(parsed.origin);
  return { action: 'deny', openExternally: allowed ? parsed.href : null };
}

// Network schemes the app never uses: refusing them at the session stops any stray request (a remote
// image in pasted text, a third-party script a dependency might fetch) from leaving the machine.
const blockedSchemes = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function isRequestBlocked(url: string): boolean {
  try {
    return blockedSchemes.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

/**
 * A download is allowed only for a blob: the app's own page made (blob:app://privacy-desk/<uuid>). A blob's
 * origin is opaque to the URL parser unless it wraps http(s), so the prefix is compared as text; a blob
 * URL holds no path of its own, so nothing can hide after the origin.
 */
export function isDownloadAllowed(url: string): boolean {
  const prefix = `blob:${APP_ORIGIN}/`;
  return url.startsWith(prefix) && /^[0-9a-f-]{36}$/i.test(url.slice(prefix.length));
}

/** Response headers with the app's CSP set (replacing any other spelling of the header) on app pages. */
export function withCspHeader(
  url: string,
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> | undefined {
  if (!isTrustedAppUrl(url)) return headers;
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [contentSecurityPolicy('electron', 'header')];
  return out;
}

// ---- wiring (Electron objects; type-checked, exercised only in a real Electron run) ----

export interface SecurityLog {
  (message: string): void;
}

/** Applies the session-wide rules. Call once, after `ready`, before any window loads. */
export function hardenSession(ses: Session, log: SecurityLog): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`permission request refused: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = isRequestBlocked(details.url);
    if (cancel) log(`request refused: ${details.url}`);
    callback({ cancel });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.url, details.responseHeaders) });
  });
  ses.on('will-download', (event, item) => {
    // No savePath is set, so Electron asks where to save with the system dialog. The file name is not
    // logged: it can name a person (an attachment's name).
    if (isDownloadAllowed(item.getURL())) return;
    log('download refused: not a file the desk built');
    event.preventDefault();
  });
}

export interface WebContentsHardening {
  openExternal: (url: string) => Promise<void>;
  log: SecurityLog;
}

/** Applies the per-page rules; main.ts calls it from app.on('web-contents-created') for every page. */
export function hardenWebContents(contents: WebContents, options: WebContentsHardening): void {
  const refuseNavigation = (event: { preventDefault(): void; url: string }) => {
    if (isNavigationAllowed(event.url)) return;
    options.log(`navigation refused: ${event.url}`);
    event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-frame-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => {
    options.log('webview refused');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally !== null) {
      options.openExternal(decision.openExternally).catch((error: unknown) => options.log(`openExternal failed: ${String(error)}`));
    } else {
      options.log(`window.open refused: ${url}`);
    }
    return { action: 'deny' };
  });
}
