// "The screens arrive compressed": the build writes brotli and gzip copies (build/compress-assets.ts) and
// browser mode sends the one the browser accepts, byte-identical once decoded; a browser that accepts
// neither gets the plain file. Hashed assets may be cached; the page itself is never stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createHostServer, pickEncoding } from '../../../electron/host/server.ts';
import { compressFolder } from '../../../build/compress-assets.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { openRuntime, tempDir } from '../../support/desk.ts';

let data: ReturnType<typeof tempDir>;
let site: ReturnType<typeof tempDir>;
let runtime: DeskRuntime;
let server: Server;
let port: number;
const script = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `受付 ${i} 開示請求`))};\n`;

beforeAll(async () => {
  data = tempDir();
  site = tempDir();
  mkdirSync(join(site.path, 'assets'), { recursive: true });
  writeFileSync(join(site.path, 'index.html'), `<!doctype html><title>Privacy Desk</title>${'<!-- padding -->'.repeat(100)}<div id="root"></div>`);
  writeFileSync(join(site.path, 'assets', 'app-abc123.js'), script);
  writeFileSync(join(site.path, 'assets', 'tiny.js'), 'console.log(1)');
  compressFolder(site.path);
  runtime = await openRuntime(data.path);
  server = createHostServer({ runtime, token: 'ab'.repeat(24), staticDir: site.path });
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

function get(path: string, acceptEncoding?: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}` };
    if (acceptEncoding !== undefined) headers['Accept-Encoding'] = acceptEncoding;
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('compressed assets in browser mode', () => {
  it('sends brotli, else gzip, else the plain file — the same script once decoded, much smaller on the wire', async () => {
    const br = await get('/assets/app-abc123.js', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(script);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 4);

    const gz = await get('/assets/app-abc123.js', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(script);

    const plain = await get('/assets/app-abc123.js', 'br;q=0, identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
    expect((await get('/assets/app-abc123.js')).body.toString('utf8')).toBe(script);
  });

  it('serves the page compressed but never cached, hashed assets cacheable, small files plain', async () => {
    const page = await get('/', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(brotliDecompressSync(page.body).toString('utf8')).toContain('<div id="root">');
    expect((await get('/assets/app-abc123.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const tiny = await get('/assets/tiny.js', 'br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString('utf8')).toBe('console.log(1)');
  });

  it('reads Accept-Encoding as browsers write it', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(pickEncoding('GZIP')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('gzip;q=0')).toBeNull();
  });
});
