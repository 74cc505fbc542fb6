// Browser mode: the built renderer and the contract over HTTP, on 127.0.0.1 only. Any program on the
// PC can reach a loopback port, so every API call must carry proof of the per-launch token (printed once,
// in the URL fragment the browser opens), and requests naming another Host are refused (DNS rebinding).
// The page trades the token at once (POST /session) for a session cookie the page's scripts cannot read
// (HttpOnly), that no other site's page can make the browser send (SameSite=Strict), named for this port
// (cookies are shared by every port of 127.0.0.1; the name keeps two desks apart and a cookie from another
// port is never taken). Scripts and tests may still send the launch token itself as a Bearer header.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { DeskRuntime } from '../core/runtime.ts';
import { errorOf, type Reason, type Result } from '../contract/index.ts';
import { contentSecurityPolicy } from '../../build/csp.ts';
import { FONT_HEADERS, letterFontFile } from '../core/letters/font-files.ts';
import { FONT_ROUTE } from '../core/letters/fonts.ts';

/** Large enough for a 10 MB email body or request text in JSON, small enough to refuse a flood. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface HostOptions {
  runtime: DeskRuntime;
  token: string;
  staticDir: string;
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy('browser'));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', 'no-store');
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const refuse = (res: ServerResponse, status: number, reason: Reason) => sendJson(res, status, { ok: false, error: errorOf(reason) });

export function tokenMatches(expected: string, header: string | undefined): boolean {
  const given = /^Bearer ([0-9a-f]+)$/.exec(header ?? '')?.[1];
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** The session cookie's name on this port. */
export const sessionCookieName = (port: number) => `pd_session_${port}`;

/** The value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Sessions handed out by POST /session, for as long as the host runs (bounded: the oldest goes first). */
class Sessions {
  private readonly ids = new Set<string>();
  issue(): string {
    const id = randomBytes(32).toString('hex');
    this.ids.add(id);
    if (this.ids.size > 64) this.ids.delete(this.ids.values().next().value!);
    return id;
  }
  has(id: string | undefined): boolean {
    if (!id || !/^[0-9a-f]{64}$/.test(id)) return false;
    // Compared in constant time against each: a timing difference must not leak a session id.
    let found = false;
    for (const known of this.ids) if (timingSafeEqual(Buffer.from(known), Buffer.from(id))) found = true;
    return found;
  }
}

/** Only the loopback names of our own port: a page on another name that resolves here is refused. */
export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}` || hostHeader === `[::1]:${port}`;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveStatic(staticDir: string, urlPath: string, acceptEncoding: string | undefined, res: ServerResponse): Promise<void> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = normalize(staticDir + sep);
  const file = normalize(join(root, rel));
  if (!file.startsWith(root) || rel.includes('\0')) {
    res.writeHead(404).end();
    return;
  }
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error('not a file');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // A copy compressed at build time (build/compress-assets.ts), when the browser takes it.
    const encoding = pickEncoding(acceptEncoding);
    const packed = encoding ? await readFile(`${file}.${encoding === 'br' ? 'br' : 'gz'}`).catch(() => null) : null;
    const body = packed ?? (await readFile(file));
    const headers: Record<string, string | number> = { 'Content-Type': type, 'Content-Length': body.length, Vary: 'Accept-Encoding' };
    if (packed) headers['Content-Encoding'] = encoding!;
    // Vite names every asset by its content hash: a browser may keep it for good. index.html stays no-store.
    if (rel.startsWith('/assets/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  }
}

/** brotli if the request accepts it, else gzip, else none (q=0 means refused). */
export function pickEncoding(header: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  if ((accepted.get('br') ?? 0) > 0) return 'br';
  if ((accepted.get('gzip') ?? 0) > 0) return 'gzip';
  return null;
}

/** The letter fonts (core/letters/fonts.ts): exact @fontsource file names only, nothing else under the route. */
async function serveLetterFont(urlPath: string, head: boolean, res: ServerResponse): Promise<void> {
  const file = letterFontFile(urlPath.split('?')[0]!);
  if (file === null) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { ...FONT_HEADERS, 'Content-Length': body.length });
    res.end(head ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  }
}

export function createHostServer({ runtime, token, staticDir }: HostOptions): Server {
  const sessions = new Sessions();
  const server = createServer((req, res) => {
    void (async () => {
      securityHeaders(res);
      const port = (server.address() as { port: number } | null)?.port ?? 0;
      if (!hostAllowed(req.headers.host, port)) return refuse(res, 403, { code: 'FOREIGN_HOST' });
      const url = req.url ?? '/';
      const origin = req.headers.origin;
      if (url === '/session') {
        // The launch token for a session cookie: once per page load, from the page's own origin.
        if (req.method !== 'POST') return refuse(res, 405, { code: 'POST_ONLY' });
        if (origin !== undefined && !hostAllowed(origin.replace(/^http:\/\//, ''), port)) return refuse(res, 403, { code: 'CROSS_ORIGIN' });
        if (!tokenMatches(token, req.headers.authorization)) return refuse(res, 403, { code: 'BAD_TOKEN' });
        res.setHeader('Set-Cookie', `${sessionCookieName(port)}=${sessions.issue()}; Path=/; HttpOnly; SameSite=Strict`);
        return sendJson(res, 200, { ok: true, value: null });
      }
      if (url.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, { code: 'POST_ONLY' });
        const authorised = sessions.has(cookieValue(req.headers.cookie, sessionCookieName(port))) || tokenMatches(token, req.headers.authorization);
        if (!authorised) return refuse(res, 403, { code: 'BAD_TOKEN' });
        if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return refuse(res, 415, { code: 'JSON_ONLY' });
        if (origin !== undefined && !hostAllowed(origin.replace(/^http:\/\//, ''), port)) return refuse(res, 403, { code: 'CROSS_ORIGIN' });
        const text = await readBody(req);
        if (text === null) return refuse(res, 413, { code: 'REQUEST_TOO_LARGE', megabytes: MAX_BODY_BYTES / 1024 / 1024 });
        let input: unknown;
        try {
          input = text.length === 0 ? {} : JSON.parse(text);
        } catch {
          return refuse(res, 400, { code: 'REQUEST_NOT_JSON' });
        }
        const method = url.slice('/api/'.length).split('?')[0]!;
        return sendJson(res, 200, await runtime.dispatch(method, input));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405).end();
      if (url.startsWith(FONT_ROUTE)) return serveLetterFont(url, req.method === 'HEAD', res);
      return serveStatic(staticDir, url, req.headers['accept-encoding'], res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  return server;
}
