// Opening a desk from the command line: a local desk (--data-dir: take the folder's lock) or a shared desk
// (--database-url: its PostgreSQL database; the database password from PRIVACY_DESK_DATABASE_PASSWORD or a
// prompt), then unlock with a staff password.
import { resolve } from 'node:path';
import { inEnglish, username as usernameSchema } from '../contract/index.ts';
import { defaultDataDir, deskPaths, type DeskPaths } from '../core/storage/data-dir.ts';
import { acquireInstanceLock } from '../core/storage/instance-lock.ts';
import { lockDesk, presenceOf, unlockWithPassword, type UnlockedDesk } from '../core/vault/vault.ts';
import { isDeskError } from '../core/errors.ts';
import { parseDatabaseUrl, SharedDeskError } from '../../db/postgres.ts';
import { CliError, readDatabasePassword, readPassword, type CliIO } from './io.ts';

/** Where the desk is, as the command line names it. */
export interface DeskArgs {
  'data-dir'?: string;
  'database-url'?: string;
}

/** The desk's paths from --data-dir or --database-url (a shared desk's paths carry its server). */
export async function deskPathsOf(io: CliIO, args: DeskArgs): Promise<DeskPaths> {
  const url = args['database-url'];
  if (url === undefined) {
    if (!args['data-dir']) throw new CliError('--data-dir (or --database-url) is required.', 2);
    return deskPaths(resolve(args['data-dir']));
  }
  let target;
  try {
    target = parseDatabaseUrl(url);
  } catch (e) {
    if (e instanceof SharedDeskError) throw new CliError(`--database-url: ${inEnglish(e.problem)}`, 2);
    throw e;
  }
  const password = await readDatabasePassword(io);
  // This PC's folder only holds local things (lock, backup status); the desk itself is on the server.
  return deskPaths(resolve(args['data-dir'] ?? defaultDataDir(io.env)), { target, password });
}

export async function withUnlockedDesk<T>(
  io: CliIO,
  where: DeskArgs,
  userArg: string | undefined,
  work: (desk: UnlockedDesk, paths: DeskPaths, user: string) => Promise<T>,
): Promise<T> {
  if (!where['data-dir'] && !where['database-url']) throw new CliError('--data-dir (or --database-url) is required.', 2);
  if (!userArg) throw new CliError('--user is required.', 2);
  const user = usernameSchema.safeParse(userArg);
  if (!user.success) throw new CliError(`--user: ${user.error.issues[0]?.message ?? 'not a user name'}`, 2);
  const paths = await deskPathsOf(io, where);
  const presence = await wrapAsync(() => presenceOf(paths));
  if (presence.state === 'new') throw new CliError(paths.server ? `There is no desk in the database ${paths.server.target.database}.` : `There is no desk in ${paths.dataDir}.`);
  if (presence.state === 'damaged') throw new CliError(inEnglish(presence.reason));
  // A shared desk is used by several PCs at once: no folder lock (the database serialises what must be).
  const lock = paths.server ? null : wrap(() => acquireInstanceLock(paths.dataDir, paths.instanceLock));
  try {
    const password = await readPassword(io);
    const desk = await wrapAsync(() => unlockWithPassword(paths, user.data, password));
    if (!desk) throw new CliError(`Wrong user name or password for ${user.data}.`);
    try {
      const account = await desk.store.db.selectFrom('accounts').select('disabled').where('username', '=', user.data).executeTakeFirst();
      if (!account || account.disabled) throw new CliError(`The account ${user.data} is disabled.`);
      return await work(desk, paths, user.data);
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
