import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../build/csp.ts';
import {
  APP_ENTRY_URL,
  appSchemePrivileges,
  contentTypeOf,
  createAppProtocolHandler,
  resolveAppRequest,
} from '../../../electron/main/app-protocol.ts';
import { isTrustedAppUrl } from '../../../electron/main/trusted-sender.ts';

const root = path.resolve('/opt/privacy-desk/resources/app.asar/dist/renderer');
const fileOf = (url: string) => {
  const target = resolveAppRequest(url, root);
  return target.kind === 'file' ? path.relative(root, target.file).split(path.sep).join('/') : target.kind;
};

describe('resolveAppRequest', () => {
  it('serves index.html for the root and for client-side routes', () => {
    expect(fileOf('app://privacy-desk/')).toBe('index.html');
    expect(fileOf('app://privacy-desk')).toBe('index.html');
    expect(fileOf(APP_ENTRY_URL)).toBe('index.html');
    expect(fileOf('app://privacy-desk/cases/123')).toBe('index.html');
    expect(fileOf('app://privacy-desk/index.html?x=1#/settings')).toBe('index.html');
  });

  it('serves assets under the renderer folder', () => {
    expect(fileOf('app://privacy-desk/assets/index-abc123.js')).toBe('assets/index-abc123.js');
    expect(fileOf('app://privacy-desk/assets/fonts/Noto%20Sans%20JP.woff2')).toBe('assets/fonts/Noto Sans JP.woff2');
  });

  it.each([
    'app://privacy-desk/../../../../etc/passwd',
    'app://privacy-desk/%2e%2e/%2e%2e/etc/passwd',
    'app://privacy-desk/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://privacy-desk/assets%5c..%5c..%5cmain.js',
    'app://privacy-desk/assets\\..\\..\\main.js',
    'app://privacy-desk/C:/Windows/win.ini',
    'app://privacy-desk/index.html%00.png',
    'app://privacy-desk/%E0%A4%A',
  ])('never leaves the renderer folder: %s', (url) => {
    const target = resolveAppRequest(url, root);
    if (target.kind === 'file') {
      expect(target.file.startsWith(root + path.sep)).toBe(true);
      expect(target.file).not.toMatch(/passwd|win\.ini|main\.js$/);
    } else {
      expect(target.kind).toBe('forbidden');
    }
  });

  it.each([
    'app://other-host/index.html',
    'app://privacy-desk:81/index.html',
    'app://u:p@privacy-desk/index.html',
    'file:///etc/passwd',
    'https://privacy-desk/index.html',
    'nonsense',
  ])('refuses another origin: %s', (url) => {
    expect(resolveAppRequest(url, root).kind).toBe('forbidden');
  });

  it('agrees with the IPC sender check on what the app origin is', () => {
    expect(isTrustedAppUrl(APP_ENTRY_URL)).toBe(true);
  });
});

describe('createAppProtocolHandler', () => {
  const files: Record<string, string> = {
    [path.join(root, 'index.html')]: '<!doctype html><title>Privacy Desk</title>',
    [path.join(root, 'assets', 'app.js')]: 'console.log(1)',
  };
  const readFile = vi.fn(async (file: string) => {
    const text = files[file];
    if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return new TextEncoder().encode(text);
  });
  const handler = createAppProtocolHandler({ root, readFile });

  it('answers with the file, its type and the CSP header', async () => {
    const response = await handler(new Request('app://privacy-desk/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Privacy Desk</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy('electron', 'header'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');

    const js = await handler(new Request('app://privacy-desk/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing asset, 403 for traversal or another host, 405 for writes', async () => {
    expect((await handler(new Request('app://privacy-desk/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://privacy-desk/assets/..%2f..%2fmain.js'))).status).toBe(403);
    expect((await handler(new Request('app://other-host/index.html'))).status).toBe(403);
    expect((await handler(new Request('app://privacy-desk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const refused = await handler(new Request('app://other-host/index.html'));
    expect(refused.headers.get('content-security-policy')).toBe(contentSecurityPolicy('electron', 'header'));
  });

  it('answers HEAD without a body', async () => {
    const response = await handler(new Request('app://privacy-desk/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('the app scheme', () => {
  it('is standard and secure but never bypasses the CSP', () => {
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges.standard).toBe(true);
    expect(appSchemePrivileges.privileges.secure).toBe(true);
    expect(appSchemePrivileges.privileges).not.toHaveProperty('bypassCSP');
    expect(appSchemePrivileges.privileges).not.toHaveProperty('allowServiceWorkers');
  });

  it('has content types for what Vite emits', () => {
    expect(contentTypeOf('a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('a.css')).toMatch(/^text\/css/);
    expect(contentTypeOf('a.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a.SVG')).toBe('image/svg+xml');
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});
