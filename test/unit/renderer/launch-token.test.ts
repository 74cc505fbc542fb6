// "The launch token is gone from the address bar and from the history entry on the first load, is never
// stored by the page, and is traded for the session cookie before the first call."
import { describe, expect, it, vi } from 'vitest';
import { takeToken } from '../../../renderer/src/api/token.ts';
import { createHttpDesk } from '../../../renderer/src/api/httpDesk.ts';

describe('browser mode’s launch token', () => {
  it('is taken out of the address with history.replaceState (the entry itself changes), keeping the rest of the fragment', () => {
    const replaceState = vi.fn();
    const token = takeToken({ location: { hash: '#token=abc123&view=overdue', pathname: '/', search: '' }, history: { replaceState, state: { k: 1 } } });
    expect(token).toBe('abc123');
    expect(replaceState).toHaveBeenCalledWith({ k: 1 }, '', '/#view=overdue');
  });

  it('without a token in the address: null, history untouched', () => {
    const replaceState = vi.fn();
    expect(takeToken({ location: { hash: '#/queue', pathname: '/', search: '' }, history: { replaceState, state: null } })).toBeNull();
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('is sent once, to POST /session, before the first call; calls carry no token, only the cookie', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: url.endsWith('/session') ? null : { state: 'locked' } }), { status: 200 });
    });
    const desk = createHttpDesk({ token: 'abc123', fetch: fetch as unknown as typeof globalThis.fetch });
    await desk.desk.status({});
    await desk.desk.status({});
    expect(calls.map((c) => c.url)).toEqual(['/session', '/api/desk.status', '/api/desk.status']);
    expect(calls[0]!.init.headers).toEqual({ Authorization: 'Bearer abc123' });
    for (const c of calls.slice(1)) {
      expect(JSON.stringify(c.init.headers)).not.toContain('abc123');
      expect(c.init.credentials).toBe('same-origin');
    }
  });
});
