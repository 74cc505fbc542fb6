// `desk init`: provision a desk on a PC without the UI (IT staff), with the policy's Article 11 details.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { displayName as displayNameSchema, newPassword, username as usernameSchema } from '../../contract/index.ts';
import { deskPathsOf } from '../desk-access.ts';
import { acquireInstanceLock } from '../../core/storage/instance-lock.ts';
import { createDesk, lockDesk } from '../../core/vault/vault.ts';
import { ARTICLE_11_DESK } from '../../contract/index.ts';
import { isDeskError } from '../../core/errors.ts';
import { CliError, PASSWORD_ENV, readPassword, usageError, type CliIO } from '../io.ts';

export const INIT_HELP = `Usage: npm run desk -- init (--data-dir DIR | --database-url URL) --user NAME [--display-name NAME]

Creates a new desk in DIR with a first supervisor account NAME, and prints the recovery key once.
With --database-url postgres://USER@HOST:PORT/DB the desk is a shared desk in that (empty) PostgreSQL
database; its password comes from PRIVACY_DESK_DATABASE_PASSWORD or a prompt and is never stored. A server
other than this PC needs ?sslmode=verify-full&sslrootcert=CA-FILE.
The password comes from ${PASSWORD_ENV}, or is asked for twice in a terminal (at least 10 characters).
The desk's details start as Article 11 of the privacy policy; change them later in Settings.
Never overwrites: fails if DIR already holds a desk.`;

export async function initCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, user: { type: 'string' }, 'display-name': { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    io.stdout.write(INIT_HELP + '\n');
    return 0;
  }
  if ((!values['data-dir'] && !values['database-url']) || !values.user) throw usageError(INIT_HELP, 'init needs --data-dir (or --database-url) and --user.');
  const user = usernameSchema.safeParse(values.user);
  if (!user.success) throw new CliError(`--user: ${user.error.issues[0]?.message}`, 2);
  const display = displayNameSchema.safeParse(values['display-name'] ?? user.data);
  if (!display.success) throw new CliError(`--display-name: ${display.error.issues[0]?.message}`, 2);
  const password = await readPassword(io, 'New password: ');
  if (!io.env[PASSWORD_ENV] && (await readPassword(io, 'Repeat it: ')) !== password) throw new CliError('The two passwords differ.');
  const pw = newPassword.safeParse(password);
  if (!pw.success) throw new CliError(`Password: ${pw.error.issues[0]?.message}`, 2);

  const paths = await deskPathsOf(io, values);
  // A PC connected to a shared desk opens that desk from this folder: a local desk made here would be hidden.
  if (!paths.server && existsSync(paths.connectionProfile)) throw new CliError(`${paths.dataDir} is connected to a shared desk (connection.json). Run disconnect first, or give another --data-dir.`);
  try {
    const lock = paths.server ? null : acquireInstanceLock(paths.dataDir, paths.instanceLock);
    try {
      const made = await createDesk(paths, { desk: { ...ARTICLE_11_DESK }, supervisor: { username: user.data, displayName: display.data, password: pw.data }, locale: 'ja' });
      await lockDesk(made.unlocked);
      io.stdout.write(
        `Desk created in ${paths.server ? `the database ${paths.server.target.database} on ${paths.server.target.host}` : paths.dataDir} with supervisor ${user.data}.\n` +
          `Recovery key — print it and lock it away; it is shown only this once and unlocks the desk if every password is lost:\n` +
          `${made.recoveryKey}\n`,
      );
    } finally {
      lock?.release();
    }
  } catch (e) {
    if (isDeskError(e)) throw new CliError(e.message);
    throw e;
  }
  return 0;
}
