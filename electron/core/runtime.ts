// The core's single entry point for both transports: one runtime per data folder per process. A shell:
// it holds the data-folder lock, builds the handler map from core/api/*-handlers.ts, and runs each call
// through the contract's gate (api/dispatch.ts) under the session lock (session/session-lock.ts): calls
// run side by side, and only the calls that change the session wait for the others and run alone.
import type { Input, MethodName, Result, Results } from '../contract/index.ts';
import { errorData } from './errors.ts';
import { dispatch, dispatchAny, isMethodName, type Gate } from './api/dispatch.ts';
import type { AllHandlers } from './api/handler.ts';
import { deskPaths, type SharedDeskServer } from './storage/data-dir.ts';
import { acquireInstanceLock, type InstanceLock } from './storage/instance-lock.ts';
import type { KdfCost } from './keys/key-slots.ts';
import { BackupService, type BackupServiceOptions } from './backup/service.ts';
import { MailService, type MailServiceOptions } from './mail/service.ts';
import { InboxService, type InboxServiceOptions } from './inbox/service.ts';
import { DailyPurge } from './retention/daily.ts';
import { DailyAnchorMail } from './audit/anchor-mail.ts';
import { DeskSession } from './session/desk-session.ts';
import { sessionHandlers } from './api/session-handlers.ts';
import { accountHandlers } from './api/account-handlers.ts';
import { settingsHandlers } from './api/settings-handlers.ts';
import { backupHandlers } from './api/backup-handlers.ts';
import { caseHandlers } from './api/case-handlers.ts';
import { letterHandlers } from './api/letter-handlers.ts';
import { mailHandlers } from './api/mail-handlers.ts';
import { inboxHandlers } from './api/inbox-handlers.ts';
import { reportHandlers } from './api/report-handlers.ts';
import { retentionHandlers } from './api/retention-handlers.ts';
import { viewHandlers } from './api/view-handlers.ts';
import { inquiryHandlers } from './api/inquiry-handlers.ts';
import { auditHandlers } from './api/audit-handlers.ts';
import { changeHandlers } from './api/change-handlers.ts';
import { ChangeFeed } from './shared-desk/change-feed.ts';
import type { Keychain } from './shared-desk/connection-profile.ts';

export interface DeskRuntimeOptions {
  dataDir: string;
  /** A shared desk: its database on a PostgreSQL server (the data folder then holds only this PC's lock and status). */
  server?: SharedDeskServer;
  mode: 'electron' | 'browser';
  /** Tests only: a cheaper scrypt for slots they create. Real desks always use the default. */
  kdfCost?: KdfCost;
  now?: () => Date;
  log?: (line: string) => void;
  /** Tests only: the backup writer's file layer, snapshotter or step hook (a fault at an exact step). */
  backupWriter?: BackupServiceOptions['writer'];
  /** Fill an empty desk with demo cases after the first supervisor login or set-up (core/cases/demo.ts). */
  demo?: boolean;
  /** Tests only: the mail sender's timeouts, backoff and stop grace period (core/mail/sender.ts). */
  mail?: MailServiceOptions;
  /** Tests only: the mailbox fetcher's poll, backoff and timeouts (core/inbox/imap-fetcher.ts). */
  inbox?: InboxServiceOptions;
  /** The desktop app's OS keychain (electron/main/keychain.ts), for a connection profile that allows it. */
  keychain?: Keychain;
}

export interface DeskRuntime {
  /** A known method whose input is whatever arrived (the desktop's letter window forwards it): checked like any call; the result is the method's. */
  dispatch<M extends MethodName>(method: M, input: unknown): Promise<Result<Results[M]>>;
  /** For a transport: `method` and `input` are whatever arrived. Validates both against the contract, checks the session and role, runs the method. Never throws. */
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** The same gate, typed by the contract for callers inside the process (the CLI, tests): the input is still validated. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Results[M]>>;
  /** Locks the desk (forgets the data key), closes the database, releases the data-folder lock. */
  close(): Promise<void>;
}

/**
 * The methods that change who is logged in, or the desk's key: each waits for the calls in progress and
 * runs alone. Every other method (reads, case changes, a mail test, a backup) runs beside the others.
 */
const SESSION_CHANGES: ReadonlySet<MethodName> = new Set<MethodName>(['desk.setup', 'desk.restore', 'desk.rekey', 'auth.login', 'auth.recover', 'auth.lock', 'auth.changePassword']);

class Runtime implements DeskRuntime {
  private readonly session: DeskSession;
  private readonly handlers: AllHandlers;
  private readonly gate: Gate;
  private readonly idleTimer: NodeJS.Timeout;
  private readonly lock: InstanceLock;
  private readonly log: (line: string) => void;
  private closed = false;

  constructor(session: DeskSession, lock: InstanceLock, log: (line: string) => void) {
    this.session = session;
    this.lock = lock;
    this.log = log;
    this.gate = { currentUser: () => session.user(), touch: () => session.touch(), folder: session.paths.dataDir, ...(session.paths.server ? { server: session.paths.server.target } : {}) };
    const ctx = session.context();
    const { mail, inbox } = session.services;
    this.handlers = {
      ...sessionHandlers(session),
      ...accountHandlers(session),
      ...settingsHandlers(session),
      ...backupHandlers(session),
      ...caseHandlers(ctx),
      ...letterHandlers(ctx),
      ...mailHandlers(ctx, mail),
      ...inboxHandlers(ctx, inbox),
      ...reportHandlers(ctx),
      ...retentionHandlers(ctx),
      ...viewHandlers(ctx),
      ...auditHandlers(ctx, () => session.desk().deskId),
      ...inquiryHandlers(ctx),
      ...changeHandlers(session),
    } satisfies AllHandlers;
    this.idleTimer = setInterval(() => void this.tick(), 5_000);
    this.idleTimer.unref();
  }

  dispatch<M extends MethodName>(method: M, input: unknown): Promise<Result<Results[M]>>;
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>> {
    return this.run(isMethodName(method) && SESSION_CHANGES.has(method), () => dispatchAny(this.gate, this.handlers, method, input, this.log));
  }

  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Results[M]>> {
    return this.run(SESSION_CHANGES.has(method), () => dispatch(this.gate, this.handlers, method, input, this.log));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.idleTimer);
    await this.session.lock.change(() => this.session.close('auth.close'));
    this.lock.release();
  }

  private async run<T>(changesSession: boolean, go: () => Promise<Result<T>>): Promise<Result<T>> {
    if (this.closed) return { ok: false, error: errorData({ code: 'DESK_CLOSED' }) };
    // Checked here as well as by the timer: a PC that slept through the timer must still lock.
    await this.tick();
    return changesSession ? this.session.lock.change(go) : this.session.lock.use(go);
  }

  /** Every 5 s and before every call: lock an idle session; while open, start the daily backup and purge when due. */
  private async tick(): Promise<void> {
    if (this.session.idleExpired()) await this.session.lock.change(() => this.session.lockIfIdle());
    else this.session.startDailyJobs();
  }
}

export async function openDeskRuntime(options: DeskRuntimeOptions): Promise<DeskRuntime> {
  const paths = deskPaths(options.dataDir, options.server);
  const lock = acquireInstanceLock(paths.dataDir, paths.instanceLock);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console.error;
  const mail = new MailService(now, log, options.mail);
  const session = new DeskSession(
    { paths, mode: options.mode, kdfCost: options.kdfCost, now, log, demo: options.demo === true, ...(options.keychain ? { keychain: options.keychain } : {}) },
    {
      backups: new BackupService({ paths, now, log, writer: options.backupWriter }),
      mail,
      inbox: new InboxService(now, log, options.inbox),
      dailyPurge: new DailyPurge(now, log),
      anchorMail: new DailyAnchorMail(now, log, mail),
      changes: new ChangeFeed(log),
    },
  );
  return new Runtime(session, lock, log);
}
