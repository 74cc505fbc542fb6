// The one Content-Security-Policy of Privacy Desk. Three places deliver it and all read it from here:
//   - renderer/index.html's <meta http-equiv="Content-Security-Policy"> (written at build time by the
//     renderer's vite config: `contentSecurityPolicy(mode, 'meta')`),
//   - the Electron app:// protocol handler's response header (electron/main/app-protocol.ts),
//   - the browser host's response header (electron/host: `contentSecurityPolicy('browser')`).
// The page is served from its own origin in both modes ('self' is app://privacy-desk in Electron and
// http://127.0.0.1:<port> in browser mode), so no host is ever named and nothing remote is allowed.
//
// Why each relaxation exists:
//   - style-src 'unsafe-inline': Mantine 9 injects <style> elements (CSS variables, inline styles of
//     responsive props) and sets `style` attributes from style props. A nonce would cover the <style>
//     elements only, and a static index.html cannot carry a per-load nonce. Styles cannot run code.
//   - img-src data:: Mantine's and Vite's small inlined images (checkbox marks, assets under the
//     inline limit) are data: URLs.
// Scripts stay strict: no 'unsafe-inline', no 'unsafe-eval', no data:/blob:. So the renderer must not
// use Mantine's <ColorSchemeScript> (an inline script): pass `defaultColorScheme` to MantineProvider.

export type CspMode = 'electron' | 'browser';
/** A <meta> policy ignores `frame-ancestors` (and Chromium warns about it), so it is header-only. */
export type CspDelivery = 'header' | 'meta';

const common: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['media-src', "'none'"],
  ['object-src', "'none'"],
  ['worker-src', "'none'"],
  ['manifest-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

const headerOnly: ReadonlyArray<readonly [string, string]> = [['frame-ancestors', "'none'"]];

/**
 * The policy as one header/meta value. Both modes serve the renderer from its own origin, so the
 * directives are the same today; `mode` stays in the signature so a transport can diverge without
 * touching its callers.
 */
export function contentSecurityPolicy(mode: CspMode, delivery: CspDelivery = 'header'): string {
  if (mode !== 'electron' && mode !== 'browser') throw new Error(`Unknown CSP mode: ${String(mode)}`);
  const directives = delivery === 'meta' ? common : [...common, ...headerOnly];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
