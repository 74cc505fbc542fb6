// `npm run serve`: Privacy Desk in browser mode. Serves the built renderer and the contract on
// 127.0.0.1 and prints the launch link (with this launch's token) to open in a browser.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDeskRuntime } from '../core/runtime.ts';
import { defaultDataDir, type SharedDeskServer } from '../core/storage/data-dir.ts';
import { formatDatabaseUrl, parseDatabaseUrl, SharedDeskError } from '../../db/postgres.ts';
import { inEnglish } from '../contract/index.ts';
import { readDatabasePassword } from '../cli/io.ts';
import { isDeskError } from '../core/errors.ts';
import { createHostServer } from './server.ts';
import { closeGracefully } from './close-gracefully.ts';
import { messageOf } from '../core/thrown.ts';
import { profiledServer } from '../core/shared-desk/connection-profile.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const HELP = `Usage: npm run serve -- [--data-dir DIR] [--database-url URL] [--port N] [--demo]

Starts Privacy Desk in browser mode on 127.0.0.1 and prints the link to open.
  --data-dir DIR  the desk's data folder (default: ${defaultDataDir()})
  --database-url URL
                  a shared desk on PostgreSQL: postgres://USER@HOST:PORT/DB (a server other than this PC:
                  add ?sslmode=verify-full&sslrootcert=CA-FILE); the database password from
                  PRIVACY_DESK_DATABASE_PASSWORD or asked in a terminal. The data folder then keeps
                  only this PC's own files (its lock, backup status). Without it, a data folder IT
                  connected to a shared desk (npm run desk -- connect) opens that desk: each person's
                  own password unwraps the database password at login
  --port N        the port to listen on (default: 0, any free port)
  --demo          fill an EMPTY desk with about 40 demo cases at the first supervisor log-in or set-up
  --help          this text`;

/** Stops when the parent goes away: `npm` may die of a SIGTERM without passing it on through its shell. */
export function stopWhenOrphaned(stop: () => void, everyMs = 1000): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) stop();
  }, everyMs);
  timer.unref();
}

/** The shared desk named by --database-url, with its password (the environment or a terminal prompt). */
async function sharedDeskOf(url: string): Promise<SharedDeskServer> {
  let target;
  try {
    target = parseDatabaseUrl(url);
  } catch (e) {
    if (e instanceof SharedDeskError) throw new Error(`--database-url: ${inEnglish(e.problem)}`, { cause: e });
    throw e;
  }
  const password = await readDatabasePassword({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
  return { target, password };
}

export async function startHost(argv: string[], usage = HELP): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        port: { type: 'string', default: '0' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    throw new Error(`${messageOf(e).replace(/\s*\n\s*/g, ' ')} Try --help.`, { cause: e });
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  const staticDir = join(repoRoot, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    // As `npm start` does: the screens are built when they are missing.
    const { buildScreensIfNeeded } = await import('../launch.ts');
    buildScreensIfNeeded();
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  // No --database-url: the shared desk this PC was connected to (connection.json), if any; else the local desk.
  const shared = values['database-url'] === undefined ? profiledServer(dataDir) : await sharedDeskOf(values['database-url']);
  const runtime = await openDeskRuntime({ dataDir, mode: 'browser', demo: values.demo, ...(shared ? { server: shared } : {}) });
  const token = randomBytes(24).toString('hex');
  const server = createHostServer({ runtime, token, staticDir });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  }).catch(async (e: NodeJS.ErrnoException) => {
    await runtime.close();
    throw new Error(e.code === 'EADDRINUSE' ? `Port ${port} is already in use; choose another with --port.` : `Cannot listen on 127.0.0.1:${port}: ${e.message}`);
  });
  // Before the ready line: whoever reads it may stop the host at once, and stopping must still lock
  // the desk and release the data folder.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await closeGracefully(server);
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGHUP', () => void stop());
  stopWhenOrphaned(() => void stop());

  const actual = (server.address() as { port: number }).port;
  console.log(`Privacy Desk is ready at http://127.0.0.1:${actual}/#token=${token}`);
  // The URL as parsed (user, host, port, database): never a password, which is never in it.
  if (shared?.profile) console.log(`Shared desk: ${formatDatabaseUrl(shared.target)} through this PC's connection profile ${shared.profile} (staff log in with their own password)`);
  else if (shared) console.log(`Shared desk: ${formatDatabaseUrl(shared.target)} (this PC's folder: ${dataDir})`);
  else console.log(`Data folder: ${dataDir}`);
  if (values.demo) console.log('Demo: an empty desk gets demo cases when a supervisor logs in or sets it up.');
  console.log('Open the link above in Chrome, Edge or Firefox. Press Ctrl+C to lock the desk and stop.');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startHost(process.argv.slice(2)).catch((e: unknown) => {
    console.error(`Privacy Desk could not start: ${isDeskError(e) || e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
