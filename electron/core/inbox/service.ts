// The runtime's handle on incoming mail: one fetcher while the desk is unlocked (started at login,
// stopped before the desk locks and forgets its key), and what the contract's mailbox methods need.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { MailboxStatus } from '../../contract/index.ts';
import { MailboxFetcher, type FetcherOptions } from './imap-fetcher.ts';
import { readMailboxConfig } from './mailbox-settings.ts';

/** Tests only: a faster poll, backoff and timeouts. */
export type InboxServiceOptions = Omit<FetcherOptions, 'db' | 'now' | 'log'>;

export class InboxService {
  private fetcher: MailboxFetcher | null = null;
  private lastSeen: MailboxStatus | null = null;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly options: InboxServiceOptions;

  constructor(now: () => Date, log: (line: string) => void, options: InboxServiceOptions = {}) {
    this.now = now;
    this.log = log;
    this.options = options;
  }

  start(db: Kysely<DB>): void {
    this.fetcher = new MailboxFetcher({ ...this.options, db, now: this.now, log: this.log });
    this.fetcher.start();
  }

  /** Never throws: locking always goes on. What was stored stays; the rest is read at the next unlock. */
  async stop(): Promise<void> {
    const f = this.fetcher;
    this.fetcher = null;
    if (!f) return;
    this.lastSeen = f.status();
    await f.stop().catch(() => undefined);
  }

  settingsChanged(): void {
    this.fetcher?.settingsChanged();
  }

  kick(): void {
    this.fetcher?.kick();
  }

  async status(db: Kysely<DB>): Promise<MailboxStatus> {
    const s = this.fetcher?.status() ?? this.lastSeen ?? { connection: 'unknown', serverResponse: null, lastContactAt: null, nextTryAt: null, idle: false, waiting: 0 };
    const configured = (await readMailboxConfig(db)) !== null;
    return { ...s, connection: configured ? (s.connection === 'not_configured' ? 'unknown' : s.connection) : 'not_configured' };
  }
}
