// The renderer is served from a privileged custom scheme, app://privacy-desk/, mapped onto the built
// renderer folder (dist/renderer). A real origin (instead of file://) makes 'self' in the CSP mean
// "this app only", lets the IPC sender check compare origins, and keeps file:// out of the picture.
// Everything here is plain Node (URL, Response), so it is unit-tested without Electron.
import path from 'node:path';
import { contentSecurityPolicy } from '../../build/csp.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'privacy-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Passed to protocol.registerSchemesAsPrivileged before `ready`: standard (real origin, relative URLs),
 * secure (a secure context, like https), fetch and code cache for the Vite bundle. Not bypassCSP.
 */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
} as const;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type AppRequestTarget =
  | { kind: 'file'; file: string }
  | { kind: 'forbidden'; reason: string };

/**
 * Maps an app:// URL to a file under `root`, or refuses it. Refused: another scheme or host, a port or
 * credentials, encoded slashes/backslashes or NUL, any `..` or `.` segment, and anything that would
 * resolve outside `root` after normalisation. `/` is index.html; a path without an extension is a
 * client-side route and is also index.html.
 */
export function resolveAppRequest(rawUrl: string, root: string): AppRequestTarget {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'forbidden', reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) return { kind: 'forbidden', reason: 'foreign origin' };
  if (url.port || url.username || url.password) return { kind: 'forbidden', reason: 'foreign origin' };

  // Check the raw (still encoded) path first: %2F, %5C and %00 never name a real asset.
  if (/%(2f|5c|00)/i.test(url.pathname) || url.pathname.includes('\\')) {
    return { kind: 'forbidden', reason: 'encoded separator' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'forbidden', reason: 'malformed path' };
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\0') || s.includes(':'))) {
    return { kind: 'forbidden', reason: 'path traversal' };
  }

  const last = segments.at(-1);
  const relative = last === undefined || path.extname(last) === '' ? 'index.html' : segments.join('/');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return { kind: 'forbidden', reason: 'path traversal' };
  return { kind: 'file', file };
}

/** Headers every app:// response carries, beside its Content-Type. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy('electron', 'header'),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

export interface AppProtocolOptions {
  /** The built renderer folder (dist/renderer; inside app.asar when packaged). */
  root: string;
  readFile: (file: string) => Promise<Uint8Array>;
  log?: (message: string) => void;
  /**
   * Printed letters (electron/main/print.ts): `/letters/fonts/<name>` from node_modules/@fontsource
   * (core/letters/font-files.ts: exact names only) and `/letters/print/<id>` from the letter documents
   * waiting in memory. Each returns null for anything it does not serve.
   */
  letters?: { fontFile(pathname: string): string | null; document(pathname: string): string | null };
}

/** The path of an app:// URL under /letters/ (still percent-encoded), or null. Same origin rules as above. */
export function letterPathOf(rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port || url.username || url.password) return null;
  return url.pathname.startsWith('/letters/') ? url.pathname : null;
}

/** The handler for protocol.handle(APP_SCHEME, …): only GET/HEAD, only files under `root`. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const letterPath = options.letters ? letterPathOf(request.url) : null;
    if (letterPath !== null && options.letters) {
      const html = options.letters.document(letterPath);
      if (html !== null) {
        return new Response(request.method === 'HEAD' ? null : html, { status: 200, headers: { ...appResponseHeaders('text/html; charset=utf-8'), 'Cache-Control': 'no-store' } });
      }
      const font = options.letters.fontFile(letterPath);
      if (font === null) return plain(404, 'Not found');
      try {
        const body = await options.readFile(font);
        const bytes = new Uint8Array(body.byteLength);
        bytes.set(body);
        return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers: { ...appResponseHeaders('font/woff2'), 'Cache-Control': 'public, max-age=31536000, immutable' } });
      } catch {
        return plain(404, 'Not found');
      }
    }
    const target = resolveAppRequest(request.url, options.root);
    if (target.kind === 'forbidden') {
      options.log?.(`app:// refused ${request.url}: ${target.reason}`);
      return plain(403, 'Forbidden');
    }
    let body: Uint8Array;
    try {
      body = await options.readFile(target.file);
    } catch {
      return plain(404, 'Not found');
    }
    const headers = appResponseHeaders(contentTypeOf(target.file));
    // Copy into a fresh ArrayBuffer: a Buffer may be a view into a shared pool.
    const bytes = new Uint8Array(body.byteLength);
    bytes.set(body);
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
  };
}
