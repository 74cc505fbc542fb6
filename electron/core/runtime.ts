// The core's single entry point for both transports: one runtime per data folder per process. It holds
// the instance lock, the unlocked desk (or nothing, when locked), the session and the idle timer.
// Calls run one at a time: one person uses a desk at a time, and unlock/lock must never interleave.
import type { Input, MethodName, Result, Results, SessionUser, DeskStatus } from '../contract/index.ts';
import { DeskError, errorData, isDeskError } from './errors.ts';
import { dispatch, dispatchAny, type Gate } from './api/dispatch.ts';
import type { AllHandlers } from './api/handler.ts';
import { deskPaths, type DeskPaths, type SharedDeskServer } from './storage/data-dir.ts';
import { acquireInstanceLock, type InstanceLock } from './storage/instance-lock.ts';
import { createDesk, presenceOf, lockDesk, unlockWithPassword, unlockWithRecovery, type DeskPresence, type UnlockedDesk } from './vault/vault.ts';
import { LoginThrottle } from './auth/throttle.ts';
import { changePassword, createAccount, disableAccount, enableAccount, setAccountRole, findAccount, listAccounts, recoverSupervisor, resetAccount, toSessionUser, type AccountsDeps } from './auth/accounts.ts';
import { readSettings, writeSettings } from './settings/settings.ts';
import { appendAudit } from './audit/audit-log.ts';
import { recoverySecret } from './keys/recovery-key.ts';
import type { KdfCost } from './keys/key-slots.ts';
import { APP_VERSION } from './version.ts';
import { caseHandlers } from './api/case-handlers.ts';
import { letterHandlers } from './api/letter-handlers.ts';
import type { DeskContext } from './api/desk-context.ts';
import { CalendarCache, loadDeskCalendar } from './desk-calendar/store.ts';
import { recomputeOpenCases } from './desk-calendar/changes.ts';
import { seedDemoCases } from './cases/demo.ts';
import { BackupService, type BackupServiceOptions } from './backup/service.ts';
import { restoreBackup } from './backup/restore.ts';
import { MailService, type MailServiceOptions } from './mail/service.ts';
import { mailHandlers } from './api/mail-handlers.ts';
import { rekeyDesk } from './rekey/rekey.ts';
import { InboxService, type InboxServiceOptions } from './inbox/service.ts';
import { inboxHandlers } from './api/inbox-handlers.ts';
import { reportHandlers } from './api/report-handlers.ts';
import { retentionHandlers } from './api/retention-handlers.ts';
import { DailyPurge } from './retention/daily.ts';
import { viewHandlers } from './api/view-handlers.ts';

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
}

export interface DeskRuntime {
  /** For a transport: `method` and `input` are whatever arrived. Validates both against the contract, checks the session and role, runs the method. Never throws. */
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** The same gate, typed by the contract for callers inside the process (the CLI, tests): the input is still validated. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Results[M]>>;
  /** Locks the desk (forgets the data key), closes the database, releases the data-folder lock. */
  close(): Promise<void>;
}

class Runtime implements DeskRuntime {
  private unlocked: UnlockedDesk | null = null;
  private session: { user: SessionUser; lastActivity: number; idleMs: number } | null = null;
  private readonly throttle = new LoginThrottle();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly idleTimer: NodeJS.Timeout;
  private readonly now: () => Date;
  private readonly handlers: AllHandlers;
  private readonly calendars = new CalendarCache();
  private closed = false;
  /** --demo: tried once, at the first supervisor session. */
  private demoPending: boolean;

  private readonly paths: DeskPaths;
  private readonly lock: InstanceLock;
  private readonly options: DeskRuntimeOptions;
  private readonly backups: BackupService;
  /** The mail sender: running while the desk is unlocked (core/mail). */
  private readonly mail: MailService;
  /** The mailbox fetcher: running while the desk is unlocked (core/inbox). */
  private readonly inbox: InboxService;
  private readonly dailyPurge: DailyPurge;

  constructor(paths: DeskPaths, lock: InstanceLock, options: DeskRuntimeOptions) {
    this.paths = paths;
    this.lock = lock;
    this.options = options;
    this.now = options.now ?? (() => new Date());
    this.demoPending = options.demo === true;
    this.idleTimer = setInterval(() => void this.serial(() => this.lockIfIdle()), 5_000);
    this.idleTimer.unref();
    this.backups = new BackupService({ paths, now: this.now, log: options.log ?? console.error, writer: options.backupWriter });
    this.mail = new MailService(this.now, options.log ?? console.error, options.mail);
    this.inbox = new InboxService(this.now, options.log ?? console.error, options.inbox);
    this.dailyPurge = new DailyPurge(this.now, options.log ?? console.error);
    this.handlers = this.buildHandlers();
  }

  dispatch(method: unknown, input: unknown): Promise<Result<unknown>> {
    return this.run((gate) => dispatchAny(gate, this.handlers, method, input, this.options.log));
  }

  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Results[M]>> {
    return this.run((gate) => dispatch(gate, this.handlers, method, input, this.options.log));
  }

  private run<T>(go: (gate: Gate) => Promise<Result<T>>): Promise<Result<T>> {
    if (this.closed) return Promise.resolve({ ok: false, error: errorData({ code: 'DESK_CLOSED' }) });
    const gate = { currentUser: () => this.session?.user ?? null, touch: () => this.touch() };
    return this.serial(async () => {
      // Checked here as well as by the timer: a PC that slept through the timer must still lock.
      await this.lockIfIdle();
      return go(gate);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.serial(() => this.lockNow('auth.close'));
    this.closed = true;
    clearInterval(this.idleTimer);
    this.lock.release();
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private touch(): void {
    if (this.session) this.session.lastActivity = this.now().getTime();
  }

  private async lockIfIdle(): Promise<void> {
    const s = this.session;
    if (s && this.now().getTime() - s.lastActivity >= s.idleMs) await this.lockNow('auth.auto-lock');
    // While open: the daily backup, in the background (an in-memory check; see core/backup/service.ts).
    else if (this.unlocked) {
      this.backups.startIfDue(this.unlocked, s?.user.username ?? null);
      this.dailyPurge.startIfDue(this.unlocked); // core/retention: once a Japan day
    }
  }

  private async lockNow(action: string): Promise<void> {
    const desk = this.unlocked;
    const user = this.session?.user;
    this.session = null;
    this.unlocked = null;
    this.calendars.invalidate();
    if (!desk) return;
    try {
      if (user) await appendAudit(desk.store.db, { actor: user.username, action, entity: 'session' }, this.now());
    } finally {
      // The sender first: it waits a moment for a send in flight (never throws); what is left half-sent
      // is taken back, marked "possibly sent twice", at the next unlock.
      await this.mail.stop();
      await this.inbox.stop();
      await this.dailyPurge.settle();
      // Before the key is forgotten: the backup copies the open database. It never throws (a failure is
      // recorded for backup.status), so locking always goes on.
      await this.backups.beforeLock(desk, action === 'auth.close' ? 'close' : 'lock', user?.username ?? null);
      await lockDesk(desk);
    }
  }

  private requireDesk(): UnlockedDesk {
    if (!this.unlocked) throw new DeskError({ code: 'LOCKED' });
    return this.unlocked;
  }

  private deps(): AccountsDeps {
    return { paths: this.paths, desk: this.requireDesk(), kdfCost: this.options.kdfCost, now: this.now };
  }

  private async startSession(desk: UnlockedDesk, user: SessionUser, action: string): Promise<SessionUser> {
    const settings = await readSettings(desk.store.db);
    this.backups.remember(settings); // the daily check reads these, not the database
    const at = this.now();
    // One transaction: a login that cannot write its audit row (a damaged page) leaves no trace either.
    await desk.store.db.transaction().execute(async (trx) => {
      await trx.updateTable('accounts').set({ last_login_at: at.toISOString() }).where('username', '=', user.username).execute();
      await appendAudit(trx, { actor: user.username, action, entity: 'session' }, at);
    });
    this.unlocked = desk;
    this.session = { user, lastActivity: at.getTime(), idleMs: settings.idleLockMinutes * 60_000 };
    await this.mail.start(desk.store.db);
    this.inbox.start(desk.store.db);
    if (this.demoPending && user.role === 'supervisor') await this.seedDemo(desk, user);
    return user;
  }

  /** Demo cases for an empty desk; a desk with cases is left alone. Logs counts only, never names. */
  private async seedDemo(desk: UnlockedDesk, user: SessionUser): Promise<void> {
    this.demoPending = false;
    const log = this.options.log ?? console.error;
    try {
      const { cases } = await seedDemoCases({ db: desk.store.db, calendar: await loadDeskCalendar(desk.store.db), actor: user, now: this.now() });
      log(`[desk] demo: ${cases} demo cases added`);
    } catch (e) {
      log(isDeskError(e) && e.reason.code === 'DEMO_DESK_NOT_EMPTY' ? '[desk] demo: the desk already has cases; no demo cases added' : `[desk] demo: not added (${(e as Error)?.name ?? 'error'})`);
    }
  }

  private async presenceOrThrow(): Promise<void> {
    const p = await presenceOf(this.paths);
    if (p.state === 'new') throw new DeskError({ code: 'NOT_SET_UP' });
    if (p.state === 'damaged') throw new DeskError(p.reason);
  }

  /** The status screen's view of the desk: a shared desk's server that does not answer is a problem shown, not a failure. */
  private async presenceForStatus(): Promise<DeskPresence> {
    try {
      return await presenceOf(this.paths);
    } catch (e) {
      if (isDeskError(e) && e.code === 'UNAVAILABLE') return { state: 'damaged', reason: e.reason };
      throw e;
    }
  }

  private context(): DeskContext {
    return {
      db: () => this.requireDesk().store.db,
      calendar: () => this.calendars.get(this.requireDesk().store.db),
      calendarChanged: () => this.calendars.invalidate(),
      settings: () => readSettings(this.requireDesk().store.db),
      now: this.now,
      mailQueued: () => this.mail.kick(),
    };
  }

  private buildHandlers(): AllHandlers {
    return {
      'desk.status': async (): Promise<DeskStatus> => {
        const unlocked = this.unlocked;
        const p = unlocked ? ({ state: 'present' } as const) : await this.presenceForStatus();
        const settings = unlocked ? await readSettings(unlocked.store.db) : null;
        return {
          state: p.state === 'new' ? 'new' : unlocked ? 'unlocked' : 'locked',
          problem: p.state === 'damaged' ? p.reason : null,
          deskName: settings ? settings.desk.deskNameJa : null,
          user: this.session?.user ?? null,
          idleLockMinutes: settings?.idleLockMinutes ?? null,
          mode: this.options.mode,
          version: APP_VERSION,
        };
      },
      'desk.setup': async (input) => {
        const { unlocked, recoveryKey, user } = await createDesk(this.paths, input, this.options.kdfCost);
        try {
          await this.lockNow('auth.lock');
          await this.startSession(unlocked, user, 'auth.login');
        } catch (e) {
          if (this.unlocked !== unlocked) await lockDesk(unlocked);
          throw e;
        }
        return { recoveryKey, user };
      },
      'auth.login': async ({ username, password }) => {
        await this.presenceOrThrow();
        const t = this.now().getTime();
        const wait = this.throttle.waitSeconds(username, t);
        if (wait > 0) {
          throw new DeskError({ code: 'AUTH_THROTTLED', seconds: wait }, { field: 'password' });
        }
        const desk = await unlockWithPassword(this.paths, username, password);
        if (!desk) {
          this.throttle.failed(username, this.now().getTime());
          throw new DeskError({ code: 'AUTH_FAILED' }, { field: 'password' });
        }
        try {
          const account = await findAccount(desk, username);
          if (!account || account.disabled === 1) {
            throw new DeskError({ code: 'ACCOUNT_DISABLED' }, { field: 'username' });
          }
          this.throttle.succeeded(username);
          await this.lockNow('auth.lock');
          return await this.startSession(desk, toSessionUser(account), 'auth.login');
        } catch (e) {
          // Whatever stopped the login (a disabled account, a damaged page): close what it opened.
          if (this.unlocked !== desk) await lockDesk(desk);
          throw e;
        }
      },
      'auth.recover': async ({ recoveryKey, username, newPassword }) => {
        await this.presenceOrThrow();
        const t = this.now().getTime();
        const wait = this.throttle.waitSeconds('#recovery', t);
        if (wait > 0) throw new DeskError({ code: 'AUTH_THROTTLED', seconds: wait }, { field: 'recoveryKey' });
        const desk = await unlockWithRecovery(this.paths, recoverySecret(recoveryKey));
        if (!desk) {
          this.throttle.failed('#recovery', t);
          throw new DeskError({ code: 'RECOVERY_KEY_WRONG' }, { field: 'recoveryKey' });
        }
        this.throttle.succeeded('#recovery');
        try {
          const user = await recoverSupervisor({ paths: this.paths, desk, kdfCost: this.options.kdfCost, now: this.now }, username, newPassword);
          await this.lockNow('auth.lock');
          return await this.startSession(desk, user, 'auth.login');
        } catch (e) {
          if (this.unlocked !== desk) await lockDesk(desk);
          throw e;
        }
      },
      'auth.lock': async () => {
        await this.lockNow('auth.lock');
        return null;
      },
      'auth.changePassword': async ({ currentPassword, newPassword }, user) => {
        const updated = await changePassword(this.deps(), user.username, currentPassword, newPassword);
        if (this.session) this.session.user = updated;
        return updated;
      },
      'session.touch': async () => ({ idleLockMinutes: (this.session?.idleMs ?? 0) / 60_000 }),
      'accounts.list': async () => listAccounts(this.requireDesk()),
      'accounts.directory': async () =>
        (await listAccounts(this.requireDesk())).filter((a) => !a.disabled).map(({ username, displayName, role }) => ({ username, displayName, role })),
      'accounts.create': async (input, user) => createAccount(this.deps(), user.username, input),
      'accounts.disable': async ({ username }, user) => {
        await disableAccount(this.deps(), user.username, username);
        return null;
      },
      'accounts.reset': async ({ username }, user) => resetAccount(this.deps(), user.username, username),
      'accounts.enable': async ({ username }, user) => enableAccount(this.deps(), user.username, username),
      'accounts.setRole': async ({ username, role }, user) => {
        await setAccountRole(this.deps(), user.username, username, role);
        return null;
      },
      'desk.rekey': async (_input, user) => rekeyDesk(this.paths, this.requireDesk(), { actor: user.username, reason: 'supervisor', now: this.now() }),
      'settings.get': async () => readSettings(this.requireDesk().store.db),
      'settings.update': async (changes, user) => {
        const desk = this.requireDesk();
        await desk.store.db.transaction().execute(async (trx) => {
          await writeSettings(trx, changes, user.username, this.now());
          // Business hours decide day 0: every unanswered case is recomputed under the new hours.
          if (changes.businessHours) await recomputeOpenCases(trx, await loadDeskCalendar(trx), user.username, this.now(), { cause: 'business_hours' });
        });
        this.calendars.invalidate();
        const settings = await readSettings(desk.store.db);
        if (this.session) this.session.idleMs = settings.idleLockMinutes * 60_000;
        this.backups.remember(settings);
        return settings;
      },
      'backup.status': async () => this.backups.view(this.requireDesk()),
      'backup.now': async (_input, user) => this.backups.takeNow(this.requireDesk(), user.username),
      'desk.restore': async ({ backupPath, username, password, recoveryKey }) => {
        if ((await presenceOf(this.paths)).state !== 'new') {
          throw new DeskError({ code: 'RESTORE_WOULD_OVERWRITE' });
        }
        const key = password !== undefined ? `#restore:${username}` : '#restore:recovery';
        const field = password !== undefined ? 'password' : 'recoveryKey';
        const wait = this.throttle.waitSeconds(key, this.now().getTime());
        if (wait > 0) throw new DeskError({ code: 'AUTH_THROTTLED', seconds: wait }, { field });
        let cases: number;
        try {
          const secret = password !== undefined ? { kind: 'password' as const, username: username!, password } : { kind: 'recovery' as const, secret: recoverySecret(recoveryKey!) };
          ({ cases } = await restoreBackup({ backupPath, paths: this.paths, secret, now: this.now() }));
        } catch (e) {
          if (isDeskError(e) && e.code === 'AUTH_FAILED') this.throttle.failed(key, this.now().getTime());
          throw e;
        }
        this.throttle.succeeded(key);
        // With the recovery key the desk stays locked: that person logs in (or recovers) next.
        if (password === undefined) return { restored: true, cases, user: null };
        const desk = await unlockWithPassword(this.paths, username!, password);
        if (!desk) throw new DeskError({ code: 'AUTH_FAILED' }, { field: 'password' });
        try {
          const account = await findAccount(desk, username!);
          if (!account || account.disabled === 1) throw new DeskError({ code: 'ACCOUNT_DISABLED' }, { field: 'username' });
          await this.lockNow('auth.lock');
          return { restored: true, cases, user: await this.startSession(desk, toSessionUser(account), 'auth.login') };
        } catch (e) {
          if (this.unlocked !== desk) await lockDesk(desk);
          throw e;
        }
      },
      ...caseHandlers(this.context()),
      ...letterHandlers(this.context()),
      ...mailHandlers(this.context(), this.mail),
      ...inboxHandlers(this.context(), this.inbox),
      ...reportHandlers(this.context()),
      ...retentionHandlers(this.context()),
      ...viewHandlers(this.context()),
    } satisfies AllHandlers;
  }
}

export async function openDeskRuntime(options: DeskRuntimeOptions): Promise<DeskRuntime> {
  const paths = deskPaths(options.dataDir, options.server);
  const lock = acquireInstanceLock(paths.dataDir, paths.instanceLock);
  return new Runtime(paths, lock, options);
}
