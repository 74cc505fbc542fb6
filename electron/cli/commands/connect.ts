// `desk connect` / `desk disconnect`: point this PC's data folder at a shared desk once (issue 17). IT staff
// run it per PC and per staff member: it proves the URL, the database password and the person's own desk
// password against the server, then writes <data folder>/connection.json (0600) with the database password
// wrapped under that person's password (core/shared-desk/connection-profile.ts). `npm start`, `npm run
// serve` and the desktop app then open the shared desk with no --database-url, and people log in as always.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { inEnglish, username as usernameSchema } from '../../contract/index.ts';
import { defaultDataDir, deskPaths } from '../../core/storage/data-dir.ts';
import { deskPresence } from '../../core/vault/vault.ts';
import { movedTo } from '../../core/shared-desk/move-to-server.ts';
import { readSlots } from '../../core/keys/slot-store.ts';
import { userSlot } from '../../core/keys/key-slots.ts';
import {
  costOfSlot,
  readConnectionProfile,
  removeConnectionProfile,
  withoutProfileSlot,
  withProfileSlot,
  wrapDatabasePassword,
  writeConnectionProfile,
  type ConnectionProfile,
} from '../../core/shared-desk/connection-profile.ts';
import { isDeskError } from '../../core/errors.ts';
import { formatDatabaseUrl, parseDatabaseUrl, SharedDeskError } from '../../../db/postgres.ts';
import { withUnlockedDesk } from '../desk-access.ts';
import { CliError, DATABASE_PASSWORD_ENV, PASSWORD_ENV, usageError, type CliIO } from '../io.ts';

export const CONNECT_HELP = `Usage: npm run desk -- connect --database-url URL --user NAME [--ca-file FILE] [--data-dir DIR] [--keychain]
       npm run desk -- connect --user NAME [--data-dir DIR]        another staff member on a connected PC
       npm run desk -- connect --remove-user NAME [--data-dir DIR]
       npm run desk -- connect --show [--data-dir DIR]
       npm run desk -- disconnect [--data-dir DIR]

Points this PC at a shared desk once, per staff member. The command checks the URL, the database password
(${DATABASE_PASSWORD_ENV} or a prompt) and NAME's own desk password (${PASSWORD_ENV} or a prompt) against the
server, then writes DIR/connection.json (default DIR: the per-user data folder; file mode 0600): the URL
without any password, and the database password wrapped under NAME's password (scrypt + AES-256-GCM, as the
desk's key slots). It never stores the database password in the clear. Afterwards \`npm start\` and \`npm run
serve\` open the shared desk; NAME logs in with their own user name and password as always. Run it again
for each person who works on this PC. A password changed on this PC is re-wrapped by itself; after a change
on another PC, or a reset by a supervisor, run it again for that person.
  --database-url URL  postgres://USER@HOST:PORT/DB (a server other than this PC needs TLS: --ca-file, or
                      ?sslmode=verify-full&sslrootcert=CA-FILE); optional once the PC is connected
  --ca-file FILE      the CA certificate that signed the server's certificate (kept as an absolute path)
  --keychain          desktop app: also keep a copy sealed by the OS keychain (Electron safeStorage), made at
                      the next log-in in the app; then anyone with a desk account may log in on this PC
                      account, and a password changed elsewhere is picked up at log-in
  --remove-user NAME  forget NAME's copy on this PC
  --show              the URL and the staff members connected on this PC (no secrets)
A data folder that holds a local desk is refused (move it first: npm run desk -- move-to-server).`;

export const DISCONNECT_HELP = `Usage: npm run desk -- disconnect [--data-dir DIR]

Removes this PC's connection to a shared desk (DIR/connection.json). The shared desk itself is not touched.`;

/** The URL as the profile keeps it: parsed by the --database-url rules, the CA file made absolute. */
function canonicalUrl(url: string, caFile: string | undefined): string {
  let target;
  try {
    const u = new URL(url);
    if (caFile !== undefined) {
      u.searchParams.set('sslmode', 'verify-full');
      u.searchParams.set('sslrootcert', caFile);
    }
    target = parseDatabaseUrl(u.toString());
  } catch (e) {
    if (e instanceof SharedDeskError) throw new CliError(`--database-url: ${inEnglish(e.problem)}`, 2);
    if (e instanceof TypeError) throw new CliError(`--database-url: ${inEnglish({ code: 'SHARED_DESK_URL_INVALID', problem: 'scheme' })}`, 2);
    throw e;
  }
  return formatDatabaseUrl(target.tls ? { ...target, tls: { caFile: resolve(target.tls.caFile) } } : target);
}

function profileAt(path: string): ConnectionProfile | null {
  try {
    return readConnectionProfile(path);
  } catch (e) {
    if (isDeskError(e)) throw new CliError(e.message);
    throw e;
  }
}

export async function connectCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'ca-file': { type: 'string' },
      user: { type: 'string' },
      'remove-user': { type: 'string' },
      keychain: { type: 'boolean', default: false },
      show: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout.write(CONNECT_HELP + '\n');
    return 0;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir(io.env));
  const paths = deskPaths(dataDir);
  const existing = profileAt(paths.connectionProfile);

  if (values.show) {
    if (!existing) throw new CliError(`This PC (data folder ${dataDir}) is not connected to a shared desk.`);
    io.stdout.write(
      `Shared desk: ${existing.url}\nStaff connected on this PC: ${existing.slots.map((s) => s.username).join(', ') || '(none)'}\n` +
        `OS keychain copy: ${existing.keychain ? 'yes' : existing.useKeychain ? 'allowed, made at the next log-in in the desktop app' : 'no'}\n`,
    );
    return 0;
  }

  const removing = values['remove-user'];
  if (removing !== undefined) {
    if (!existing) throw new CliError(`This PC (data folder ${dataDir}) is not connected to a shared desk.`);
    if (!existing.slots.some((s) => s.username === removing)) throw new CliError(`${removing} is not connected on this PC.`);
    writeConnectionProfile(paths.connectionProfile, withoutProfileSlot(existing, removing));
    io.stdout.write(`${removing} is no longer connected on this PC; ${existing.slots.length - 1} staff member(s) left.\n`);
    return 0;
  }

  if (!values.user) throw usageError(CONNECT_HELP, 'connect needs --user (and --database-url the first time).');
  const user = usernameSchema.safeParse(values.user);
  if (!user.success) throw new CliError(`--user: ${user.error.issues[0]?.message ?? 'not a user name'}`, 2);
  const given = values['database-url'];
  if (given === undefined && !existing) throw usageError(CONNECT_HELP, 'This PC is not connected yet: give --database-url.');
  const url = given === undefined ? existing!.url : canonicalUrl(given, values['ca-file']);
  if (existing && existing.url !== url) throw new CliError(`This PC is connected to ${existing.url}. To point it at another desk, run disconnect first.`);
  if (!existing) {
    // The local desk stays the default and loses nothing: a folder holding one is never hidden behind a profile.
    if (deskPresence(paths).state !== 'new' && !movedTo(paths)) throw new CliError(`${dataDir} holds a local desk. Move it onto the server first (move-to-server), or connect another --data-dir.`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  }

  return withUnlockedDesk(io, { 'data-dir': dataDir, 'database-url': url }, user.data, async (desk, shared, username, password) => {
    if (existing && existing.deskId !== desk.deskId) throw new CliError(`The database at ${url} now holds another desk than this PC was connected to. Run disconnect, then connect again.`);
    const base: ConnectionProfile = existing ?? { format: 1, url, deskId: desk.deskId, slots: [] };
    const cost = costOfSlot(userSlot(await readSlots(shared, desk.store.db), username));
    const slot = await wrapDatabasePassword(base, username, password, shared.server!.password, cost);
    const next = { ...withProfileSlot(base, slot), ...(values.keychain ? { useKeychain: true } : {}) };
    writeConnectionProfile(paths.connectionProfile, next);
    io.stdout.write(
      `This PC (data folder ${dataDir}) is connected to the shared desk ${url} for ${username} ` +
        `(${next.slots.length} staff member(s) on this PC: ${next.slots.map((s) => s.username).join(', ')}).\n` +
        `The database password is kept only wrapped under each person's own password (${paths.connectionProfile}, mode 0600). ` +
        `npm start and npm run serve now open the shared desk; log in with your own user name and password.\n`,
    );
    return 0;
  });
}

export async function disconnectCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    io.stdout.write(DISCONNECT_HELP + '\n');
    return 0;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir(io.env));
  const removed = removeConnectionProfile(deskPaths(dataDir).connectionProfile);
  io.stdout.write(removed ? `This PC (data folder ${dataDir}) is no longer connected to a shared desk; the desk on the server is untouched.\n` : `This PC (data folder ${dataDir}) was not connected to a shared desk.\n`);
  return 0;
}
