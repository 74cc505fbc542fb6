// The fetcher: reads new mail from the desk's mailbox over IMAP (imapflow) while the desk is unlocked and
// online, waiting with IDLE where the server offers it (imapflow falls back to NOOP polling otherwise),
// and a poll every `pollMs` in any case.
//
// Never lost, never twice: each message is stored in the encrypted database (store-mail.ts, one
// transaction) BEFORE it is marked \Seen or moved on the server, and the mailbox's read mark (mailbox_state:
// UIDVALIDITY + last UID) moves only after that. A crash, a dropped connection or a UIDVALIDITY change
// between those steps makes the next run read the message again; the store recognises it (content hash,
// Message-ID) and the run then marks or moves it. Nothing is ever deleted from the server.
//
// A refused login stops fetching until the mailbox settings change (retrying would lock the account on
// many servers); anything else is tried again after 30 s, 1 min, 2 … capped at 10 min.
import { tryLockSession, unlockSession } from '../../../db/dialect.ts';
import { ImapFlow } from 'imapflow';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { MailboxConnection, MailboxStatus } from '../../contract/index.ts';
import { readMailboxConfig, type MailboxConfig } from './mailbox-settings.ts';
import { storeIncoming } from './store-mail.ts';
import { codeOf, fieldOf, nameOf } from '../thrown.ts';

export interface FetcherOptions {
  db: Kysely<DB>;
  now?: () => Date;
  log?: (line: string) => void;
  /** Longest wait between two looks at the mailbox when IDLE says nothing (default 2 min). */
  pollMs?: number;
  backoffMs?: (n: number) => number;
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number };
  /** Tests only: runs after a message was stored and before it is marked or moved on the server. */
  afterStored?: (uid: number) => Promise<void>;
}

export interface FetchReport {
  stored: number;
  duplicates: number;
  /** Messages marked or moved on the server in this run. */
  processed: number;
}

export function defaultFetchBackoffMs(n: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, n - 1), 600_000);
}

/** The mailbox's identity for its read mark: another server, account or folder starts afresh. */
export function mailboxKey(c: Pick<MailboxConfig, 'user' | 'host' | 'port' | 'folder'>): string {
  return `${c.user}@${c.host}:${c.port}/${c.folder}`;
}

class AuthRefused extends Error {}
class FolderMissing extends Error {}

export class MailboxFetcher {
  private readonly db: Kysely<DB>;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly pollMs: number;
  private readonly backoffMs: (n: number) => number;
  private readonly options: FetcherOptions;
  private running: Promise<void> | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private client: ImapFlow | null = null;
  private failures = 0;
  /** The settings version whose login the server refused: not tried again until the settings change. */
  private refusedVersion: string | null = null;
  private state: MailboxStatus = { connection: 'unknown', serverResponse: null, lastContactAt: null, nextTryAt: null, idle: false, waiting: 0 };

  constructor(options: FetcherOptions) {
    this.options = options;
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? console.error;
    this.pollMs = options.pollMs ?? 120_000;
    this.backoffMs = options.backoffMs ?? defaultFetchBackoffMs;
  }

  status(): MailboxStatus {
    return { ...this.state };
  }

  /** Starts the background loop (idempotent). */
  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.running = this.loop().catch((e: unknown) => this.log(`[inbox] fetcher stopped: ${nameOf(e)}`));
  }

  /** Stops the loop and closes the connection; whatever was stored stays stored. Never throws. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.client?.close();
    await this.running;
    this.running = null;
  }

  /** Look at the mailbox now (a person pressed "fetch now", or the settings changed). */
  kick(): void {
    this.wake?.();
  }

  settingsChanged(): void {
    this.refusedVersion = null;
    this.failures = 0;
    this.client?.close();
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    }).finally(() => (this.wake = null));
  }

  private set(connection: MailboxConnection, extra: Partial<MailboxStatus> = {}): void {
    this.state = { ...this.state, connection, ...extra };
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const config = await readMailboxConfig(this.db);
      if (!config) {
        this.set('not_configured', { nextTryAt: null });
        await this.sleep(this.pollMs);
        continue;
      }
      if (this.refusedVersion === config.version) {
        await this.sleep(this.pollMs);
        continue;
      }
      try {
        await this.session(config, true);
        this.failures = 0;
      } catch (e) {
        if (this.stopped) break;
        const wait = this.failed(e, config);
        if (wait !== null) await this.sleep(wait);
      }
    }
  }

  /** What went wrong, recorded for mailbox.status; the wait before the next try (null: at once). */
  private failed(e: unknown, config: MailboxConfig): number | null {
    const responseText = fieldOf(e, 'responseText');
    const words = typeof responseText === 'string' ? responseText.slice(0, 300) : null;
    const code = codeOf(e);
    if (e instanceof AuthRefused || fieldOf(e, 'authenticationFailed')) {
      this.refusedVersion = config.version;
      this.set('auth_failed', { serverResponse: words, nextTryAt: null });
      this.log('[inbox] the mail server refused the mailbox login');
      return null;
    }
    this.failures++;
    const wait = this.backoffMs(this.failures);
    const next = new Date(this.now().getTime() + wait).toISOString();
    if (e instanceof FolderMissing) this.set('folder_missing', { serverResponse: words, nextTryAt: next });
    else if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT' || code === 'EAI_AGAIN' || code === 'CONNECT_TIMEOUT')
      this.set('offline', { serverResponse: null, nextTryAt: next });
    else this.set('server_error', { serverResponse: words, nextTryAt: next });
    this.log(`[inbox] fetch failed with ${nameOf(e)} (${code ?? fieldOf(e, 'serverResponseCode') ?? 'no code'})`);
    return wait;
  }

  private connect(config: MailboxConfig): ImapFlow {
    const t = this.options.timeouts ?? {};
    return new ImapFlow({
      host: config.host,
      port: config.port,
      secure: config.tls === 'tls',
      // 'none' means none: no opportunistic STARTTLS either (a loopback or test server).
      doSTARTTLS: config.tls === 'starttls' ? true : config.tls === 'none' ? false : undefined,
      auth: { user: config.user, pass: config.password },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: t.connectionMs ?? 15_000,
      greetingTimeout: t.greetingMs ?? 15_000,
      socketTimeout: t.socketMs ?? 300_000,
    });
  }

  /**
   * One connection: log in, open the folder, read what is new, then (when `stay`) wait for more with IDLE
   * until stopped, the settings change or the connection drops. Throws what went wrong.
   */
  async session(config: MailboxConfig, stay: boolean): Promise<FetchReport> {
    const client = this.connect(config);
    this.client = client;
    const report: FetchReport = { stored: 0, duplicates: 0, processed: 0 };
    let closed = false;
    client.on('error', () => {});
    client.on('close', () => {
      closed = true;
      this.wake?.();
    });
    try {
      try {
        await client.connect();
      } catch (e) {
        if (fieldOf(e, 'authenticationFailed')) throw Object.assign(new AuthRefused('login refused'), { responseText: fieldOf(e, 'responseText') });
        throw e;
      }
      this.set('online', { serverResponse: null, nextTryAt: null, lastContactAt: this.now().toISOString(), idle: client.capabilities.has('IDLE') });
      let lock;
      try {
        lock = await client.getMailboxLock(config.folder);
      } catch (e) {
        throw Object.assign(new FolderMissing('no such folder'), { responseText: fieldOf(e, 'responseText') });
      }
      try {
        if (config.afterFetch === 'move') await ensureFolder(client, config.moveTo);
        for (;;) {
          const r = await this.drainAlone(client, config);
          report.stored += r.stored;
          report.duplicates += r.duplicates;
          report.processed += r.processed;
          this.set('online', { lastContactAt: this.now().toISOString() });
          if (!stay || this.stopped || closed) break;
          await this.waitForMail(client);
          if (this.stopped || closed) break;
          const current = await readMailboxConfig(this.db);
          if (!current || current.version !== config.version) break;
        }
      } finally {
        if (!closed) lock.release();
      }
      if (!closed) await client.logout();
      if (closed && !this.stopped && stay) throw Object.assign(new Error('connection closed'), { code: 'ECONNRESET' });
      return report;
    } catch (e) {
      client.close();
      throw e;
    } finally {
      if (this.client === client) this.client = null;
    }
  }

  /** Idles until the server announces new mail, `pollMs` passes, or someone kicks. */
  private async waitForMail(client: ImapFlow): Promise<void> {
    const exists = new Promise<void>((resolve) => client.once('exists', () => resolve()));
    const idling = client.idle().catch(() => undefined);
    await Promise.race([exists, this.sleep(this.pollMs)]);
    this.wake?.();
    void idling;
  }

  /**
   * On a shared desk several PCs run a fetcher against the one mailbox: one drains it at a time (a
   * session-level advisory lock on the desk's connection, released after the pass or by the server if the
   * connection drops); the others find it taken, read nothing this time and look again at their next
   * wake-up. A local desk (one process per data folder) always gets it.
   */
  private async drainAlone(client: ImapFlow, config: MailboxConfig): Promise<FetchReport> {
    if (!(await tryLockSession(this.db, 'imap'))) return { stored: 0, duplicates: 0, processed: 0 };
    try {
      return await this.drain(client, config);
    } finally {
      await unlockSession(this.db, 'imap').catch(() => undefined);
    }
  }

  /** Every message not yet processed, oldest first: stored, then marked or moved, then the read mark moves. */
  private async drain(client: ImapFlow, config: MailboxConfig): Promise<FetchReport> {
    const report: FetchReport = { stored: 0, duplicates: 0, processed: 0 };
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error('no mailbox open');
    const uidvalidity = String(mailbox.uidValidity);
    const key = mailboxKey(config);
    const state = await this.db.selectFrom('mailbox_state').selectAll().where('mailbox', '=', key).executeTakeFirst();
    // A new UIDVALIDITY (the server rebuilt its index, the mailbox was recreated): every UID may now name
    // another message, so the mailbox is read again from the start; the store knows what it already has.
    const lastUid = state && state.uidvalidity === uidvalidity ? state.last_uid : 0;
    let uids: number[];
    if (config.afterFetch === 'move') {
      uids = ((await client.search({ all: true }, { uid: true })) || []) as number[];
    } else {
      const unseen = ((await client.search({ seen: false }, { uid: true })) || []) as number[];
      const newer = ((await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || []) as number[];
      uids = [...new Set([...unseen, ...newer.filter((u) => u > lastUid)])];
    }
    uids.sort((a, b) => a - b);
    this.state.waiting = uids.length;
    let mark = lastUid;
    for (const uid of uids) {
      if (this.stopped) break;
      const msg = await client.fetchOne(String(uid), { uid: true, source: true, internalDate: true }, { uid: true });
      if (!msg || !msg.source) continue; // expunged meanwhile
      const internal = msg.internalDate instanceof Date ? msg.internalDate : msg.internalDate ? new Date(msg.internalDate) : null;
      const result = await storeIncoming(this.db, msg.source, { source: 'imap', mailbox: key, uidvalidity, uid, internalDate: internal }, { now: this.now(), maxBytes: config.maxMessageBytes });
      if (result.status === 'duplicate') report.duplicates++;
      else report.stored++;
      await this.options.afterStored?.(uid);
      if (config.afterFetch === 'move') await client.messageMove(String(uid), config.moveTo, { uid: true });
      else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      report.processed++;
      this.state.waiting = Math.max(0, this.state.waiting - 1);
      mark = Math.max(mark, uid);
      await this.db
        .insertInto('mailbox_state')
        .values({ mailbox: key, uidvalidity, last_uid: mark, updated_at: this.now().toISOString() })
        .onConflict((oc) => oc.column('mailbox').doUpdateSet({ uidvalidity, last_uid: mark, updated_at: this.now().toISOString() }))
        .execute();
    }
    if (!state || state.uidvalidity !== uidvalidity) {
      await this.db
        .insertInto('mailbox_state')
        .values({ mailbox: key, uidvalidity, last_uid: mark, updated_at: this.now().toISOString() })
        .onConflict((oc) => oc.column('mailbox').doUpdateSet({ uidvalidity, last_uid: mark, updated_at: this.now().toISOString() }))
        .execute();
    }
    return report;
  }

  /** One pass without staying connected: the "fetch now" button and the tests. Throws what went wrong. */
  async fetchOnce(): Promise<FetchReport> {
    const config = await readMailboxConfig(this.db);
    if (!config) {
      this.set('not_configured');
      return { stored: 0, duplicates: 0, processed: 0 };
    }
    try {
      const r = await this.session(config, false);
      this.failures = 0;
      return r;
    } catch (e) {
      this.failed(e, config);
      throw e;
    }
  }
}

async function ensureFolder(client: ImapFlow, path: string): Promise<void> {
  const list = await client.list();
  if (list.some((m) => m.path === path)) return;
  await client.mailboxCreate(path);
}
