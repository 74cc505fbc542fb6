// `desk move-to-server`: a local desk (its data folder) copied onto a PostgreSQL server as a shared desk,
// verified, recorded in the server's audit log; the local desk is kept as it was and marked as moved
// (core/shared-desk/move-to-server.ts).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { inEnglish, username as usernameSchema } from '../../contract/index.ts';
import { deskPaths } from '../../core/storage/data-dir.ts';
import { acquireInstanceLock } from '../../core/storage/instance-lock.ts';
import { deskPresence, lockDesk, unlockWithPassword } from '../../core/vault/vault.ts';
import { moveToServer } from '../../core/shared-desk/move-to-server.ts';
import { isDeskError } from '../../core/errors.ts';
import { CliError, DATABASE_PASSWORD_ENV, PASSWORD_ENV, readDatabasePassword, readPassword, usageError, type CliIO } from '../io.ts';
import { databaseTargetOf } from '../desk-access.ts';

export const MOVE_HELP = `Usage: npm run desk -- move-to-server --data-dir DIR --database-url postgres://USER@HOST[:PORT]/DATABASE --user NAME

Copies the local desk in DIR onto the PostgreSQL database (empty, made for the desk by IT staff): every
case, event, notice, mail and attachment, the accounts, settings and key slots, and the audit chain.
The copy is checked table by table against the local desk and its audit chain verified before it is
kept; then the server is opened with NAME's password the way every PC will open it, and the move is
recorded in its audit log. The local desk is left as it was (a fallback) and marked as moved: moving it
again is refused. NAME must be a supervisor.
The staff password comes from ${PASSWORD_ENV}, the database password from ${DATABASE_PASSWORD_ENV};
each is asked for in a terminal otherwise.`;

export async function moveToServerCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    io.stdout.write(MOVE_HELP + '\n');
    return 0;
  }
  if (positionals.length > 0) throw usageError(MOVE_HELP, `move-to-server takes no argument "${positionals[0]}".`);
  if (!values['data-dir']) throw usageError(MOVE_HELP, 'move-to-server needs --data-dir (the local desk to move).');
  if (!values['database-url']) throw usageError(MOVE_HELP, 'move-to-server needs --database-url (the empty database to move it to).');
  if (!values.user) throw usageError(MOVE_HELP, 'move-to-server needs --user (a supervisor of the local desk).');
  const user = usernameSchema.safeParse(values.user);
  if (!user.success) throw new CliError(`--user: ${user.error.issues[0]?.message ?? 'not a user name'}`, 2);
  const target = databaseTargetOf(values['database-url']);
  const paths = deskPaths(resolve(values['data-dir']));
  const presence = deskPresence(paths);
  if (presence.state === 'new') throw new CliError(`There is no desk in ${paths.dataDir}.`);
  if (presence.state === 'damaged') throw new CliError(inEnglish(presence.reason));
  const lock = asCli(() => acquireInstanceLock(paths.dataDir, paths.instanceLock));
  try {
    const password = await readPassword(io);
    const databasePassword = await readDatabasePassword(io);
    const desk = await asCliAsync(() => unlockWithPassword(paths, user.data, password));
    if (!desk) throw new CliError(`Wrong user name or password for ${user.data}.`);
    try {
      const moved = await asCliAsync(() => moveToServer({ desk, paths }, { target, password: databasePassword }, { username: user.data, password }));
      io.stdout.write(`Moved the desk in ${paths.dataDir} to ${moved.to}: ${moved.cases} case(s); every table checked against the local desk, audit chain verified (${moved.auditRows} rows).\n`);
      io.stdout.write(`The local desk is kept as it was and marked as moved. Point each PC at the shared desk.\n`);
      return 0;
    } finally {
      await lockDesk(desk);
    }
  } finally {
    lock.release();
  }
}

function asCli<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isDeskError(e)) throw new CliError(e.message);
    throw e;
  }
}

async function asCliAsync<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (isDeskError(e)) throw new CliError(e.message);
    throw e;
  }
}
