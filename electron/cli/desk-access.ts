// Opening a desk from the command line: take the data folder's lock, unlock with a staff password.
import { resolve } from 'node:path';
import { inEnglish, username as usernameSchema } from '../contract/index.ts';
import { deskPaths, type DeskPaths } from '../core/storage/data-dir.ts';
import { acquireInstanceLock } from '../core/storage/instance-lock.ts';
import { deskPresence, lockDesk, unlockWithPassword, type UnlockedDesk } from '../core/vault/vault.ts';
import { isDeskError } from '../core/errors.ts';
import { diskFull, isDiskFull } from '../core/storage/disk-full.ts';
import { LoginThrottle } from '../core/auth/throttle.ts';
import { CliError, readPassword, type CliIO } from './io.ts';

export async function withUnlockedDesk<T>(
  io: CliIO,
  dataDirArg: string | undefined,
  userArg: string | undefined,
  work: (desk: UnlockedDesk, paths: DeskPaths, user: string) => Promise<T>,
): Promise<T> {
  if (!dataDirArg) throw new CliError('--data-dir is required.', 2);
  if (!userArg) throw new CliError('--user is required.', 2);
  const user = usernameSchema.safeParse(userArg);
  if (!user.success) throw new CliError(`--user: ${user.error.issues[0]?.message ?? 'not a user name'}`, 2);
  const paths = deskPaths(resolve(dataDirArg));
  const presence = deskPresence(paths);
  if (presence.state === 'new') throw new CliError(`There is no desk in ${paths.dataDir}.`);
  if (presence.state === 'damaged') throw new CliError(inEnglish(presence.reason));
  const lock = wrap(() => acquireInstanceLock(paths.dataDir, paths.instanceLock));
  return sayingDiskFull(paths.dataDir, () => unlocked(io, paths, user.data, lock, work));
}

async function unlocked<T>(io: CliIO, paths: DeskPaths, username: string, lock: { release(): void }, work: (desk: UnlockedDesk, paths: DeskPaths, user: string) => Promise<T>): Promise<T> {
  try {
    // The same counters as the login screen (core/auth/throttle.ts): the CLI is no way around them.
    const throttle = new LoginThrottle(paths.loginThrottle);
    const wait = throttle.waitSeconds(username, Date.now());
    if (wait > 0) throw new CliError(inEnglish({ code: 'AUTH_THROTTLED', seconds: wait }));
    const password = await readPassword(io);
    const desk = await wrapAsync(() => unlockWithPassword(paths, username, password));
    if (!desk) {
      throttle.failed(username, Date.now());
      throw new CliError(`Wrong user name or password for ${username}.`);
    }
    try {
      const account = await desk.store.db.selectFrom('accounts').select('disabled').where('username', '=', username).executeTakeFirst();
      if (!account || account.disabled) throw new CliError(`The account ${username} is disabled.`);
      throttle.succeeded(username);
      return await work(desk, paths, username);
    } finally {
      await lockDesk(desk);
    }
  } finally {
    lock.release();
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
