// Opening a shared desk's database on a PostgreSQL server: kysely's own PostgresDialect over node-postgres
// (`pg`). The URL names server, port, database and user only — never a password (it comes from
// PRIVACY_DESK_DATABASE_PASSWORD or a prompt and is kept in memory). A server other than this PC is
// reached only over TLS with the certificate verified against a CA file; plaintext is refused before any
// byte is sent. The server is told nothing about the desk's data: application_name is the product's name.
//
// One connection, like the local desk's one SQLite connection: the core's session state (the signing
// key in a TEMP table, the IMAP fetcher's advisory lock) lives on the connection, and the runtime already
// runs one call at a time. LISTEN/NOTIFY, when used, takes a second connection of its own.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { SharedDeskProblem } from '../electron/contract/shared-desk.ts';
import type { DB } from './schema.ts';
import type { PostgresStore } from './open.ts';

export const APPLICATION_NAME = 'privacy-desk';

export interface DatabaseTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  /** TLS with verification: the CA file to verify the server's certificate against. Null on loopback without TLS. */
  tls: { caFile: string } | null;
}

/** A connection problem as the desk's code (the core throws it as a DeskError). */
export class SharedDeskError extends Error {
  readonly problem: SharedDeskProblem;
  constructor(problem: SharedDeskProblem, cause?: unknown) {
    super(problem.code, { cause });
    this.name = 'SharedDeskError';
    this.problem = problem;
  }
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1';
}

/**
 * postgres://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full&sslrootcert=FILE]: the target, or the reason it
 * is refused. `sslmode` may only be verify-full (or absent on loopback); any other parameter is refused
 * rather than ignored, so a typo never silently weakens the connection.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SharedDeskError({ code: 'SHARED_DESK_URL_INVALID', problem: 'scheme' });
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new SharedDeskError({ code: 'SHARED_DESK_URL_INVALID', problem: 'scheme' });
  if (u.password) throw new SharedDeskError({ code: 'SHARED_DESK_URL_INVALID', problem: 'password_in_url' });
  const host = decodeURIComponent(u.hostname);
  if (!host) throw new SharedDeskError({ code: 'SHARED_DESK_URL_INVALID', problem: 'host' });
  const user = decodeURIComponent(u.username);
  if (!user) throw new SharedDeskError({ code: 'SHARED_DESK_URL_INVALID', problem: 'user' });
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database || database.includes('/')) throw new SharedDeskError({ code: 'SHARED_DESK_URL_INVALID', problem: 'database' });
  const port = u.port ? Number(u.port) : 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SharedDeskError({ code: 'SHARED_DESK_URL_INVALID', problem: 'port' });
  for (const key of u.searchParams.keys()) {
    if (key !== 'sslmode' && key !== 'sslrootcert') throw new SharedDeskError({ code: 'SHARED_DESK_URL_INVALID', problem: 'parameter', parameter: key });
  }
  const sslmode = u.searchParams.get('sslmode');
  const caFile = u.searchParams.get('sslrootcert');
  if (sslmode !== null && sslmode !== 'verify-full') throw new SharedDeskError({ code: 'SHARED_DESK_URL_INVALID', problem: 'parameter', parameter: `sslmode=${sslmode}` });
  const wantsTls = sslmode === 'verify-full';
  if (wantsTls && !caFile) throw new SharedDeskError({ code: 'SHARED_DESK_TLS_REQUIRED', host });
  if (!wantsTls && !isLoopback(host)) throw new SharedDeskError({ code: 'SHARED_DESK_TLS_REQUIRED', host });
  return { host, port, database, user, tls: wantsTls ? { caFile: caFile! } : null };
}

/** The URL of a target, without any password (for profiles, messages and `db check`). */
export function formatDatabaseUrl(t: DatabaseTarget): string {
  const host = isIP(t.host) === 6 ? `[${t.host}]` : t.host;
  const tls = t.tls ? `?sslmode=verify-full&sslrootcert=${encodeURIComponent(t.tls.caFile)}` : '';
  return `postgres://${encodeURIComponent(t.user)}@${host}:${t.port}/${encodeURIComponent(t.database)}${tls}`;
}

/**
 * node-postgres, loaded only when a shared desk is opened: a local desk (and every `desk` command on one)
 * never pays for it.
 */
const loadPg = async (): Promise<typeof pg> => (await import('pg')).default;

/** bigint (count(*), sum()) and numeric as JS numbers, like SQLite gives them: the desk's figures are small. */
const typesOf = (driver: typeof pg) => ({
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return driver.types.getTypeParser(oid, format as 'text');
  },
});

export function poolConfig(target: DatabaseTarget, password: string, driver: typeof pg): pg.PoolConfig {
  let ssl: pg.PoolConfig['ssl'] = false;
  if (target.tls) {
    let ca: string;
    try {
      ca = readFileSync(target.tls.caFile, 'utf8');
    } catch (e) {
      throw new SharedDeskError({ code: 'SHARED_DESK_CA_UNREADABLE', path: target.tls.caFile }, e);
    }
    ssl = { ca, rejectUnauthorized: true, servername: isIP(target.host) ? undefined : target.host };
  }
  return {
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    password,
    ssl,
    application_name: APPLICATION_NAME,
    max: 1,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 0,
    keepAlive: true,
    types: typesOf(driver),
  };
}

/** Maps what node-postgres throws on connecting to the desk's code. */
export function connectProblem(e: unknown, target: DatabaseTarget): SharedDeskProblem | null {
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? '';
  if (err.code === '28P01' || err.code === '28000') return { code: 'SHARED_DESK_AUTH_FAILED', host: target.host, user: target.user };
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return { code: 'SHARED_DESK_HOST_UNKNOWN', host: target.host };
  if (/does not support SSL|server does not support ssl/i.test(msg)) return { code: 'SHARED_DESK_TLS_FAILED', host: target.host, cause: 'refused' };
  if (/certificate|self[- ]signed|unable to verify|altnames|CERT_/i.test(msg) || /CERT|SELF_SIGNED/.test(err.code ?? '')) return { code: 'SHARED_DESK_TLS_FAILED', host: target.host, cause: 'certificate' };
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', '57P01', '57P02', '57P03'].includes(err.code ?? '') || /timeout|Connection terminated/i.test(msg)) {
    return { code: 'SHARED_DESK_UNREACHABLE', host: target.host, port: target.port };
  }
  return null;
}

// Per open shared desk, the signing keys its connection must hold, keyed by kysely's adapter (one per desk,
// shared by the desk's transactions): a reconnection loses the TEMP table, and db/signer-table.ts puts
// the keys back into the new connection's table.
const signersOf = new WeakMap<object, Map<string, Buffer>>();

/** The signing keys a shared desk's new connections get, or undefined for a desk not opened here. */
export function connectionSigners(db: Kysely<unknown>): Map<string, Buffer> | undefined {
  return signersOf.get(db.getExecutor().adapter);
}

/** Connects (proving server, TLS and password with one round trip) and wraps the pool in kysely. */
export async function openPostgres(target: DatabaseTarget, password: string): Promise<PostgresStore> {
  if (!password) throw new SharedDeskError({ code: 'SHARED_DESK_PASSWORD_MISSING' });
  const driver = await loadPg();
  const pool = new driver.Pool(poolConfig(target, password, driver));
  // An idle connection the server drops (restart, network) must not crash the process: the pool makes a
  // new one for the next query, and that query reports SHARED_DESK_UNREACHABLE if the server is still away.
  pool.on('error', () => undefined);
  // A connection lost while in use: its query fails with the error (the caller gets its code); the
  // client's own 'error' event must not become an uncaught exception that ends the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const signers = new Map<string, Buffer>();
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT 1');
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    const problem = connectProblem(e, target);
    if (problem) throw new SharedDeskError(problem, e);
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  signersOf.set(db.getExecutor().adapter, signers);
  let closed = false;
  return {
    kind: 'postgres',
    db,
    target: { host: target.host, port: target.port, database: target.database, tls: target.tls !== null },
    async close() {
      if (closed) return;
      closed = true;
      for (const key of signers.values()) key.fill(0);
      signers.clear();
      await db.destroy();
    },
  };
}
