// Browser mode's access token. The host prints http://127.0.0.1:PORT/#token=<hex>: the fragment never
// reaches a server log, and we move it into sessionStorage at once so a reload keeps working while the
// address bar, history and any screenshot no longer show it. sessionStorage dies with the tab.
const TOKEN_KEY = 'privacyDesk.token';

interface Env {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

function browserEnv(): Env {
  let storage: Env['storage'] = null;
  try {
    storage = window.sessionStorage;
  } catch {
    // Storage disabled: the token then lives only as long as this page.
  }
  return { location: window.location, history: window.history, storage };
}

export function takeToken(env: Env = browserEnv()): string | null {
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromUrl = params.get('token');
  if (fromUrl) {
    env.storage?.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`);
    return fromUrl;
  }
  return env.storage?.getItem(TOKEN_KEY) ?? null;
}
