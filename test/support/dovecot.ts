// A real IMAP server for the inbox tests: Debian's Dovecot (dovecot-imapd), started as a child process on
// 127.0.0.1 on a free port with its own temporary configuration, base_dir, Maildir and passwd-file. It
// never reads /etc/dovecot and never listens anywhere else, so a packaged dovecot service on the machine
// (port 143/993, /run/dovecot) is untouched and does not interfere.
//
// As root, Dovecot's master runs as root (as the package does) and the mailbox belongs to `nobody`:
// Dovecot refuses mail access as uid 0. As any other user, every Dovecot process runs as that user.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './smtp.ts';

export const DOVECOT_BIN = process.env.DOVECOT_BIN ?? '/usr/sbin/dovecot';

export interface Dovecot {
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  /** The mailbox's Maildir on disk (for tests that reset UIDVALIDITY by removing Dovecot's index files). */
  maildir: string;
  /** A client logged in as the desk's mailbox user: to put mail in and look at what the desk left. */
  client(): Promise<ImapFlow>;
  /** Appends a raw message to `folder` (INTERNALDATE = `date` when given); resolves to its UID. */
  append(raw: Buffer | string, opts?: { folder?: string; date?: Date; flags?: string[] }): Promise<number>;
  /** Stops the server (SIGTERM, waits for it to exit). Start again with `start()` on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes every file it had. */
  close(): Promise<void>;
  log(): string;
}

const MAIL_USER = 'desk';
const MAIL_PASSWORD = 'imap-test-password';

export async function startDovecot(): Promise<Dovecot> {
  const root = mkdtempSync(join(tmpdir(), 'pd-dovecot-'));
  const asRoot = process.getuid?.() === 0;
  const mailUid = asRoot ? 65534 : process.getuid!();
  const mailGid = asRoot ? 65534 : process.getgid!();
  const home = join(root, 'home');
  const maildir = join(home, 'Maildir');
  for (const d of ['run', 'state', 'home']) mkdirSync(join(root, d));
  mkdirSync(maildir);
  if (asRoot) {
    // The mail processes run as nobody: they must reach the home folder through the temp folder.
    chmodSync(root, 0o755);
    chownSync(home, mailUid, mailGid);
    chownSync(maildir, mailUid, mailGid);
  }
  const port = await freePort();
  writeFileSync(join(root, 'passwd'), `${MAIL_USER}:{PLAIN}${MAIL_PASSWORD}:${mailUid}:${mailGid}::${home}::\n`, { mode: 0o644 });
  const me = userInfo().username;
  const config = [
    `base_dir = ${join(root, 'run')}`,
    `state_dir = ${join(root, 'state')}`,
    `log_path = ${join(root, 'dovecot.log')}`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    // Wrong passwords are answered at once (the default waits 2 s), so the test does not wait for nothing.
    'auth_failure_delay = 0',
    'mail_location = maildir:~/Maildir',
    `first_valid_uid = ${Math.min(mailUid, 1)}`,
    `first_valid_gid = ${Math.min(mailGid, 1)}`,
    ...(asRoot ? [] : [`default_login_user = ${me}`, `default_internal_user = ${me}`]),
    'imap_idle_notify_interval = 2 secs',
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${join(root, 'passwd')}\n}`,
    `userdb {\n  driver = passwd-file\n  args = username_format=%u ${join(root, 'passwd')}\n}`,
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    'service anvil {\n  chroot =\n}',
    'service imap-login {\n  chroot =\n}',
    'namespace inbox {\n  inbox = yes\n  separator = /\n  mailbox Processed {\n    auto = create\n  }\n}',
    '',
  ].join('\n');
  const configPath = join(root, 'dovecot.conf');
  writeFileSync(configPath, config, { mode: 0o644 });

  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(DOVECOT_BIN, ['-F', '-c', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<never>((_ok, fail) => child!.once('exit', (code) => fail(new Error(`dovecot exited (${code}): ${stderr}${readLog()}`))));
    exited.catch(() => {});
    await Promise.race([waitForPort(port, 20_000), exited]);
  };
  const readLog = () => (existsSync(join(root, 'dovecot.log')) ? readFileSync(join(root, 'dovecot.log'), 'utf8') : '');
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const gone = new Promise<void>((ok) => c.once('exit', () => ok()));
    c.kill('SIGTERM');
    await gone;
    // The master is gone; its children follow at once, but the port is only free once they have.
    await waitForPortClosed(port, 10_000);
  };
  await start();

  const client = async () => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: MAIL_USER, pass: MAIL_PASSWORD }, logger: false, disableAutoIdle: true });
    await c.connect();
    return c;
  };
  return {
    host: '127.0.0.1',
    port,
    user: MAIL_USER,
    password: MAIL_PASSWORD,
    maildir,
    client,
    async append(raw, opts = {}) {
      const c = await client();
      try {
        const r = await c.append(opts.folder ?? 'INBOX', raw, opts.flags ?? [], opts.date);
        if (!r || !r.uid) throw new Error('the server did not report the appended message’s UID');
        return r.uid;
      } finally {
        await c.logout();
      }
    },
    stop,
    start,
    async close() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
    log: readLog,
  };
}

/** Removes Dovecot's index and UID list for INBOX (server stopped): its next start gives a new UIDVALIDITY. */
export function forgetUids(maildir: string): void {
  for (const name of readdirSync(maildir)) if (name.startsWith('dovecot')) rmSync(join(maildir, name), { force: true });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((done) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), done(true)));
      s.once('error', () => done(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`dovecot did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function waitForPortClosed(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((done) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), done(true)));
      s.once('error', () => done(false));
    });
    if (!open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A TCP relay in front of the server that can cut every connection once the server has sent `cutAfter`
 * bytes on it (a connection dropped in the middle of a FETCH). `cutAfter` null relays everything.
 */
export async function startRelay(targetPort: number): Promise<{ port: number; cutAfter: number | null; cuts: number; connections: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const state = { port: 0, cutAfter: null as number | null, cuts: 0, connections: 0, close: async () => {} };
  const server = net.createServer((inbound) => {
    state.connections++;
    const outbound = net.connect(targetPort, '127.0.0.1');
    sockets.add(inbound).add(outbound);
    let sent = 0;
    inbound.on('data', (c) => outbound.write(c));
    outbound.on('data', (c: Buffer) => {
      const limit = state.cutAfter;
      if (limit !== null && sent + c.length > limit) {
        inbound.write(c.subarray(0, Math.max(0, limit - sent)));
        state.cuts++;
        inbound.destroy();
        outbound.destroy();
        return;
      }
      sent += c.length;
      inbound.write(c);
    });
    const end = () => (inbound.destroy(), outbound.destroy());
    inbound.on('error', end).on('close', end);
    outbound.on('error', end).on('close', end);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  state.port = (server.address() as net.AddressInfo).port;
  state.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((ok) => server.close(() => ok()));
  };
  return state;
}
