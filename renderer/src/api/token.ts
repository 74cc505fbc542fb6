// Browser mode's launch token. The host prints http://127.0.0.1:PORT/#token=<hex>: the fragment never
// reaches a server log. On the first load the page takes it out of the address bar AND the history entry
// (history.replaceState: Back never shows it again), keeps it only in memory, and trades it at once for an
// HttpOnly, SameSite=Strict session cookie (POST /session, electron/host/server.ts): no script on the page
// can read the session, and a reload or a second tab of the same browser keeps working through the cookie.
// What a page cannot undo: the browser's global "visited pages" list may still hold the first address.

interface Env {
  location: { readonly hash: string; readonly pathname: string; readonly search: string };
  history: { readonly state: unknown; replaceState(data: unknown, unused: string, url?: string | null): void };
}

const browserEnv = (): Env => {
  const page = globalThis as unknown as Env; // the page's own window (this module is also type-checked without the DOM)
  return { location: page.location, history: page.history };
};

/** The launch token in this page's address (removed from it and from the history entry), or null. */
export function takeToken(env: Env = browserEnv()): string | null {
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromUrl = params.get('token');
  if (!fromUrl) return null;
  params.delete('token');
  const rest = params.toString();
  env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`);
  return fromUrl;
}
