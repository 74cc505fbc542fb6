// A real PostgreSQL server for the shared-desk tests: Debian's `postgresql` package (initdb + postgres from
// /usr/lib/postgresql/<version>/bin), a throwaway cluster in a temp folder, listening on 127.0.0.1 on a free
// port with its unix socket inside that folder. It never reads /etc/postgresql and never touches the
// packaged cluster or its port 5432. Started at most once per vitest run, by the first test file that needs it
// (test/support/postgres-run.ts), and torn down at the end; each test gets its own database in it (`freshDatabase`).
//
// initdb and postgres refuse to run as root: as root they run as the `postgres` user in a folder that user
// owns; as any other user, as that user. Not a mock and not a container: the desk talks to a real server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freePort } from './smtp.ts';

/** The cluster's administrator (superuser) and the role the desk connects as (owner of each test database). */
export const PG_ADMIN = 'pd_admin';
export const PG_DESK_ROLE = 'pd_desk';

export interface PostgresCluster {
  host: '127.0.0.1';
  port: number;
  /** The cluster's superuser password (the test role's password is `deskPassword`). */
  adminPassword: string;
  deskPassword: string;
  /** The folder holding the data directory, the socket and the log. */
  root: string;
  log(): string;
  stop(): Promise<void>;
}

/** What a test needs to reach the cluster (passed from the global setup through vitest's provide/inject). */
export interface PostgresAccess {
  host: string;
  port: number;
  adminPassword: string;
  deskPassword: string;
}

/** The file in a run's folder (postgres-global.ts) naming the run's cluster, once started (postgres-run.ts). */
export const CLUSTER_FILE = 'cluster.json';

/** What the starter leaves for the others: how to reach the cluster, and where it lives (to stop it). */
export interface RunCluster extends PostgresAccess {
  root: string;
}

export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql; or set PG_BIN)');
  return join(base, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

const asRoot = () => process.getuid?.() === 0;

/** The `postgres` user's ids (the cluster's owner when we are root). */
function postgresUser(): { uid: number; gid: number } {
  const pgUser = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const pgGroup = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  const uid = Number(pgUser.stdout.trim());
  const gid = Number(pgGroup.stdout.trim());
  if (!Number.isInteger(uid) || pgUser.status !== 0) throw new Error('running as root, but there is no `postgres` user to run the test cluster as');
  return { uid, gid };
}

/** A command run as the cluster's owner: `postgres` when we are root, else ourselves. */
function asOwner(cmd: string, args: string[]): [string, string[]] {
  return asRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

/**
 * Starts a throwaway cluster. `outliveCaller`: the server runs in its own process group with its log in a
 * file, so it keeps running after the process that started it exits (a vitest worker starts it for the
 * whole run; the run's teardown stops it with stopClusterAt).
 */
export async function startPostgres(options: { outliveCaller?: boolean; tls?: { cert: string; key: string } } = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const root = mkdtempSync(join(tmpdir(), 'pd-postgres-'));
  const data = join(root, 'data');
  const adminPassword = randomBytes(12).toString('hex');
  const deskPassword = randomBytes(12).toString('hex');
  const pwfile = join(root, 'pwfile');
  writeFileSync(pwfile, `${adminPassword}\n`, { mode: 0o600 });
  if (asRoot()) {
    const { uid, gid } = postgresUser();
    chownSync(root, uid, gid);
    chownSync(pwfile, uid, gid);
    chmodSync(root, 0o700);
  }
  const [initCmd, initArgs] = asOwner(join(bin, 'initdb'), [
    '-D', data, '-U', PG_ADMIN, '--pwfile', pwfile, '-E', 'UTF8', '--locale', 'C.UTF-8',
    '--auth-local', 'trust', '--auth-host', 'scram-sha-256', '--no-sync',
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout}`);
  }
  rmSync(pwfile);
  // TLS (test/integration/postgres/tls.test.ts): the server's certificate and key, the key readable by its owner only.
  const tlsArgs: string[] = [];
  if (options.tls) {
    for (const [name, pem] of [['server.crt', options.tls.cert], ['server.key', options.tls.key]] as const) {
      writeFileSync(join(root, name), pem, { mode: 0o600 });
      if (asRoot()) chownSync(join(root, name), postgresUser().uid, postgresUser().gid);
    }
    tlsArgs.push('-c', 'ssl=on', '-c', `ssl_cert_file=${join(root, 'server.crt')}`, '-c', `ssl_key_file=${join(root, 'server.key')}`);
  }

  const port = await freePort();
  const logFile = join(root, 'postgres.log');
  const [cmd, args] = asOwner(join(bin, 'postgres'), [
    '-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', root,
    // A throwaway cluster: durability is not what the tests check (a SIGKILLed desk process is the client,
    // never the server), so skip the fsyncs that would make every commit wait on this shared machine's disk.
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    '-c', 'max_connections=200', '-c', 'shared_buffers=64MB', '-c', `logging_collector=off`, ...tlsArgs,
  ]);
  let log = '';
  let child: ChildProcess;
  if (options.outliveCaller) {
    const fd = openSync(logFile, 'a', 0o600);
    child = spawn(cmd, args, { stdio: ['ignore', fd, fd], detached: true });
    closeSync(fd);
    child.unref();
  } else {
    child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
    child.stdout!.on('data', (d: Buffer) => { log += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => { log += d.toString(); });
  }
  const readLog = () => (options.outliveCaller ? (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '') : log);
  const cluster: PostgresCluster = {
    host: '127.0.0.1',
    port,
    adminPassword,
    deskPassword,
    root,
    log: readLog,
    async stop() {
      const pidFile = join(data, 'postmaster.pid');
      // The postmaster's own pid (not runuser's): SIGINT is PostgreSQL's fast shutdown.
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : child.pid;
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
      try {
        if (pid) process.kill(pid, 'SIGINT');
      } catch {
        /* already gone */
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 20_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (!options.outliveCaller) writeFileSync(logFile, log);
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await waitReady(cluster, child);
    await withAdmin(cluster, async (c) => {
      await c.query(`CREATE ROLE ${PG_DESK_ROLE} LOGIN PASSWORD '${deskPassword}'`);
    });
  } catch (e) {
    await cluster.stop();
    throw e;
  }
  return cluster;
}

async function waitReady(cluster: PostgresCluster, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}): ${cluster.log()}`);
    try {
      await withAdmin(cluster, (c) => c.query('SELECT 1'));
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`postgres did not start in 60 s: ${(last as Error)?.message}\n${cluster.log()}`);
}

export async function withAdmin<T>(access: PostgresAccess, fn: (c: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const c = new pg.Client({ host: access.host, port: access.port, user: PG_ADMIN, password: access.adminPassword, database });
  try {
    await c.connect();
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  /** postgres://pd_desk@127.0.0.1:PORT/NAME — no password in it, as a desk's URL never has one. */
  url: string;
  password: string;
  name: string;
  /** Drops the database (ends any connection still open to it). */
  drop(): Promise<void>;
}

/** A new empty database owned by the desk's role: what IT staff hand the desk before `desk init`. */
export async function freshDatabase(access: PostgresAccess, prefix = 'pd_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin(access, (c) => c.query(`CREATE DATABASE ${name} OWNER ${PG_DESK_ROLE} TEMPLATE template0 ENCODING 'UTF8'`));
  return {
    name,
    url: `postgres://${PG_DESK_ROLE}@${access.host}:${access.port}/${name}`,
    password: access.deskPassword,
    drop: () => withAdmin(access, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Stops the cluster in `root` from any process (its postmaster's pid file), then removes the folder. */
export async function stopClusterAt(root: string): Promise<void> {
  const pidFile = join(root, 'data', 'postmaster.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  if (pid > 0) {
    try {
      process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 20_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(root, { recursive: true, force: true });
}
