// The PostgreSQL half of `npm run bench -- queue --database-url URL|temp`: the same made-up desk as the
// SQLite half (big-desk.ts), put into a shared desk's schema on a server, and the core's queue calls timed
// there against exactly the SQL they ran, replayed raw on the same server.
//
//   URL    an EMPTY database the bench may fill (it refuses one holding tables: it never writes into a
//          desk); the password from PRIVACY_DESK_DATABASE_PASSWORD. The made-up desk is left in it: drop the
//          database afterwards.
//   temp   a throwaway cluster started for the run (test/support/postgres.ts: Debian's postgresql package,
//          initdb into a temp folder, 127.0.0.1 on a free port), stopped and removed at the end — what CI
//          machines, which have no server, use.
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PostgresStore, RawDatabase } from '../../db/open.ts';
import { openPostgres, parseDatabaseUrl, poolConfig, type DatabaseTarget } from '../../db/postgres.ts';
import { bigrams } from '../../db/search.ts';
import { databaseState, migrateShared } from '../../electron/core/vault/shared-desk.ts';
import { deskTables } from '../../electron/core/shared-desk/desk-tables.ts';
import { freshDatabase, startPostgres, type PostgresCluster } from '../../test/support/postgres.ts';

export interface BenchServer {
  target: DatabaseTarget;
  password: string;
  /** How the figures should name it: "temporary cluster (PostgreSQL 15.x)" or the URL. */
  label: string;
  /** Stops what the bench started (nothing for a server it was given). */
  done(): Promise<void>;
}

/** The server `--database-url` names: `temp` starts one for this run. */
export async function benchServer(url: string): Promise<BenchServer> {
  if (url === 'temp') {
    const cluster: PostgresCluster = await startPostgres();
    try {
      const db = await freshDatabase(cluster, 'pd_bench');
      return { target: parseDatabaseUrl(db.url), password: db.password, label: 'temporary cluster', done: () => cluster.stop() };
    } catch (e) {
      await cluster.stop();
      throw e;
    }
  }
  const password = process.env.PRIVACY_DESK_DATABASE_PASSWORD ?? '';
  if (!password) throw new Error('--database-url: set PRIVACY_DESK_DATABASE_PASSWORD to the database password (or use --database-url temp)');
  return { target: parseDatabaseUrl(url), password, label: url, done: async () => undefined };
}

/** The Buffer columns as PostgreSQL's bytea text form, so a row can travel as JSON. */
const jsonValue = (v: unknown) => (Buffer.isBuffer(v) ? `\\x${v.toString('hex')}` : v);

/**
 * Makes the shared desk's schema on the empty database and fills it with every table of the SQLite desk
 * (but the audit log and its keys: nothing the queue or a case file reads) and the search indexes the
 * PostgreSQL way (the same bodies; bigram rows from db/search.ts's bigrams, as writeSearchRows makes them).
 * In bulk (json_populate_recordset / unnest), not row by row: it is 100,000 cases and millions of bigrams.
 */
export async function fillServer(server: BenchServer, raw: RawDatabase): Promise<PostgresStore> {
  const store = await openPostgres(server.target, server.password);
  try {
    const state = await databaseState(store);
    if (state !== 'empty') throw new Error(`--database-url: the database ${server.target.database} is not empty (${state}); the bench fills only an empty one`);
    await migrateShared(store);
    const db = store.db;
    const tables = (await deskTables(db)).filter((t) => t.name !== 'audit_log' && t.name !== 'audit_keys');
    await db.transaction().execute(async (trx) => {
      for (const t of [...tables].reverse()) await sql`DELETE FROM ${sql.table(t.name)}`.execute(trx); // the migrations' seed rows
      for (const t of tables) {
        const cols = sql.join(t.columns.map((c) => sql.ref(c)));
        const stmt = raw.prepare(`SELECT ${t.columns.map((c) => `"${c}"`).join(', ')} FROM "${t.name}"`);
        let batch: Record<string, unknown>[] = [];
        const flush = async () => {
          if (!batch.length) return;
          const json = JSON.stringify(batch.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsonValue(v)]))));
          await sql`INSERT INTO ${sql.table(t.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${sql.table(t.name)}, ${json}::json)`.execute(trx);
          batch = [];
        };
        for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
          batch.push(row);
          if (batch.length === 5000) await flush();
        }
        await flush();
        const key = t.columns.includes('id') ? 'id' : t.columns.includes('seq') ? 'seq' : null;
        if (key) {
          const seq = (await sql<{ s: string | null }>`SELECT pg_get_serial_sequence(${t.name}, ${key}) AS s`.execute(trx)).rows[0]?.s;
          if (seq) await sql`SELECT setval(${seq}::regclass, greatest(1, (SELECT max(${sql.ref(key)}) FROM ${sql.table(t.name)})))`.execute(trx);
        }
      }
      let ids: number[] = [];
      let bodies: string[] = [];
      let gramIds: number[] = [];
      let grams: string[] = [];
      const flushSearch = async () => {
        if (ids.length) await sql`INSERT INTO case_search (rowid, body) SELECT * FROM unnest(${ids}::int[], ${bodies}::text[])`.execute(trx);
        if (grams.length) await sql`INSERT INTO case_search_bigram (gram, rowid) SELECT * FROM unnest(${grams}::text[], ${gramIds}::int[])`.execute(trx);
        ids = [];
        bodies = [];
        gramIds = [];
        grams = [];
      };
      for (const r of raw.prepare(`SELECT rowid, body FROM case_search`).iterate() as Iterable<{ rowid: number; body: string }>) {
        ids.push(r.rowid);
        bodies.push(r.body);
        for (const g of bigrams(r.body)) {
          grams.push(g);
          gramIds.push(r.rowid);
        }
        if (grams.length > 200_000) await flushSearch();
      }
      await flushSearch();
    });
    // What autovacuum does on a server soon after a bulk load (PostgreSQL 13+ vacuums after inserts too): the
    // planner's statistics, and the visibility map that lets a count read an index without the table.
    await sql`VACUUM ANALYZE`.execute(db);
    return store;
  } catch (e) {
    await store.close();
    throw e;
  }
}

export type Captured = Array<{ sql: string; params: readonly unknown[] }>;

/**
 * A second kysely over its own connection to the same database whose log records every statement it
 * executes, with its parameters: exactly the SQL the core runs for a call. `run` runs `work` once and
 * returns what it sent.
 */
export async function pgCapturer(server: BenchServer): Promise<{ run(work: (db: Kysely<DB>) => Promise<unknown>): Promise<Captured>; close(): Promise<void> }> {
  let out: Captured = [];
  const pool = new pg.Pool(poolConfig(server.target, server.password, pg));
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level === 'query') out.push({ sql: event.query.sql, params: event.query.parameters });
    },
  });
  return {
    async run(work) {
      out = [];
      await work(db);
      return out;
    },
    close: () => db.destroy(),
  };
}

/**
 * The baseline: one plain node-postgres client on its own connection sending each captured statement as
 * it is, with its parameters (the same extended-protocol query the core's driver sends), one after the
 * other — no query builder, no pool, no core work on the rows.
 */
export async function pgReplayer(server: BenchServer): Promise<{ replay(statements: Captured): Promise<void>; explain(statements: Captured): Promise<string[]>; close(): Promise<void> }> {
  const client = new pg.Client(poolConfig(server.target, server.password, pg));
  await client.connect();
  return {
    async replay(statements) {
      for (const { sql: text, params } of statements) await client.query(text, params as unknown[]);
    },
    async explain(statements) {
      const lines: string[] = [];
      for (const { sql: text, params } of statements) {
        lines.push(`  ${text.length > 160 ? `${text.slice(0, 100)} … ${text.slice(-56)}` : text}`);
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params as unknown[]);
        for (const r of rows) lines.push(`      ${r['QUERY PLAN']}`);
      }
      return lines;
    },
    close: () => client.end(),
  };
}
