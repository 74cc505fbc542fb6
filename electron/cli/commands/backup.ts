// `desk backup` and `desk restore`: an encrypted backup of a desk into a folder (a USB drive, a share),
// and a backup restored into a data folder that holds no desk yet (a new PC). Both fail in one line.
import { parseArgs } from 'node:util';
import { existsSync, readdirSync, rmdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { username as usernameSchema, recoveryKey as recoveryKeySchema } from '../../contract/index.ts';
import { deskPaths } from '../../core/storage/data-dir.ts';
import { acquireInstanceLock } from '../../core/storage/instance-lock.ts';
import { readSettings } from '../../core/settings/settings.ts';
import { appendAudit } from '../../core/audit/audit-log.ts';
import { writeBackup } from '../../core/backup/backup.ts';
import { restoreBackup, type RestoreSecret } from '../../core/backup/restore.ts';
import { restoreToServer } from '../../core/shared-desk/restore-to-server.ts';
import { recoverySecret } from '../../core/keys/recovery-key.ts';
import { isDeskError } from '../../core/errors.ts';
import { databaseTargetOf, withUnlockedDesk } from '../desk-access.ts';
import { CliError, DATABASE_PASSWORD_ENV, PASSWORD_ENV, readDatabasePassword, readPassword, type CliIO } from '../io.ts';

export const BACKUP_HELP = `Usage: npm run desk -- backup (--data-dir DIR | --database-url URL) --user NAME --out FOLDER

Writes an encrypted backup of the desk in DIR into FOLDER (which must exist), as one folder
PrivacyDesk-<desk>-<YYYYMMDD-HHMMSS>.pdbackup holding desk.db (still encrypted with the desk's key),
keyslots.json and manifest.json. Staff can keep working while it runs. Prints the backup's path and
how many cases it holds. Nothing in FOLDER is deleted.
A shared desk (--database-url) is read in one consistent snapshot (one REPEATABLE READ transaction)
while the office keeps working, and written in the same format: it restores into a local desk.
The password comes from ${PASSWORD_ENV} or is asked for in a terminal.`;

export const RESTORE_HELP = `Usage: npm run desk -- restore BACKUP (--data-dir NEW | --database-url URL) [--user NAME]

Restores the backup folder BACKUP (….pdbackup) into the data folder NEW, which must not hold a desk:
restoring never overwrites one. The backup is checked first (manifest, checksums, SQLite's integrity
check, schema version) and only then moved into place.
With --user, the secret is that person's password when the backup was made; without it, the secret is
the desk's recovery key. It comes from ${PASSWORD_ENV} or is asked for in a terminal.
With --database-url postgres://USER@HOST[:PORT]/DATABASE the backup (of a local or a shared desk) becomes
the shared desk of that database, which must be empty: a database holding a desk is refused. The backup
is checked as above before the server is touched; the copy is checked table by table against the backup
and its audit chain verified before it is kept. The database password comes from ${DATABASE_PASSWORD_ENV}.`;

const oneLine = (message: string, code = 2) => new CliError(`${message} Try --help.`, code);

function deskErrorsAsCli<T>(f: () => Promise<T>): Promise<T> {
  return f().catch((e: unknown) => {
    if (isDeskError(e)) throw new CliError(e.message.replace(/\s*\n\s*/g, ' '));
    throw e;
  });
}

export async function backupCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, user: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    io.stdout.write(BACKUP_HELP + '\n');
    return 0;
  }
  if (positionals.length > 0) throw oneLine(`backup takes no argument "${positionals[0]}": the folder goes after --out.`);
  if (!values['data-dir'] && !values['database-url']) throw oneLine('backup needs --data-dir (or --database-url).');
  if (!values.user) throw oneLine('backup needs --user.');
  if (!values.out) throw oneLine('backup needs --out FOLDER (where the backup is written).');
  const out = resolve(values.out);
  const result = await withUnlockedDesk(io, values, values.user, (desk, paths, user) =>
    deskErrorsAsCli(async () => {
      const settings = await readSettings(desk.store.db);
      const server = desk.store.kind === 'postgres' ? desk.store.db : undefined;
      const r = await writeBackup({ paths, deskId: desk.deskId, dataKey: desk.dataKey, deskName: { ja: settings.desk.deskNameJa, en: settings.desk.deskNameEn }, server }, out);
      await appendAudit(desk.store.db, { actor: user, action: 'desk.backup', entity: 'desk', entityId: desk.deskId, detail: { trigger: 'cli', outcome: 'written', cases: r.cases } });
      return r;
    }),
  );
  io.stdout.write(`${result.path}\n${result.cases} case(s), ${result.bytes} bytes\n`);
  return 0;
}

export async function restoreCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    io.stdout.write(RESTORE_HELP + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw oneLine('restore needs exactly one backup folder (….pdbackup).');
  if (values['data-dir'] && values['database-url']) throw oneLine('restore takes --data-dir or --database-url, not both.');
  if (!values['data-dir'] && !values['database-url']) throw oneLine('restore needs --data-dir (a data folder without a desk) or --database-url (an empty database).');
  let username: string | undefined;
  if (values.user !== undefined) {
    const u = usernameSchema.safeParse(values.user);
    if (!u.success) throw new CliError(`--user: ${u.error.issues[0]?.message ?? 'not a user name'}`, 2);
    username = u.data;
  }
  const backupPath = resolve(positionals[0]!);
  const dataDir = values['data-dir'];
  if (!dataDir) return restoreOntoServer(io, backupPath, values['database-url']!, username);
  const paths = deskPaths(resolve(dataDir));
  const created = !existsSync(paths.dataDir);
  let lock;
  try {
    lock = acquireInstanceLock(paths.dataDir, paths.instanceLock);
  } catch (e) {
    if (isDeskError(e)) throw new CliError(e.message);
    throw e;
  }
  try {
    const secret = await readSecret(io, username);
    const restored = await deskErrorsAsCli(() => restoreBackup({ backupPath, paths, secret }));
    io.stdout.write(`Restored the desk into ${paths.dataDir}: ${restored.cases} case(s), from the backup of ${restored.manifest.createdAt}.\n`);
    return 0;
  } finally {
    lock.release();
    // A data folder this command made for a restore that failed is removed again: no trace left.
    if (created && existsSync(paths.dataDir) && readdirSync(paths.dataDir).length === 0) rmdirSync(paths.dataDir);
  }
}

/** The staff password of --user NAME, or else the recovery key. */
async function readSecret(io: CliIO, username: string | undefined): Promise<RestoreSecret> {
  const secretText = await readPassword(io, username ? 'Password: ' : 'Recovery key: ');
  if (username) return { kind: 'password', username, password: secretText };
  const key = recoveryKeySchema.safeParse(secretText);
  if (!key.success) throw new CliError(`Recovery key: ${key.error.issues[0]?.message ?? 'not a recovery key'} (or give --user NAME to restore with a password).`, 2);
  return { kind: 'recovery', secret: recoverySecret(key.data) };
}

async function restoreOntoServer(io: CliIO, backupPath: string, url: string, username: string | undefined): Promise<number> {
  const target = databaseTargetOf(url);
  const databasePassword = await readDatabasePassword(io);
  const secret = await readSecret(io, username);
  const restored = await deskErrorsAsCli(() => restoreToServer({ backupPath, server: { target, password: databasePassword }, secret }));
  io.stdout.write(`Restored the desk onto ${restored.to}: ${restored.cases} case(s), from the backup of ${restored.manifest.createdAt}; every table checked against the backup, audit chain verified (${restored.auditRows} rows).\n`);
  return 0;
}
