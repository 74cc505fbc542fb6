// "In browser mode the desk answers only its own page: calls without this launch's token, addressed to
// another host name, from another origin, or not JSON are refused; a flood is cut off without taking
// the server down; nothing outside the built screens can be fetched; the page carries a strict CSP."
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createHostServer, MAX_BODY_BYTES } from '../../../electron/host/server.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { openRuntime, snapshot, tempDir } from '../../support/desk.ts';

const TOKEN = 'c0ffee'.repeat(8);
const SECRET = 'secret outside the static folder';

let data: ReturnType<typeof tempDir>;
let site: ReturnType<typeof tempDir>;
let staticDir: string;
let runtime: DeskRuntime;
let server: Server;
let port: number;

beforeAll(async () => {
  data = tempDir();
  site = tempDir();
  staticDir = join(site.path, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Privacy Desk</title><div id="root"></div>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  // Files beside and above the static folder that a traversal would reach.
  writeFileSync(join(site.path, 'secret.txt'), SECRET);
  runtime = await openRuntime(data.path);
  server = createHostServer({ runtime, token: TOKEN, staticDir });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  await runtime.close();
  data.remove();
  site.remove();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: the path goes out exactly as written, and Host can be anything. */
function raw(options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

const api = (method: string, headers: Record<string, string>, body = '{}') =>
  fetch(`http://127.0.0.1:${port}/api/${method}`, { method: 'POST', headers, body });

const good = () => ({ authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });

describe('the browser host', () => {
  it('answers a call that carries the launch token', async () => {
    const res = await api('desk.status', good());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { state: 'new', mode: 'browser' } });
  });

  it('refuses calls without the token or with a wrong one: 403 FORBIDDEN, and the call does not run', async () => {
    const before = snapshot(data.path);
    const setup = JSON.stringify({ desk: {}, supervisor: {} });
    for (const authorization of [undefined, '', 'Bearer', `Bearer ${'0'.repeat(TOKEN.length)}`, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}0`, `bearer ${TOKEN}`, TOKEN, `Basic ${TOKEN}`, `Bearer ${TOKEN.toUpperCase()}`]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (authorization !== undefined) headers.authorization = authorization;
      const res = await api('desk.setup', headers, setup);
      expect([authorization, res.status]).toEqual([authorization, 403]);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(snapshot(data.path)).toEqual(before);
  });

  it('refuses a request naming another host (DNS rebinding), even with the token: 403', async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`, `localhost.:${port}`]) {
      const res = await raw({ method: 'POST', path: '/api/desk.status', headers: { host, ...good() }, body: '{}' });
      expect([host, res.status]).toEqual([host, 403]);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // The page itself is not served to that name either.
      expect((await raw({ path: '/', headers: { host } })).status).toBe(403);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await raw({ method: 'POST', path: '/api/desk.status', headers: { host, ...good() }, body: '{}' })).status).toBe(200);
    }
  });

  it('refuses a call from another origin, even with the token: 403', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`]) {
      const res = await api('desk.status', { ...good(), origin });
      expect([origin, res.status]).toEqual([origin, 403]);
    }
    expect((await api('desk.status', { ...good(), origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('refuses a body that is not JSON by content type: 415 (a form post cannot reach the API)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', '']) {
      const res = await api('desk.status', { authorization: `Bearer ${TOKEN}`, 'content-type': type });
      expect([type, res.status]).toEqual([type, 415]);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const bad = await api('desk.status', good(), '{"not json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('cuts off a body over MAX_BODY_BYTES with 413, and serves the next request', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 64 * 1024, 0x20);
    const res = await raw({ method: 'POST', path: '/api/desk.status', headers: { host: `127.0.0.1:${port}`, ...good(), 'content-length': big.length }, body: big });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const next = await api('desk.status', good());
    expect(next.status).toBe(200);
    expect(await next.json()).toMatchObject({ ok: true });
  });

  it('does not serve anything outside the static folder, however the path is spelled', async () => {
    const paths = [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5cetc',
      '/..%5csecret.txt',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '//etc/passwd',
      '/%00/../secret.txt',
      '/index.html%00.png',
      '/%c0%ae%c0%ae/secret.txt',
      '/assets', // a folder, not a file
    ];
    for (const path of paths) {
      const res = await raw({ path, headers: { host: `127.0.0.1:${port}` } });
      expect([path, res.status === 404 || res.status === 400]).toEqual([path, true]);
      expect(res.body).not.toContain('root:');
      expect(res.body).not.toContain(SECRET);
    }
    // The files inside it are served.
    const js = await raw({ path: '/assets/app.js', headers: { host: `127.0.0.1:${port}` } });
    expect([js.status, js.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('serves index.html with a strict Content-Security-Policy (no eval, no inline script) and no-sniff', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await raw({ path, headers: { host: `127.0.0.1:${port}` } });
      expect(res.status).toBe(200);
      expect(res.body).toContain('<div id="root">');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).not.toContain('unsafe-eval');
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
      expect(scriptSrc).toBe("'self'");
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses API calls by GET (a link or an <img> cannot call the desk)', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/desk.status`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(405);
  });
});

describe('the launch token traded for a session cookie', () => {
  const trade = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${port}/session`, { method: 'POST', headers });

  it('POST /session with the launch token sets an HttpOnly, SameSite=Strict cookie named for this port, holding a new secret', async () => {
    const r = await trade({ authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^pd_session_${port}=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict$`));
    expect(cookie).not.toContain(TOKEN);
  });

  it('the cookie alone opens the API; a made-up one, one named for another port, or none is refused', async () => {
    const value = /=([0-9a-f]{64});/.exec((await trade({ authorization: `Bearer ${TOKEN}` })).headers.get('set-cookie')!)![1]!;
    const json = { 'content-type': 'application/json' };
    expect(await (await api('desk.status', { ...json, cookie: `other=1; pd_session_${port}=${value}` })).json()).toMatchObject({ ok: true });
    for (const cookie of [`pd_session_${port}=${'0'.repeat(64)}`, `pd_session_${port + 1}=${value}`, '']) {
      const r = await api('desk.status', { ...json, ...(cookie ? { cookie } : {}) });
      expect([cookie, r.status, ((await r.json()) as { error: { reason: { code: string } } }).error.reason.code]).toEqual([cookie, 403, 'BAD_TOKEN']);
    }
  });

  it('no cookie without the launch token, nor from another origin, nor by GET', async () => {
    expect((await trade({ authorization: `Bearer ${'0'.repeat(48)}` })).status).toBe(403);
    expect((await trade({})).headers.get('set-cookie')).toBeNull();
    expect((await trade({ authorization: `Bearer ${TOKEN}`, origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${port}/session`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
  });
});
