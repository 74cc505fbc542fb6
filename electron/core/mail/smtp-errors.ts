// What went wrong when talking to the mail server, in plain words, and what the sender does about it:
//   offline    the server could not be reached at all (no network, refused, unknown host, connect timeout):
//              the message waits; this does not count toward its retry limit; the whole queue waits.
//   auth       the server refused the user name or password: nothing is sent until the settings change.
//   temporary  the server was reached but said "later" (4xx), stopped answering (timeout) or dropped the
//              connection: retried with backoff, up to the retry limit.
//   permanent  the server refused the message (5xx): failed at once, with the server's words.
// The failure is a code (contract/codes.ts) keeping the server's own reply; never the message or its recipient.
import type { MailFailure } from '../../contract/index.ts';

export type FailureKind = 'offline' | 'auth' | 'temporary' | 'permanent';

export interface SmtpFailure {
  kind: FailureKind;
  /** What the Outbox screen words and last_error keeps (as JSON). */
  failure: MailFailure;
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

type Cause = Extract<MailFailure, { code: 'SMTP_UNREACHABLE' }>['cause'];
const UNREACHABLE: Record<string, Cause> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'not_found',
  EAI_AGAIN: 'lookup_failed',
  ENETUNREACH: 'no_network',
  ENETDOWN: 'no_network',
  EHOSTUNREACH: 'no_route',
  EHOSTDOWN: 'server_down',
  EADDRNOTAVAIL: 'no_address',
  ECONNRESET: 'reset',
};

export function classifySmtpError(e: unknown, server: { host: string; port: number }): SmtpFailure {
  const err = (e ?? {}) as NodemailerError;
  const where = `${server.host}:${server.port}`;
  const response = serverWords(err.response);
  const code = typeof err.responseCode === 'number' ? err.responseCode : null;

  if (err.code === 'EAUTH' || (code !== null && [530, 534, 535].includes(code) && /^AUTH/i.test(err.command ?? ''))) {
    return { kind: 'auth', failure: { code: 'SMTP_AUTH', response }, stopsQueue: true, responseCode: code };
  }
  if (code !== null && code >= 500) {
    return { kind: 'permanent', failure: { code: 'SMTP_REJECTED', response, responseCode: code }, stopsQueue: false, responseCode: code };
  }
  if (code !== null && code >= 400) {
    // 421: the server is closing the connection for everyone; other 4xx concern this message (greylisting, a full mailbox).
    return { kind: 'temporary', failure: { code: 'SMTP_LATER', response, responseCode: code }, stopsQueue: code === 421, responseCode: code };
  }
  const system = err.originalCode ?? (err.code && UNREACHABLE[err.code] ? err.code : undefined);
  if (err.code === 'EDNS' || (err.command === 'CONN' && system && UNREACHABLE[system])) {
    return { kind: 'offline', failure: { code: 'SMTP_UNREACHABLE', server: where, cause: UNREACHABLE[system ?? 'ENOTFOUND'] ?? 'no_connection' }, stopsQueue: true, responseCode: null };
  }
  if (err.code === 'ETIMEDOUT') {
    if (err.timeoutType === 'CONNECT_TIMEOUT') return { kind: 'offline', failure: { code: 'SMTP_UNREACHABLE', server: where, cause: 'no_answer' }, stopsQueue: true, responseCode: null };
    return { kind: 'temporary', failure: { code: 'SMTP_TIMEOUT', server: where, phase: err.timeoutType === 'GREETING_TIMEOUT' ? 'greeting' : 'response' }, stopsQueue: true, responseCode: null };
  }
  if (err.code === 'ETLS') return { kind: 'temporary', failure: { code: 'SMTP_TLS', server: where, detail: serverWords(err.message) }, stopsQueue: true, responseCode: null };
  if (err.code === 'ESOCKET' || err.code === 'ECONNECTION' || err.code === 'EPROTOCOL') {
    return { kind: 'temporary', failure: { code: 'SMTP_CONNECTION', server: where, detail: serverWords(err.message) || err.code }, stopsQueue: true, responseCode: null };
  }
  // Anything else happened on this side (the message could not be built or handed over): not retried.
  return { kind: 'permanent', failure: { code: 'SMTP_HANDOVER', system: err.code ?? 'unknown error' }, stopsQueue: false, responseCode: code };
}
