// The desk's one session: the unlocked database (or nothing, when locked), who is logged in, the idle
// timer's clock, and the services that run only while the desk is open (mail sender, mailbox fetcher,
// daily backup, purge and anchor email). Every way in (set-up, password, recovery key, restore) goes through `open`,
// so "unlock → check the account → lock whatever was open → start the session" is written once here.
// Which calls may run beside which is SessionLock's business (session-lock.ts).
import type { SessionUser } from '../../contract/index.ts';
import { DeskError, isDeskError } from '../errors.ts';
import type { DeskPaths } from '../storage/data-dir.ts';
import { lockDesk, presenceOf, unlockWithPassword, type DeskPresence, type UnlockedDesk } from '../vault/vault.ts';
import { findAccount, toSessionUser, type AccountsDeps } from '../auth/accounts.ts';
import { LoginThrottle } from '../auth/throttle.ts';
import type { KdfCost } from '../keys/key-slots.ts';
import { readSettings } from '../settings/settings.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { DeskContext } from '../api/desk-context.ts';
import { CalendarCache, loadDeskCalendar } from '../desk-calendar/store.ts';
import { seedDemoCases } from '../cases/demo.ts';
import type { BackupService } from '../backup/service.ts';
import type { MailService } from '../mail/service.ts';
import type { InboxService } from '../inbox/service.ts';
import type { DailyPurge } from '../retention/daily.ts';
import type { DailyAnchorMail } from '../audit/anchor-mail.ts';
import type { ChangeFeed } from '../shared-desk/change-feed.ts';
import { SessionLock } from './session-lock.ts';
import { nameOf } from '../thrown.ts';
import type { Keychain } from '../shared-desk/connection-profile.ts';
import { ProfileAccess } from '../shared-desk/profile-access.ts';

export interface DeskSessionOptions {
  paths: DeskPaths;
  mode: 'electron' | 'browser';
  kdfCost?: KdfCost;
  now: () => Date;
  log: (line: string) => void;
  /** Fill an empty desk with demo cases at the first supervisor session (core/cases/demo.ts). */
  demo: boolean;
  /** The desktop app's OS keychain (Electron's safeStorage), for a connection profile that allows it. */
  keychain?: Keychain;
}

/** What runs only while the desk is open. */
export interface DeskServices {
  backups: BackupService;
  mail: MailService;
  inbox: InboxService;
  dailyPurge: DailyPurge;
  anchorMail: DailyAnchorMail;
  /** A shared desk's live refresh (core/shared-desk/change-feed.ts); idle on a local desk. */
  changes: ChangeFeed;
}

export class DeskSession {
  readonly paths: DeskPaths;
  readonly mode: 'electron' | 'browser';
  readonly kdfCost: KdfCost | undefined;
  readonly now: () => Date;
  readonly services: DeskServices;
  /** Failed logins, recoveries and restores, per name: the wait grows with each failure. */
  readonly throttle: LoginThrottle;
  readonly lock = new SessionLock();
  private readonly log: (line: string) => void;
  /** A shared desk reached through this PC's connection profile: the database password per login. */
  private readonly profile: ProfileAccess | null;
  private readonly calendars = new CalendarCache();
  private unlocked: UnlockedDesk | null = null;
  private current: { user: SessionUser; lastActivity: number; idleMs: number } | null = null;
  /** --demo: tried once, at the first supervisor session. */
  private demoPending: boolean;

  constructor(options: DeskSessionOptions, services: DeskServices) {
    this.paths = options.paths;
    this.mode = options.mode;
    this.kdfCost = options.kdfCost;
    this.now = options.now;
    this.log = options.log;
    this.demoPending = options.demo;
    this.services = services;
    this.throttle = new LoginThrottle(options.paths.loginThrottle);
    const server = options.paths.server;
    this.profile = server?.profile ? new ProfileAccess(options.paths, server, server.profile, options.keychain, options.log) : null;
  }

  /** The logged-in user, or null when locked. */
  user(): SessionUser | null {
    return this.current?.user ?? null;
  }

  isUnlocked(): boolean {
    return this.unlocked !== null;
  }

  /** The open desk; LOCKED when there is none. */
  desk(): UnlockedDesk {
    if (!this.unlocked) throw new DeskError({ code: 'LOCKED' });
    return this.unlocked;
  }

  /** What the account functions need (core/auth/accounts.ts). */
  accountsDeps(): AccountsDeps {
    return { paths: this.paths, desk: this.desk(), kdfCost: this.kdfCost, now: this.now };
  }

  idleLockMinutes(): number {
    return (this.current?.idleMs ?? 0) / 60_000;
  }

  /** A person did something: the idle lock starts counting again. */
  touch(): void {
    if (this.current) this.current.lastActivity = this.now().getTime();
  }

  /** After a password change: the session carries the updated user (no longer "must change"). */
  replaceUser(user: SessionUser): void {
    if (this.current) this.current.user = user;
  }

  idleLockChanged(minutes: number): void {
    if (this.current) this.current.idleMs = minutes * 60_000;
  }

  calendarChanged(): void {
    this.calendars.invalidate();
  }

  /** The desk as the domain handlers see it: they never hold the desk, so locking really forgets it. */
  context(): DeskContext {
    return {
      db: () => this.desk().store.db,
      calendar: () => this.calendars.get(this.desk().store.db),
      calendarChanged: () => this.calendars.invalidate(),
      settings: () => readSettings(this.desk().store.db),
      now: this.now,
      mailQueued: () => this.services.mail.kick(),
    };
  }

  /** NOT_SET_UP or the damage found, before any attempt to unlock (a shared desk's server is asked). */
  async requirePresent(): Promise<void> {
    // Through a connection profile the server cannot be asked before a login gives the password: `connect`
    // found a desk there, and the login itself reports what changed since.
    if (this.profile?.waiting()) return;
    const p = await presenceOf(this.paths);
    if (p.state === 'new') throw new DeskError({ code: 'NOT_SET_UP' });
    if (p.state === 'damaged') throw new DeskError(p.reason);
  }

  /**
   * The status screen's view of the desk. An open desk is present without asking again; a shared desk's
   * server that does not answer is a problem the screen shows (its code), not a failed call.
   */
  async presenceForStatus(): Promise<DeskPresence> {
    if (this.unlocked || this.profile?.waiting()) return { state: 'present' };
    try {
      return await presenceOf(this.paths);
    } catch (e) {
      if (isDeskError(e) && e.code === 'UNAVAILABLE') return { state: 'damaged', reason: e.reason };
      throw e;
    }
  }

  /** True once the session has been idle for its idle-lock time (cheap: no lock taken). */
  idleExpired(): boolean {
    const s = this.current;
    return s !== null && this.now().getTime() - s.lastActivity >= s.idleMs;
  }

  /** The timer's and every call's check: lock an idle session. Call inside SessionLock.change. */
  async lockIfIdle(): Promise<void> {
    if (this.idleExpired()) await this.close('auth.auto-lock');
  }

  /** While open: the daily backup, purge and anchor email, each in the background (an in-memory check, no waiting). */
  startDailyJobs(): void {
    const desk = this.unlocked;
    if (!desk) return;
    this.services.backups.startIfDue(desk, this.current?.user.username ?? null);
    this.services.dailyPurge.startIfDue(desk); // core/retention: once a Japan day
    this.services.anchorMail.startIfDue(desk); // core/audit: the log's head mailed once a Japan day, if set
  }

  /**
   * The one way into a session. `who` names the person on the freshly unlocked desk (and refuses a
   * disabled account); then whatever was open is locked and the new session starts. If anything fails,
   * the desk just unlocked is closed again: a refused login leaves nothing open.
   */
  async open(desk: UnlockedDesk, who: (desk: UnlockedDesk) => Promise<SessionUser>): Promise<SessionUser> {
    try {
      const user = await who(desk);
      await this.end('auth.lock'); // the old session; the server's password stays for the new one
      return await this.start(desk, user);
    } catch (e) {
      if (this.unlocked !== desk) await lockDesk(desk);
      throw e;
    }
  }

  /** Unlock with a person's password and open their session: AUTH_FAILED or ACCOUNT_DISABLED otherwise. */
  async openWithPassword(username: string, password: string): Promise<SessionUser> {
    // A connection profile: the person's password first unwraps the database password on this PC.
    const via = this.profile ? await this.profile.unlock(username, password) : null;
    try {
      const desk = await unlockWithPassword(this.paths, username, password);
      if (!desk) throw new DeskError({ code: 'AUTH_FAILED' }, { field: 'password' });
      const user = await this.open(desk, async (d) => {
        const account = await findAccount(d, username);
        if (!account || account.disabled === 1) throw new DeskError({ code: 'ACCOUNT_DISABLED' }, { field: 'username' });
        return toSessionUser(account);
      });
      if (via) await this.profile?.loggedIn(desk, username, password, via);
      return user;
    } catch (e) {
      // A refused login leaves the password known only if a session still needs it.
      if (!this.unlocked) this.profile?.forget();
      throw e;
    }
  }

  /**
   * A password set for someone (their own change, or a one-time password a supervisor here issued): on a PC
   * with a connection profile, that person's copy of the database password is re-wrapped under it.
   */
  async passwordSet(username: string, password: string): Promise<void> {
    await this.profile?.rewrap(this.desk(), username, password);
  }

  /** A disabled account's copy of the database password on this PC is removed. */
  accountDisabled(username: string): void {
    this.profile?.remove(username);
  }

  /**
   * Locks the desk (forgets the data key) after the services have stopped and the backup on lock ran; a
   * database password a connection profile gave is forgotten too (the next login unwraps it again).
   */
  async close(action: string): Promise<void> {
    try {
      await this.end(action);
    } finally {
      this.profile?.forget();
    }
  }

  private async end(action: string): Promise<void> {
    const desk = this.unlocked;
    const user = this.current?.user;
    this.current = null;
    this.unlocked = null;
    this.calendars.invalidate();
    if (!desk) return;
    const { mail, inbox, dailyPurge, anchorMail, backups, changes } = this.services;
    try {
      if (user) await appendAudit(desk.store.db, { actor: user.username, action, entity: 'session' }, this.now());
    } finally {
      // The sender first: it waits a moment for a send in flight (never throws); what is left half-sent
      // is taken back, marked "possibly sent twice", at the next unlock.
      await changes.stop();
      await mail.stop();
      await inbox.stop();
      await dailyPurge.settle();
      await anchorMail.settle();
      // Before the key is forgotten: the backup copies the open database. It never throws (a failure is
      // recorded for backup.status), so locking always goes on.
      await backups.beforeLock(desk, action === 'auth.close' ? 'close' : 'lock', user?.username ?? null);
      await lockDesk(desk);
    }
  }

  private async start(desk: UnlockedDesk, user: SessionUser): Promise<SessionUser> {
    const settings = await readSettings(desk.store.db);
    this.services.backups.remember(settings); // the daily check reads these, not the database
    const at = this.now();
    // One transaction: a login that cannot write its audit row (a damaged page) leaves no trace either.
    await desk.store.db.transaction().execute(async (trx) => {
      await trx.updateTable('accounts').set({ last_login_at: at.toISOString() }).where('username', '=', user.username).execute();
      await appendAudit(trx, { actor: user.username, action: 'auth.login', entity: 'session' }, at);
    });
    this.unlocked = desk;
    this.current = { user, lastActivity: at.getTime(), idleMs: settings.idleLockMinutes * 60_000 };
    await this.services.mail.start(desk.store.db);
    this.services.inbox.start(desk.store.db);
    if (this.paths.server) await this.services.changes.start(this.paths.server);
    if (this.demoPending && user.role === 'supervisor') await this.seedDemo(desk, user);
    return user;
  }

  /** Demo cases for an empty desk; a desk with cases is left alone. Logs counts only, never names. */
  private async seedDemo(desk: UnlockedDesk, user: SessionUser): Promise<void> {
    this.demoPending = false;
    try {
      const { cases } = await seedDemoCases({ db: desk.store.db, calendar: await loadDeskCalendar(desk.store.db), actor: user, now: this.now() });
      this.log(`[desk] demo: ${cases} demo cases added`);
    } catch (e) {
      this.log(isDeskError(e) && e.reason.code === 'DEMO_DESK_NOT_EMPTY' ? '[desk] demo: the desk already has cases; no demo cases added' : `[desk] demo: not added (${nameOf(e)})`);
    }
  }
}
