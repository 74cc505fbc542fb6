// A real SMTP server on 127.0.0.1 for the mail tests (smtp-server, no TLS): it records what it received
// (envelope and raw message) and can be told to answer 4xx/5xx, refuse logins, or be stopped and
// started again on the same port. Plus a TCP server that accepts and never greets (a hanging server).
import net from 'node:net';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface TestSmtpOptions {
  /** Require AUTH and check it: null accepts any login; a function decides. */
  auth?: ((user: string, pass: string) => boolean) | null;
  /** Answer the end of DATA with this code (e.g. 451, 550) for the next calls, in order; then accept. */
  dataReplies?: number[];
  /** Called once a message was received and accepted. */
  onAccepted?: (r: Received) => void;
  port?: number;
}

export interface TestSmtp {
  port: number;
  received: Received[];
  /** Messages the server answered with an error (not counted in `received`). */
  refused: number;
  dataReplies: number[];
  close(): Promise<void>;
}

export async function startSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const state: TestSmtp = { port: 0, received: [], refused: 0, dataReplies: [...(options.dataReplies ?? [])], close: async () => {} };
  const server = new SMTPServer({
    authOptional: options.auth === undefined,
    disabledCommands: options.auth === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    size: 50 * 1024 * 1024,
    onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, cb: (err: Error | null | undefined, response?: { user: unknown }) => void) {
      const ok = options.auth === null || (options.auth?.(auth.username ?? '', auth.password ?? '') ?? true);
      if (ok) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, cb: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const code = state.dataReplies.shift();
        if (code !== undefined && code >= 400) {
          state.refused++;
          cb(Object.assign(new Error(code >= 500 ? '5.7.1 Message rejected by policy' : '4.7.1 Greylisted, try again later'), { responseCode: code }));
          return;
        }
        const envelope = session.envelope;
        const r: Received = { from: envelope.mailFrom ? envelope.mailFrom.address : '', to: envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks) };
        state.received.push(r);
        cb(null);
        options.onAccepted?.(r);
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((ok, fail) => {
    server.server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  state.port = (server.server.address() as net.AddressInfo).port;
  state.close = () => new Promise<void>((ok) => server.close(() => ok()));
  return state;
}

/** A port nothing listens on (taken from the OS, then released). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', () => ok()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/** Accepts TCP connections and never says a word: an SMTP server that hangs before its greeting. */
export async function startSilentServer(): Promise<{ port: number; connections: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const state = { port: 0, connections: 0, close: async () => {} };
  const server = net.createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  state.port = (server.address() as net.AddressInfo).port;
  state.close = () =>
    new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    });
  return state;
}

export function parseMail(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw);
}
