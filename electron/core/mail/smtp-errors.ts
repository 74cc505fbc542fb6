// What went wrong when talking to the mail server, in plain words, and what the sender does about it:
//   offline    the server could not be reached at all (no network, refused, unknown host, connect timeout):
//              the message waits; this does not count toward its retry limit; the whole queue waits.
//   auth       the server refused the user name or password: nothing is sent until the settings change.
//   temporary  the server was reached but said "later" (4xx), stopped answering (timeout) or dropped the
//              connection: retried with backoff, up to the retry limit.
//   permanent  the server refused the message (5xx): failed at once, with the server's words.
// The text keeps the server's own reply and the desk's words; never the message or its recipient.

export type FailureKind = 'offline' | 'auth' | 'temporary' | 'permanent';

export interface SmtpFailure {
  kind: FailureKind;
  /** Plain words for the Outbox screen and last_error. */
  message: string;
  /** The problem is the server's, not this message's: stop working the queue until the next try. */
  stopsQueue: boolean;
  responseCode: number | null;
}

interface NodemailerError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  timeoutType?: string;
  message?: string;
}

/** The server's reply as one line, capped: it is shown and stored, so nothing can make it huge. */
export function serverWords(s: string | undefined | null): string {
  return String(s ?? '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .slice(0, 300);
}

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ENETUNREACH: 'no network',
  ENETDOWN: 'no network',
  EHOSTUNREACH: 'no route to the server',
  EHOSTDOWN: 'the server is down',
  EADDRNOTAVAIL: 'no network address',
  ECONNRESET: 'the connection was reset',
};

export function classifySmtpError(e: unknown, server: { host: string; port: number }): SmtpFailure {
  const err = (e ?? {}) as NodemailerError;
  const where = `${server.host}:${server.port}`;
  const response = serverWords(err.response);
  const code = typeof err.responseCode === 'number' ? err.responseCode : null;

  if (err.code === 'EAUTH' || (code !== null && [530, 534, 535].includes(code) && /^AUTH/i.test(err.command ?? ''))) {
    return { kind: 'auth', message: `The mail server refused the user name or password (${response || 'no reason given'}). Check them in the mail settings.`, stopsQueue: true, responseCode: code };
  }
  if (code !== null && code >= 500) {
    return { kind: 'permanent', message: `The mail server refused the message: ${response || code}.`, stopsQueue: false, responseCode: code };
  }
  if (code !== null && code >= 400) {
    // 421: the server is closing the connection for everyone; other 4xx concern this message (greylisting, a full mailbox).
    return { kind: 'temporary', message: `The mail server asked to try again later: ${response || code}.`, stopsQueue: code === 421, responseCode: code };
  }
  const system = err.originalCode ?? (err.code && UNREACHABLE[err.code] ? err.code : undefined);
  if (err.code === 'EDNS' || (err.command === 'CONN' && system && UNREACHABLE[system])) {
    return { kind: 'offline', message: `The mail server ${where} cannot be reached (${UNREACHABLE[system ?? 'ENOTFOUND'] ?? 'no connection'}).`, stopsQueue: true, responseCode: null };
  }
  if (err.code === 'ETIMEDOUT') {
    if (err.timeoutType === 'CONNECT_TIMEOUT') return { kind: 'offline', message: `The mail server ${where} cannot be reached (no answer to the connection).`, stopsQueue: true, responseCode: null };
    const what = err.timeoutType === 'GREETING_TIMEOUT' ? 'it accepted the connection but never greeted' : 'it stopped answering';
    return { kind: 'temporary', message: `The mail server ${where} did not answer in time (${what}).`, stopsQueue: true, responseCode: null };
  }
  if (err.code === 'ETLS') return { kind: 'temporary', message: `The secure connection (TLS) to the mail server ${where} failed: ${serverWords(err.message)}.`, stopsQueue: true, responseCode: null };
  if (err.code === 'ESOCKET' || err.code === 'ECONNECTION' || err.code === 'EPROTOCOL') {
    return { kind: 'temporary', message: `The connection to the mail server ${where} failed: ${serverWords(err.message) || err.code}.`, stopsQueue: true, responseCode: null };
  }
  // Anything else happened on this side (the message could not be built or handed over): not retried.
  return { kind: 'permanent', message: `The message could not be handed to the mail server (${err.code ?? 'unknown error'}).`, stopsQueue: false, responseCode: code };
}
