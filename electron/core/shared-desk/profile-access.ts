// A session's use of this PC's connection profile (connection-profile.ts): at each login the person's own
// password unwraps the database password (or the desktop app's OS keychain gives it, where IT allowed
// that), the session connects with it, and it is forgotten when the desk locks. After a password change,
// and after a keychain login, the person's copy on this PC is re-wrapped under the password the desk just
// accepted. The file is read again at every login: a colleague IT connected meanwhile can log in at once.
import type { UnlockedDesk } from '../vault/vault.ts';
import type { DeskPaths, SharedDeskServer } from '../storage/data-dir.ts';
import { DeskError } from '../errors.ts';
import { readSlots } from '../keys/slot-store.ts';
import { userSlot } from '../keys/key-slots.ts';
import {
  costOfSlot,
  openDatabasePassword,
  readConnectionProfile,
  withoutProfileSlot,
  withProfileSlot,
  wrapDatabasePassword,
  writeConnectionProfile,
  type ConnectionProfile,
  type Keychain,
} from './connection-profile.ts';

/** Where this login's database password came from. */
export type ProfileUnlock = 'slot' | 'keychain';

export class ProfileAccess {
  private readonly server: SharedDeskServer;
  private readonly path: string;
  private readonly paths: DeskPaths;
  private readonly keychain: Keychain | undefined;
  private readonly log: (line: string) => void;

  constructor(paths: DeskPaths, server: SharedDeskServer, path: string, keychain: Keychain | undefined, log: (line: string) => void) {
    this.paths = paths;
    this.server = server;
    this.path = path;
    this.keychain = keychain;
    this.log = log;
  }

  /** No login has given the database password yet (or the desk locked since). */
  waiting(): boolean {
    return this.server.password === '';
  }

  forget(): void {
    this.server.password = '';
  }

  /**
   * Puts the database password in place for this login, or refuses: a wrong password is AUTH_FAILED exactly
   * as on any desk (the caller counts it); a name this PC was never connected for is
   * CONNECTION_PROFILE_NO_SLOT — after the same scrypt work, so the time taken tells nothing.
   */
  async unlock(username: string, password: string): Promise<ProfileUnlock> {
    const profile = this.read();
    const opened = await openDatabasePassword(profile, username, password);
    if (opened.password !== null) {
      this.server.password = opened.password;
      return 'slot';
    }
    // The OS keychain (desktop app, `connect --keychain`): the desk's own key slot then decides who this is.
    const fromKeychain = this.keychain && profile.useKeychain && profile.keychain ? await this.keychain.open(profile.keychain) : null;
    if (fromKeychain) {
      this.server.password = fromKeychain;
      return 'keychain';
    }
    if (!opened.slot) throw new DeskError({ code: 'CONNECTION_PROFILE_NO_SLOT', username }, { field: 'username' });
    throw new DeskError({ code: 'AUTH_FAILED' }, { field: 'password' });
  }

  /**
   * The desk accepted this person: a keychain login leaves them a slot of their own under the password the
   * desk just took (a password changed on another PC is picked up here), and a profile that allows the
   * keychain gets its sealed copy once. Never fails the login: a profile that cannot be written is logged.
   */
  async loggedIn(desk: UnlockedDesk, username: string, password: string, via: ProfileUnlock): Promise<void> {
    try {
      const profile = this.read();
      let next: ConnectionProfile = profile;
      if (via === 'keychain') next = withProfileSlot(next, await this.slotFor(desk, next, username, password));
      if (this.keychain && next.useKeychain && !next.keychain) {
        const sealed = await this.keychain.seal(this.server.password);
        if (sealed) next = { ...next, keychain: sealed };
      }
      if (next !== profile) writeConnectionProfile(this.path, next);
    } catch (e) {
      this.log(`[desk] this PC's connection profile was not updated after a login (${codeOf(e)})`);
    }
  }

  /**
   * After a password change, this person's copy is wrapped under the new password (the old one no longer
   * opens it); after a supervisor on this PC gave someone a one-time password (a new account, a reset, a
   * re-enable), under that one, so they can start on this PC — their first log-in's change re-wraps it.
   */
  async rewrap(desk: UnlockedDesk, username: string, newPassword: string): Promise<void> {
    try {
      const profile = this.read();
      writeConnectionProfile(this.path, withProfileSlot(profile, await this.slotFor(desk, profile, username, newPassword)));
    } catch (e) {
      this.log(`[desk] this PC's connection profile was not updated after a password change (${codeOf(e)})`);
    }
  }

  /** A disabled account: its copy on this PC goes (on other PCs IT runs `connect --remove-user`). */
  remove(username: string): void {
    try {
      const profile = this.read();
      if (profile.slots.some((s) => s.username === username)) writeConnectionProfile(this.path, withoutProfileSlot(profile, username));
    } catch (e) {
      this.log(`[desk] this PC's connection profile was not updated after disabling an account (${codeOf(e)})`);
    }
  }

  private async slotFor(desk: UnlockedDesk, profile: ConnectionProfile, username: string, password: string) {
    const cost = costOfSlot(userSlot(await readSlots(this.paths, desk.store.db), username));
    return wrapDatabasePassword(profile, username, password, this.server.password, cost);
  }

  private read(): ConnectionProfile {
    const profile = readConnectionProfile(this.path);
    // Removed since the start (`desk disconnect`): nothing to connect with.
    if (!profile) throw new DeskError({ code: 'CONNECTION_PROFILE_DAMAGED', path: this.path });
    return profile;
  }
}

/** A failure's code or class, never its message (which may carry a path or a name). */
function codeOf(e: unknown): string {
  const err = e as { code?: unknown; name?: unknown };
  return typeof err.code === 'string' ? err.code : typeof err.name === 'string' ? err.name : 'error';
}
