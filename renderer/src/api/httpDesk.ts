// Browser mode: the same DeskApi over POST /api/<method> to the loopback host. Every outcome is a
// Result, never a throw, so screens handle "host gone" the same way as any other error; the one
// exception is a call its caller aborted (CallOptions.signal), which rejects with the AbortError.
import type { DeskApi, DeskErrorData, Result } from '../../../electron/contract/index.ts';
import { deskFromCall } from './deskFromCall.ts';
import { errorOf } from '../../../electron/contract/index.ts';
import { noToken, unreachable } from './messages.ts';

export interface HttpDeskOptions {
  /** The launch token from the address (token.ts), traded for the session cookie before the first call; null on a reload. */
  token: string | null;
  fetch?: typeof fetch;
  /** Where /api lives; the page's own origin unless a test says otherwise. */
  baseUrl?: string;
}

const failure = (error: DeskErrorData): Result<never> => ({ ok: false, error });

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: { code?: unknown } };
  if (b.ok === true) return 'value' in body;
  return b.ok === false && typeof b.error?.code === 'string' && typeof (b.error as { reason?: { code?: unknown } }).reason?.code === 'string';
}

export function createHttpDesk({ token, fetch: fetchImpl = globalThis.fetch.bind(globalThis), baseUrl = '' }: HttpDeskOptions): DeskApi {
  // Once per page: the token for the cookie. Without a token (a reload) the cookie set earlier is used.
  let session: Promise<Result<null> | null> | null = null;
  const exchange = (): Promise<Result<null> | null> =>
    (session ??= token === null
      ? Promise.resolve(null)
      : fetchImpl(`${baseUrl}/session`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', credentials: 'same-origin' })
          .then(async (r) => ((await r.json().catch(() => undefined)) as Result<null>) ?? null)
          .catch(() => null));
  return deskFromCall(async (method, input, call) => {
    const traded = await exchange();
    if (traded && !traded.ok) return traded;
    const signal = call?.signal;
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
        credentials: 'same-origin', // the HttpOnly session cookie
        signal,
      });
    } catch (e) {
      // The caller gave the call up (a newer search): its own cancellation, not a desk answer.
      if (signal?.aborted) throw e;
      return failure(unreachable());
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (e) {
      if (signal?.aborted) throw e;
      body = undefined;
    }
    // The host answers errors (401, 403, 400…) with a Result body too; only a body that is not one
    // means something other than the desk answered. No session at all: the page was not opened by the link.
    if (isResult(body)) return !body.ok && body.error.reason.code === 'BAD_TOKEN' && token === null ? failure(noToken()) : body;
    return failure(errorOf({ code: 'BAD_ANSWER', status: response.status }));
  });
}
