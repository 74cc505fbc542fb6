// Opening a desk from the command line: a local desk (--data-dir: take the folder's lock) or a shared desk
// (--database-url: its PostgreSQL database; the database password from PRIVACY_DESK_DATABASE_PASSWORD or a
// prompt; or --data-dir of a PC connected to one: the password from its connection profile), then unlock
// with a staff password.
import { resolve } from 'node:path';
import { inEnglish, username as usernameSchema } from '../contract/index.ts';
import { defaultDataDir, deskPaths, type DeskPaths } from '../core/storage/data-dir.ts';
import { acquireInstanceLock } from '../core/storage/instance-lock.ts';
import { lockDesk, presenceOf, unlockWithPassword, type UnlockedDesk } from '../core/vault/vault.ts';
import { isDeskError } from '../core/errors.ts';
import { parseDatabaseUrl, SharedDeskError, type DatabaseTarget } from '../../db/postgres.ts';
import { diskFull, isDiskFull } from '../core/storage/disk-full.ts';
import { LoginThrottle } from '../core/auth/throttle.ts';
import { CliError, readDatabasePassword, readPassword, type CliIO } from './io.ts';
import { profiledServer } from '../core/shared-desk/connection-profile.ts';
import { ProfileAccess } from '../core/shared-desk/profile-access.ts';

/** Where the desk is, as the command line names it. */
export interface DeskArgs {
  'data-dir'?: string;
  'database-url'?: string;
}

/** --database-url parsed by the shared desk's rules; a refusal is the usage error every command prints alike. */
export function databaseTargetOf(url: string): DatabaseTarget {
  try {
    return parseDatabaseUrl(url);
  } catch (e) {
    if (e instanceof SharedDeskError) throw new CliError(`--database-url: ${inEnglish(e.problem)}`, 2);
    throw e;
  }
}

/** The desk's paths from --data-dir or --database-url (a shared desk's paths carry its server). */
export async function deskPathsOf(io: CliIO, args: DeskArgs): Promise<DeskPaths> {
  const url = args['database-url'];
  if (url === undefined) {
    if (!args['data-dir']) throw new CliError('--data-dir (or --database-url) is required.', 2);
    return deskPaths(resolve(args['data-dir']));
  }
  const target = databaseTargetOf(url);
  const password = await readDatabasePassword(io);
  // This PC's folder only holds local things (lock, backup status); the desk itself is on the server.
  return deskPaths(resolve(args['data-dir'] ?? defaultDataDir(io.env)), { target, password });
}

export async function withUnlockedDesk<T>(
  io: CliIO,
  where: DeskArgs,
  userArg: string | undefined,
  /** `password`: the person's, for the one command that wraps something under it (`connect`). */
  work: (desk: UnlockedDesk, paths: DeskPaths, user: string, password: string) => Promise<T>,
): Promise<T> {
  if (!where['data-dir'] && !where['database-url']) throw new CliError('--data-dir (or --database-url) is required.', 2);
  if (!userArg) throw new CliError('--user is required.', 2);
  const user = usernameSchema.safeParse(userArg);
  if (!user.success) throw new CliError(`--user: ${user.error.issues[0]?.message ?? 'not a user name'}`, 2);
  let paths = await deskPathsOf(io, where);
  if (!paths.server) {
    // A PC IT connected to a shared desk (connection.json) and no --database-url: that desk, its password
    // unwrapped by the person's own password as at the login screen.
    const profiled = wrap(() => profiledServer(paths.dataDir));
    if (profiled) paths = deskPaths(paths.dataDir, profiled);
  }
  // Through a profile the server is asked only once the person's password has given the database's.
  if (!paths.server?.profile) await requirePresent(paths);
  // A shared desk is used by several PCs at once: no folder lock (the database serialises what must be).
  const lock = paths.server ? null : wrap(() => acquireInstanceLock(paths.dataDir, paths.instanceLock));
  return sayingDiskFull(paths.dataDir, () => unlocked(io, paths, user.data, lock, work));
}

async function requirePresent(paths: DeskPaths): Promise<void> {
  const presence = await wrapAsync(() => presenceOf(paths));
  if (presence.state === 'new') throw new CliError(paths.server ? `There is no desk in the database ${paths.server.target.database}.` : `There is no desk in ${paths.dataDir}.`);
  if (presence.state === 'damaged') throw new CliError(inEnglish(presence.reason));
}

/** The database password from this PC's connection profile, or the refusal the login screen would give. */
async function unlockProfile(paths: DeskPaths, username: string, password: string, throttle: LoginThrottle): Promise<void> {
  const server = paths.server!;
  try {
    await new ProfileAccess(paths, server, server.profile!, undefined, () => undefined).unlock(username, password);
  } catch (e) {
    if (isDeskError(e) && (e.reason.code === 'AUTH_FAILED' || e.reason.code === 'CONNECTION_PROFILE_NO_SLOT')) {
      throttle.failed(username, Date.now());
      throw new CliError(e.reason.code === 'AUTH_FAILED' ? `Wrong user name or password for ${username}.` : inEnglish(e.reason));
    }
    if (isDeskError(e)) throw new CliError(e.message);
    throw e;
  }
  await requirePresent(paths);
}

async function unlocked<T>(io: CliIO, paths: DeskPaths, username: string, lock: { release(): void } | null, work: (desk: UnlockedDesk, paths: DeskPaths, user: string, password: string) => Promise<T>): Promise<T> {
  try {
    // The same counters as the login screen (core/auth/throttle.ts): the CLI is no way around them.
    const throttle = new LoginThrottle(paths.loginThrottle);
    const wait = throttle.waitSeconds(username, Date.now());
    if (wait > 0) throw new CliError(inEnglish({ code: 'AUTH_THROTTLED', seconds: wait }));
    const password = await readPassword(io);
    if (paths.server?.profile) await unlockProfile(paths, username, password, throttle);
    const desk = await wrapAsync(() => unlockWithPassword(paths, username, password));
    if (!desk) {
      throttle.failed(username, Date.now());
      throw new CliError(`Wrong user name or password for ${username}.`);
    }
    try {
      const account = await desk.store.db.selectFrom('accounts').select('disabled').where('username', '=', username).executeTakeFirst();
      if (!account || account.disabled) throw new CliError(`The account ${username} is disabled.`);
      throttle.succeeded(username);
      return await work(desk, paths, username, password);
    } finally {
      await lockDesk(desk);
    }
  } finally {
    lock?.release();
  }
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isDeskError(e)) throw new CliError(e.message);
    throw e;
  }
}

async function wrapAsync<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (isDeskError(e)) throw new CliError(e.message);
    throw e;
  }
}

/** A full disk anywhere in a command (opening the database, its write-ahead log, the command's own rows). */
async function sayingDiskFull<T>(folder: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (isDiskFull(e)) throw new CliError(inEnglish(diskFull(folder)));
    throw e;
  }
}
