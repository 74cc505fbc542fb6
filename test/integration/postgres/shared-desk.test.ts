// A shared desk's database as IT staff meet it: the same schema as a local desk, and every bad input refused
// with its reason before anything is written.
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../../db/open.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { sqliteCounterparts } from '../../../db/migrations-postgres/index.ts';
import { openPostgres, parseDatabaseUrl, SharedDeskError } from '../../../db/postgres.ts';
import { DESK, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { freshDatabase, withAdmin, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import type { DeskErrorData } from '../../../electron/contract/index.ts';

const access = await testPostgres();
const made: TestDatabase[] = [];
const dirs: Array<{ path: string; remove(): void }> = [];
afterAll(async () => {
  for (const d of made) await d.drop();
  for (const d of dirs) d.remove();
});

async function database(): Promise<TestDatabase> {
  const d = await freshDatabase(access);
  made.push(d);
  return d;
}

function dir() {
  const d = tempDir('pd-shared-');
  dirs.push(d);
  return d.path;
}

/** Columns of every table, as "table.column", without each dialect's own search/bookkeeping tables. */
async function columns(db: Kysely<unknown>): Promise<string[]> {
  const own = /^(kysely_|case_search|desk_key_slots|audit_counter$|sqlite_)/;
  const tables = await db.introspection.getTables();
  return tables.filter((t) => !own.test(t.name)).flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`)).sort();
}

async function setupError(server: { target: ReturnType<typeof parseDatabaseUrl>; password: string }): Promise<DeskErrorData> {
  const rt = await openRuntime(dir(), { server });
  try {
    const r = await rt.dispatch('desk.setup', { desk: DESK, supervisor: SUPERVISOR });
    if (r.ok) throw new Error('expected a refusal');
    return r.error;
  } finally {
    await rt.close();
  }
}

describe('the shared desk schema', () => {
  it('has a PostgreSQL counterpart for every SQLite migration (a rule or a trigger changes no column: listed, not guessed)', () => {
    const covered = Object.values(sqliteCounterparts).flat();
    expect([...covered].sort()).toEqual(Object.keys(migrations).sort());
    expect(new Set(covered).size).toBe(covered.length);
  });

  it('has every table and column of the local desk (a SQLite migration without its PostgreSQL counterpart fails here)', async () => {
    const local = openDatabase(join(dir(), 'desk.db'), randomBytes(32), { create: true });
    await migrateToLatest(local.db as never);
    const d = await database();
    const shared = await openPostgres(parseDatabaseUrl(d.url), d.password);
    try {
      await migrateToLatest(shared.db as never);
      expect(await columns(shared.db as never)).toEqual(await columns(local.db as never));
    } finally {
      await shared.close();
      await local.close();
    }
  });
});

describe('bad input', () => {
  it('a wrong database password: refused with the reason; a URL carrying a password is refused before connecting', async () => {
    const d = await database();
    const error = await setupError({ target: parseDatabaseUrl(d.url), password: 'not the password' });
    expect(error).toMatchObject({ code: 'AUTH_FAILED', reason: { code: 'SHARED_DESK_AUTH_FAILED', host: '127.0.0.1', user: 'pd_desk' } });
    expect(() => parseDatabaseUrl(d.url.replace('pd_desk@', 'pd_desk:secret@'))).toThrow(SharedDeskError);
    expect(() => parseDatabaseUrl('postgres://pd_desk@db.example.internal:5432/desk')).toThrow(expect.objectContaining({ problem: { code: 'SHARED_DESK_TLS_REQUIRED', host: 'db.example.internal' } }));
    expect(() => parseDatabaseUrl('postgres://pd_desk@db.example.internal/desk?sslmode=require')).toThrow(expect.objectContaining({ problem: { code: 'SHARED_DESK_URL_INVALID', problem: 'parameter', parameter: 'sslmode=require' } }));
  });

  it('a server that refuses TLS, and a typo in the host name: each refused with its reason', async () => {
    const ca = join(dir(), 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const d = await database();
    const tls = parseDatabaseUrl(`${d.url}?sslmode=verify-full&sslrootcert=${encodeURIComponent(ca)}`);
    expect((await setupError({ target: tls, password: d.password })).reason).toEqual({ code: 'SHARED_DESK_TLS_FAILED', host: '127.0.0.1', cause: 'refused' });
    const typo = parseDatabaseUrl(`postgres://pd_desk@no-such-host.invalid:${access.port}/x?sslmode=verify-full&sslrootcert=${encodeURIComponent(ca)}`);
    expect((await setupError({ target: typo, password: d.password })).reason).toEqual({ code: 'SHARED_DESK_HOST_UNKNOWN', host: 'no-such-host.invalid' });
  });

  it('a database that is not a desk: refused, nothing written to it', async () => {
    const d = await database();
    await withAdmin(access, (c) => c.query(`CREATE TABLE customers (id integer PRIMARY KEY, name text); INSERT INTO customers VALUES (1, 'x')`), d.name);
    const error = await setupError({ target: parseDatabaseUrl(d.url), password: d.password });
    expect(error.reason).toEqual({ code: 'SHARED_DESK_NOT_A_DESK', database: d.name });
    const tables = await withAdmin(access, async (c) => (await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).rows.map((r) => r.table_name as string), d.name);
    expect(tables).toEqual(['customers']);
  });

  it('a desk written by a newer version: refused at login, nothing changed', async () => {
    const d = await database();
    const server = { target: parseDatabaseUrl(d.url), password: d.password };
    const rt = await openRuntime(dir(), { server });
    value(await rt.dispatch('desk.setup', { desk: DESK, supervisor: SUPERVISOR }));
    await rt.close();
    await withAdmin(access, (c) => c.query(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', 'now')`), d.name);
    const count = () => withAdmin(access, async (c) => Number((await c.query('SELECT count(*) AS n FROM audit_log')).rows[0].n), d.name);
    const before = await count();
    const again = await openRuntime(dir(), { server });
    try {
      const r = await again.dispatch('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'DESK_TOO_NEW', reason: { code: 'DESK_TOO_NEW', migrations: ['9999_future'] } });
    } finally {
      await again.close();
    }
    expect(await count()).toBe(before);
  });
});
