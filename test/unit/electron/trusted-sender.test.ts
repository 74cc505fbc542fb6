import { describe, expect, it } from 'vitest';
import { isTrustedAppUrl, isTrustedSender } from '../../../electron/main/trusted-sender.ts';

const topFrame = (url: string) => ({ url, parent: null });

describe('isTrustedAppUrl', () => {
  it.each(['app://privacy-desk/index.html', 'app://privacy-desk/', 'app://privacy-desk/index.html#/cases?x=1', 'APP://PRIVACY-DESK/index.html'])(
    'accepts the app origin: %s',
    (url) => expect(isTrustedAppUrl(url)).toBe(true),
  );

  it.each([
    'http://evil.example/',
    'https://privacy-desk/index.html',
    'http://127.0.0.1:5173/index.html',
    'file:///etc/passwd',
    'file:///opt/Privacy%20Desk/resources/app.asar/dist/renderer/index.html',
    'app://other-host/index.html',
    'app://privacy-desk.evil.example/index.html',
    'app://privacy-desk:8080/index.html',
    'app://user:pass@privacy-desk/index.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'data:text/html,<script>alert(1)</script>',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isTrustedAppUrl(url)).toBe(false));
});

describe('isTrustedSender', () => {
  it('accepts the main frame on the app origin', () => {
    expect(isTrustedSender(topFrame('app://privacy-desk/index.html'))).toBe(true);
  });

  it('refuses a null or missing frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('refuses a subframe even on the app origin', () => {
    const parent = topFrame('app://privacy-desk/index.html');
    expect(isTrustedSender({ url: 'app://privacy-desk/index.html', parent })).toBe(false);
  });

  it('refuses a main frame on a foreign URL', () => {
    for (const url of ['http://evil.example/', 'file:///etc/passwd', 'app://other-host/', 'about:blank', '']) {
      expect(isTrustedSender(topFrame(url))).toBe(false);
    }
  });

  it('refuses a frame whose properties throw (disposed frame)', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isTrustedSender(disposed)).toBe(false);
  });
});
