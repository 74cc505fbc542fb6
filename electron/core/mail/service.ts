// The runtime's handle on mail: one sender while the desk is unlocked (started at login, stopped before
// the desk locks and forgets its key), and what the contract's mail methods need from it.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { MailTestResult } from '../../contract/index.ts';
import { readSettings } from '../settings/settings.ts';
import { readMailConfig } from './mail-settings.ts';
import { DEFAULT_TIMEOUTS, MailSender, sendSystemMail, sendTestEmail, type SenderOptions, type SenderStatus } from './sender.ts';

/** Tests only: faster timeouts, backoff, a stop grace period (see SenderOptions). */
export type MailServiceOptions = Omit<SenderOptions, 'db' | 'now' | 'log'>;

export class MailService {
  private sender: MailSender | null = null;
  /** What the last stopped sender knew, so mail.status still says something useful right after a lock and login. */
  private lastSeen: SenderStatus | null = null;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly options: MailServiceOptions;

  constructor(now: () => Date, log: (line: string) => void, options: MailServiceOptions = {}) {
    this.now = now;
    this.log = log;
    this.options = options;
  }

  /** Starts a sender on the unlocked desk's database; resolves once it has looked at the queue. Never throws. */
  async start(db: Kysely<DB>): Promise<void> {
    await this.stop();
    this.sender = new MailSender({ ...this.options, db, now: this.now, log: this.log });
    await this.sender.start();
  }

  /** Never throws: locking always goes on. */
  async stop(): Promise<void> {
    const s = this.sender;
    this.sender = null;
    if (!s) return;
    this.lastSeen = s.status();
    try {
      await s.stop();
    } catch {
      // nothing to do: whatever was in flight is recovered at the next start
    }
  }

  kick(): void {
    this.sender?.kick();
  }

  settingsChanged(): void {
    this.settingsVersion++;
    this.sender?.settingsChanged();
  }

  /** Counts mail-settings changes: a system mail that waits for settings tries again when this moves. */
  settingsVersion = 0;

  status(): SenderStatus {
    const s = this.sender?.status();
    if (s) return s;
    const last = this.lastSeen;
    return { connection: last?.connection ?? 'unknown', lastContactAt: last?.lastContactAt ?? null, lastError: last?.lastError ?? null, nextTryAt: null, sending: false };
  }

  /** A mail of the desk's own (core/audit/anchor-mail.ts): null when no mail server is set. */
  async sendSystem(db: Kysely<DB>, mail: { to: string; subject: string; text: string }): Promise<(MailTestResult & { messageId: string }) | null> {
    const config = await readMailConfig(db);
    if (!config) return null;
    const settings = await readSettings(db);
    return sendSystemMail(config, { name: settings.desk.deskNameJa, address: settings.desk.email }, mail, { ...DEFAULT_TIMEOUTS, ...(this.options.timeouts ?? {}) }, this.now());
  }

  async sendTest(db: Kysely<DB>, to: string): Promise<MailTestResult> {
    const config = await readMailConfig(db);
    if (!config) return { sent: false, failure: { code: 'MAIL_NOT_CONFIGURED' }, serverResponse: null };
    const settings = await readSettings(db);
    const r = await sendTestEmail(config, { name: settings.desk.deskNameJa, address: settings.desk.email }, to, { ...DEFAULT_TIMEOUTS, ...(this.options.timeouts ?? {}) }, this.now());
    if (r.sent) this.sender?.settingsChanged();
    return r;
  }
}
