// The sender: takes queued notices out of the outbox and hands them to the desk's SMTP server, in the
// order they were queued, when the server can be reached. It runs in the core (the Electron main process
// or the browser-mode host), started by the runtime while the desk is unlocked and stopped on lock.
//
// At least once, never lost: a message is claimed (queued → sending, owned by this sender's random id,
// only if still queued), sent, then marked sent together with the notice on the case. A crash between the
// server's "250 OK" and that mark leaves it in `sending`; the next sender to start queues it again with
// possibly_duplicated set and resends it with the SAME Message-ID (see queue-store.ts).
//
// Failures (smtp-errors.ts): temporary ones retry with exponential backoff (1 min, 2, 4 … capped at 1 h)
// up to maxAttempts tries that reached the server, then fail visibly; a 5xx fails at once; a refused login
// stops all sending until the settings change; an unreachable server (the PC is offline) holds the queue,
// probing again after 1 min, 2, 4 … capped at offlineCapMs, without failing anything.
import { isPostgres } from '../../../db/dialect.ts';

/** How long a claim of another PC's sender is left alone on a shared desk (far above a send's timeouts). */
export const SHARED_DESK_CLAIM_LEASE_MS = 10 * 60_000;
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { DB, OutboxRow } from '../../../db/schema.ts';
import { email as emailSchema, memberEmail, type MailConnection, type MailFailure, type MailTestResult } from '../../contract/index.ts';
import type { DeskCalendar } from '../calendar/index.ts';
import { loadDeskCalendar } from '../desk-calendar/store.ts';
import { readSettings } from '../settings/settings.ts';
import { headerSafe } from '../notices/email-text.ts';
import { attachmentsToSend } from './attachments.ts';
import { readMailConfig, type MailConfig } from './mail-settings.ts';
import { MESSAGE_ID_PATTERN, messageIdDomain, newMessageId } from './outbox.ts';
import { claimNext, markFailed, markSent, nextDue, recoverClaims, requeue } from './queue-store.ts';
import { classifySmtpError, serverWords, type SmtpFailure } from './smtp-errors.ts';
import { codeOf, nameOf } from '../thrown.ts';

export interface SenderTimeouts {
  /** Opening the TCP (and TLS) connection. */
  connectionMs: number;
  /** The server's greeting after connecting: a server that accepts and never greets fails as temporary. */
  greetingMs: number;
  /** Silence on the socket in the middle of the conversation. */
  socketMs: number;
}

export const DEFAULT_TIMEOUTS: SenderTimeouts = { connectionMs: 15_000, greetingMs: 15_000, socketMs: 60_000 };
export const DEFAULT_MAX_ATTEMPTS = 8;

/** 1 min, 2, 4, 8 … capped at 1 h: the wait before retry n (n ≥ 1). */
export function defaultBackoffMs(n: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, n - 1), 3_600_000);
}

export interface SenderOptions {
  db: Kysely<DB>;
  now?: () => Date;
  log?: (line: string) => void;
  /** Tries that reach the server before a message fails (default 8). */
  maxAttempts?: number;
  backoffMs?: (n: number) => number;
  /** Longest wait between probes while the server cannot be reached (default 5 min). */
  offlineCapMs?: number;
  timeouts?: Partial<SenderTimeouts>;
  /** How long stop() waits for a send in flight before leaving it to the next start (default 5 s). */
  stopGraceMs?: number;
  /**
   * A claim in `sending` at least this old is taken back when the sender starts. Default 0: every claim
   * not this sender's, whatever its time (one desk process per data folder and one sender per desk, so
   * a claim found at start is a dead sender's). A second sender started beside a live one needs a lease.
   */
  staleClaimMs?: number;
  /** Tests only: runs after the server accepted a message and before it is marked sent. */
  afterAccepted?: (messageId: string) => Promise<void>;
}

export interface SenderStatus {
  connection: MailConnection;
  lastContactAt: string | null;
  lastError: MailFailure | null;
  nextTryAt: string | null;
  sending: boolean;
}

export interface DrainReport {
  sent: number;
  failed: number;
  retrying: number;
  /** Why the drain stopped before the queue was empty, if it did. */
  stoppedBy: 'offline' | 'auth' | 'temporary' | 'not_configured' | 'waiting' | 'stopped' | null;
}

type Transport = ReturnType<typeof createSmtpTransport>;

/** The desk's SMTP transport: one pooled connection, reused across messages, and never resending on its own. */
export function createSmtpTransport(config: MailConfig, timeouts: SenderTimeouts, pooled = true) {
  return nodemailer.createTransport({
    pool: pooled as true,
    maxConnections: 1,
    maxMessages: 1000,
    // At-least-once is the outbox's job: the pool must never requeue a message by itself (that would
    // be a duplicate nobody knows about).
    maxRequeues: 0,
    host: config.host.replace(/^\[(.*)\]$/, '$1'),
    port: config.port,
    secure: config.tls === 'tls',
    requireTLS: config.tls === 'starttls',
    ignoreTLS: config.tls === 'none',
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  });
}

export interface OutgoingMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  /** Files sent with it (core/mail/attachments.ts): the message becomes multipart/mixed. */
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
}

export interface Sender {
  name: string;
  address: string;
}

/** Null when the message is safe to hand over; otherwise why not (a permanent refusal). */
export function headerProblem(m: OutgoingMessage, from: Sender): MailFailure | null {
  // (The sender's display name is made header-safe, not refused: it comes from the desk details.)
  for (const [what, v] of [['recipient', m.to], ['subject', m.subject], ['Message-ID', m.messageId], ['sender address', from.address]] as const) {
    if (/[\r\n\0]/.test(v)) return { code: 'MAIL_HEADER_LINE_BREAK', what };
  }
  const to = memberEmail.safeParse(m.to);
  if (!to.success || to.data !== m.to) return { code: 'MAIL_RECIPIENT_INVALID' };
  if (!emailSchema.safeParse(from.address).success) return { code: 'MAIL_SENDER_ADDRESS_INVALID', address: from.address.slice(0, 80) };
  if (!MESSAGE_ID_PATTERN.test(m.messageId)) return { code: 'MAIL_NO_MESSAGE_ID' };
  return null;
}

/**
 * The nodemailer message: the SMTP envelope names EXACTLY the validated recipient (no display-name
 * parsing can change who the server delivers to), and the headers carry no free-text address.
 */
export function nodemailerMessage(m: OutgoingMessage, from: Sender, now: Date = new Date()) {
  return {
    // Japan time, as the desk and the requester read it (RFC 5322 with its +0900 offset).
    date: japanMailDate(now),
    envelope: { from: from.address, to: [m.to] },
    from: { name: headerSafe(from.name), address: from.address },
    to: [{ name: '', address: m.to }],
    subject: m.subject,
    text: m.text,
    // Bytes from the desk's own database only (never a path or a URL: file and URL access are off below).
    ...(m.attachments?.length ? { attachments: m.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) } : {}),
    messageId: m.messageId,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An RFC 5322 Date header in Japan time: "Thu, 03 Dec 2026 15:04:05 +0900" (Japan has no DST). */
export function japanMailDate(at: Date): string {
  const j = new Date(at.getTime() + 9 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[j.getUTCDay()]}, ${two(j.getUTCDate())} ${MONTHS[j.getUTCMonth()]} ${j.getUTCFullYear()} ${two(j.getUTCHours())}:${two(j.getUTCMinutes())}:${two(j.getUTCSeconds())} +0900`;
}


export class MailSender {
  readonly id = `sender-${randomUUID()}`;
  private readonly db: Kysely<DB>;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly maxAttempts: number;
  private readonly backoffMs: (n: number) => number;
  private readonly offlineCapMs: number;
  private readonly timeouts: SenderTimeouts;
  private readonly stopGraceMs: number;
  private readonly staleClaimMs: number;
  private readonly afterAccepted: ((messageId: string) => Promise<void>) | undefined;

  private started = false;
  private stopping = false;
  private current: Promise<DrainReport> | null = null;
  private again = false;
  private forceAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private wakeAt: number | null = null;
  private pausedUntil = 0;
  private offlineTries = 0;
  private authRefusedFor: string | null = null;
  private calendar: Promise<DeskCalendar> | null = null;
  /** Roles of the staff who sent messages (the notice is recorded in their name), looked up once. */
  private readonly roles = new Map<string, 'agent' | 'supervisor'>();
  private state: { connection: MailConnection; lastContactAt: string | null; lastError: MailFailure | null; sending: boolean } = { connection: 'unknown', lastContactAt: null, lastError: null, sending: false };

  constructor(options: SenderOptions) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? console.error;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
    this.offlineCapMs = options.offlineCapMs ?? 5 * 60_000;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...(options.timeouts ?? {}) };
    this.stopGraceMs = options.stopGraceMs ?? 5_000;
    // A shared desk has one sender per PC: a claim found at start may be a live colleague's send in flight,
    // so only a claim older than any send can last (the lease) is a dead sender's.
    this.staleClaimMs = options.staleClaimMs ?? (isPostgres(options.db) ? SHARED_DESK_CLAIM_LEASE_MS : 0);
    this.afterAccepted = options.afterAccepted;
  }

  /**
   * Takes back dead senders' claims and looks whether anything waits; if so, works the queue in the
   * background (and keeps working it, on timers, until stop). Resolves once that look is done, so a
   * desk with nothing queued is left alone from then on: an idle sender neither reads nor writes.
   * Never throws.
   */
  async start(): Promise<void> {
    this.started = true;
    try {
      await this.recover();
      if (!(await readMailConfig(this.db))) {
        this.state.connection = 'not_configured';
        return;
      }
      if ((await nextDue(this.db)) !== null) void this.drain();
    } catch (e) {
      this.log(`[mail] the sender did not start: ${nameOf(e)} (${codeOf(e) ?? 'no code'})`);
    }
  }

  /** Stops the timers and waits (up to stopGraceMs) for a send in flight; what is left is recovered at the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.wakeAt = null;
    const running = this.current;
    if (!running) return;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([running.catch(() => undefined), new Promise<void>((ok) => (timeout = setTimeout(ok, this.stopGraceMs)))]);
    clearTimeout(timeout);
  }

  /** Something was queued (or the settings changed): try now, even while waiting out an offline spell. */
  kick(): void {
    if (this.stopping) return;
    void this.drain(true);
  }

  /** Settings changed: a refused login may work now, and the transport is rebuilt. */
  settingsChanged(): void {
    this.authRefusedFor = null;
    this.pausedUntil = 0;
    this.offlineTries = 0;
    if (this.state.connection === 'auth_failed' || this.state.connection === 'not_configured') this.state.connection = 'unknown';
    this.kick();
  }

  async recover(): Promise<number> {
    const now = this.now();
    // With no lease (the default), every claim but this sender's is taken back, whatever the clocks say.
    const rows = await recoverClaims(this.db, this.id, now, this.staleClaimMs > 0 ? new Date(now.getTime() - this.staleClaimMs) : null);
    if (rows.length > 0) this.log(`[mail] ${rows.length} message(s) found half-sent: queued again, marked as possibly sent twice`);
    return rows.length;
  }

  status(): SenderStatus {
    return {
      connection: this.state.connection,
      lastContactAt: this.state.lastContactAt,
      lastError: this.state.lastError,
      nextTryAt: this.wakeAt !== null ? new Date(this.wakeAt).toISOString() : this.pausedUntil > this.now().getTime() ? new Date(this.pausedUntil).toISOString() : null,
      sending: this.state.sending,
    };
  }

  /** Sends everything due now, one message at a time in queue order; resolves when it stops. */
  drain(force = false): Promise<DrainReport> {
    if (this.current) {
      this.again = true;
      this.forceAgain ||= force;
      return this.current;
    }
    const run = (async (): Promise<DrainReport> => {
      const total: DrainReport = { sent: 0, failed: 0, retrying: 0, stoppedBy: null };
      let f = force;
      try {
        do {
          this.again = false;
          const r = await this.drainOnce(f || this.forceAgain);
          this.forceAgain = false;
          f = false;
          total.sent += r.sent;
          total.failed += r.failed;
          total.retrying += r.retrying;
          total.stoppedBy = r.stoppedBy;
        } while (this.again && !this.stopping);
      } catch (e) {
        this.log(`[mail] the sender stopped with ${nameOf(e)} (${codeOf(e) ?? 'no code'})`);
      } finally {
        this.state.sending = false;
        this.current = null;
      }
      await this.schedule().catch(() => undefined);
      return total;
    })();
    this.current = run;
    return run;
  }

  private async drainOnce(force: boolean): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, failed: 0, retrying: 0, stoppedBy: null };
    if (this.stopping) return { ...report, stoppedBy: 'stopped' };
    const config = await readMailConfig(this.db);
    if (!config) {
      this.state.connection = 'not_configured';
      return { ...report, stoppedBy: 'not_configured' };
    }
    if (this.authRefusedFor === config.version) return { ...report, stoppedBy: 'auth' };
    if (!force && this.pausedUntil > this.now().getTime()) return { ...report, stoppedBy: 'waiting' };
    const settings = await readSettings(this.db);
    const from: Sender = { name: settings.desk.deskNameJa, address: settings.desk.email };
    let transport: Transport | null = null;
    try {
      let row = this.stopping ? undefined : await claimNext(this.db, this.id, this.now());
      while (row) {
        transport ??= createSmtpTransport(config, this.timeouts);
        this.state.sending = true;
        const { outcome, next } = await this.sendOne(row, transport, config, from);
        this.state.sending = false;
        if (outcome === 'sent') report.sent++;
        else if (outcome === 'failed') report.failed++;
        else report.retrying++;
        if (outcome !== 'sent' && outcome !== 'failed' && outcome !== 'retry') {
          report.stoppedBy = outcome;
          break;
        }
        row = next ?? (this.stopping ? undefined : await claimNext(this.db, this.id, this.now()));
      }
      if (this.stopping && report.stoppedBy === null) report.stoppedBy = 'stopped';
    } finally {
      transport?.close();
    }
    return report;
  }

  private async sendOne(row: OutboxRow, transport: Transport, config: MailConfig, from: Sender): Promise<{ outcome: 'sent' | 'failed' | 'retry' | 'offline' | 'auth' | 'temporary'; next?: OutboxRow | undefined }> {
    const attempts = row.attempts + 1;
    const message: OutgoingMessage = { messageId: row.message_id, to: row.to_address, subject: row.subject, text: row.body_text, attachments: await attachmentsToSend(this.db, row.id) };
    const problem = headerProblem(message, from);
    if (problem) {
      await markFailed(this.db, this.id, row, this.now(), { attempts: row.attempts, serverAttempts: row.server_attempts, lastError: problem });
      return { outcome: 'failed' };
    }
    try {
      await transport.sendMail(nodemailerMessage(message, from, this.now()));
    } catch (e) {
      return { outcome: await this.settleFailure(row, attempts, classifySmtpError(e, config), config) };
    }
    // The server has the message. From here until the mark below commits, a crash means "possibly sent twice".
    this.state.connection = 'online';
    this.state.lastContactAt = this.now().toISOString();
    this.state.lastError = null;
    this.offlineTries = 0;
    this.pausedUntil = 0;
    if (this.afterAccepted) await this.afterAccepted(row.message_id);
    this.calendar ??= loadDeskCalendar(this.db);
    const calendar = await this.calendar;
    const { marked, next } = await markSent(this.db, this.id, row, this.now(), attempts, { calendar, roles: this.roles, claimNext: !this.stopping });
    if (!marked) this.log('[mail] a message was sent after its claim had been taken back: it is resent, marked as possibly sent twice');
    return { outcome: 'sent', next };
  }

  private async settleFailure(row: OutboxRow, attempts: number, f: SmtpFailure, config: MailConfig): Promise<'failed' | 'retry' | 'offline' | 'auth' | 'temporary'> {
    const now = this.now();
    this.state.lastError = f.failure;
    switch (f.kind) {
      case 'offline': {
        this.offlineTries++;
        this.pausedUntil = now.getTime() + Math.min(this.backoffMs(this.offlineTries), this.offlineCapMs);
        this.state.connection = 'offline';
        // The message itself is due: it is the server that is away. The sender's next probe (status().nextTryAt)
        // is the next try, and a new session (or a kick) probes at once.
        await requeue(this.db, this.id, row, now, { attempts, serverAttempts: row.server_attempts, nextAttemptAt: null, lastError: f.failure });
        return 'offline';
      }
      case 'auth':
        this.authRefusedFor = config.version;
        this.state.connection = 'auth_failed';
        this.state.lastContactAt = now.toISOString();
        await requeue(this.db, this.id, row, now, { attempts, serverAttempts: row.server_attempts, nextAttemptAt: null, lastError: f.failure });
        return 'auth';
      case 'permanent':
        if (f.responseCode !== null) {
          this.state.connection = 'online';
          this.state.lastContactAt = now.toISOString();
        }
        await markFailed(this.db, this.id, row, now, { attempts, serverAttempts: row.server_attempts + 1, lastError: f.failure });
        return 'failed';
      case 'temporary': {
        const serverAttempts = row.server_attempts + 1;
        if (f.responseCode !== null) {
          this.state.connection = 'online';
          this.state.lastContactAt = now.toISOString();
        } else this.state.connection = 'offline';
        if (serverAttempts >= this.maxAttempts) {
          await markFailed(this.db, this.id, row, now, { attempts, serverAttempts, lastError: { code: 'MAIL_GAVE_UP', after: serverAttempts, last: f.failure as Exclude<MailFailure, { code: 'MAIL_GAVE_UP' }> } });
          return 'failed';
        }
        const next = now.getTime() + this.backoffMs(serverAttempts);
        if (f.stopsQueue) this.pausedUntil = next;
        await requeue(this.db, this.id, row, now, { attempts, serverAttempts, nextAttemptAt: new Date(next).toISOString(), lastError: f.failure });
        return f.stopsQueue ? 'temporary' : 'retry';
      }
    }
  }

  /** Wakes when the next queued message is due (or the offline wait ends); idle, with no timer, when nothing is queued. */
  private async schedule(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.wakeAt = null;
    if (!this.started || this.stopping) return;
    if (this.authRefusedFor !== null || this.state.connection === 'not_configured') return;
    const due = await nextDue(this.db);
    if (due === null) return;
    const nowMs = this.now().getTime();
    const at = Math.max(due === '' ? nowMs : Date.parse(due), this.pausedUntil, nowMs + 1_000);
    this.wakeAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, Math.min(at - nowMs, 3_600_000));
    this.timer.unref();
  }
}

/**
 * A mail of the desk's own (a test email, the daily audit anchor): not a notice, so not in the outbox; sent
 * once through the current settings on a fresh, unpooled connection, with the same header checks and the
 * same reading of SMTP failures as the outbox's sender. The caller decides what a failure means.
 */
export async function sendSystemMail(config: MailConfig, from: Sender, mail: { to: string; subject: string; text: string }, timeouts: SenderTimeouts, now: Date): Promise<MailTestResult & { messageId: string }> {
  const transport = createSmtpTransport(config, timeouts, false);
  const message: OutgoingMessage = { messageId: newMessageId(messageIdDomain(from.address)), ...mail };
  const problem = headerProblem(message, from);
  if (problem) return { sent: false, failure: problem, serverResponse: null, messageId: message.messageId };
  try {
    const info = (await transport.sendMail(nodemailerMessage(message, from, now))) as { response?: string };
    const response = serverWords(info.response);
    return { sent: true, failure: null, serverResponse: response || null, messageId: message.messageId };
  } catch (e) {
    return { sent: false, failure: classifySmtpError(e, config).failure, serverResponse: null, messageId: message.messageId };
  } finally {
    transport.close();
  }
}

/** A test email through the current settings; the outcome in plain words. */
export async function sendTestEmail(config: MailConfig, from: Sender, to: string, timeouts: SenderTimeouts, now: Date): Promise<MailTestResult> {
  const r = await sendSystemMail(
    config,
    from,
    {
      to,
      subject: 'Privacy Desk テストメール / test email',
      text: `これは Privacy Desk から送信したテストメールです（${now.toISOString()}）。\nこのメールが届いていれば、通知をメールで送信できます。\n\nThis is a test email from Privacy Desk (${now.toISOString()}).\nIf it reached you, the desk can send notices by email.\n`,
    },
    timeouts,
    now,
  );
  return { sent: r.sent, failure: r.failure, serverResponse: r.serverResponse };
}
