import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../build/csp.ts';
import {
  decideWindowOpen,
  EXTERNAL_LINK_ALLOWLIST,
  isDownloadAllowed,
  isNavigationAllowed,
  isRequestBlocked,
  withCspHeader,
} from '../../../electron/main/security.ts';

describe('navigation', () => {
  it('stays inside the app origin', () => {
    expect(isNavigationAllowed('app://privacy-desk/index.html')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:3000/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'about:blank']) {
      expect(isNavigationAllowed(url)).toBe(false);
    }
  });
});

describe('window.open', () => {
  it('always denies a new window and, with the empty allowlist, opens nothing outside', () => {
    expect(EXTERNAL_LINK_ALLOWLIST).toEqual([]);
    for (const url of ['https://www.ppc.go.jp/', 'http://example.com/', 'app://privacy-desk/index.html', 'file:///C:/x', 'not a url']) {
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null });
    }
  });

  it('opens an allowlisted https origin in the system browser, still without a new window', () => {
    const allow = ['https://www.ppc.go.jp'];
    expect(decideWindowOpen('https://www.ppc.go.jp/personalinfo/', allow)).toEqual({
      action: 'deny',
      openExternally: 'https://www.ppc.go.jp/personalinfo/',
    });
    expect(decideWindowOpen('http://www.ppc.go.jp/', allow).openExternally).toBeNull();
    expect(decideWindowOpen('https://www.ppc.go.jp.evil.example/', allow).openExternally).toBeNull();
    expect(decideWindowOpen('https://user@www.ppc.go.jp/', allow).openExternally).toBeNull();
  });
});

describe('session requests', () => {
  it('refuses network and file requests, lets app and internal ones through', () => {
    for (const url of ['http://example.com/x.png', 'https://fonts.googleapis.com/css', 'ws://127.0.0.1:1/', 'wss://x/', 'ftp://x/', 'file:///etc/passwd', '::bad::']) {
      expect(isRequestBlocked(url), url).toBe(true);
    }
    for (const url of ['app://privacy-desk/assets/app.js', 'data:image/png;base64,AAAA', 'devtools://devtools/bundled/inspector.html']) {
      expect(isRequestBlocked(url), url).toBe(false);
    }
  });

  it('sets the CSP header on app responses, replacing any other spelling', () => {
    const headers = withCspHeader('app://privacy-desk/index.html', { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy('electron', 'header')] });
    const other = { 'Content-Type': ['text/html'] };
    expect(withCspHeader('devtools://devtools/bundled/inspector.html', other)).toBe(other);
  });
});

describe('downloads', () => {
  it("lets the page save a file it built itself (Reports' CSV, a mail attachment) and nothing else", () => {
    expect(isDownloadAllowed('blob:app://privacy-desk/1b4e28ba-2fa1-41d2-883f-0016d3cca427')).toBe(true);
    for (const url of [
      'https://example.com/report.csv',
      'http://127.0.0.1:5173/report.csv',
      'file:///etc/passwd',
      'blob:app://other/1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      'blob:https://example.com/1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      'blob:app://privacy-desk/1b4e28ba-2fa1-41d2-883f-0016d3cca427/../x',
      'data:text/csv,a,b',
      'app://privacy-desk/letters/x.pdf',
      'not a url',
    ]) {
      expect(isDownloadAllowed(url), url).toBe(false);
    }
  });
});
