// The signing keys of the people logged in on this connection, in a TEMP table: it lives in the
// connection's memory only (SQLite: temp_store=MEMORY; PostgreSQL: the session's temp schema, dropped when
// the connection ends) and is seen by no other connection. Audit appends read it to sign as that person.
// A shared desk's pool may replace its connection (the server restarted): the keys are also kept beside
// the pool (db/postgres.ts) and put back into a new connection's table the first time it is asked.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';
import { connectionSigners } from './postgres.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function putSigner(db: AnyDb, username: string, privateKeyDer: Buffer): Promise<void> {
  if (isPostgres(db)) {
    await writePgSigner(db, username, privateKeyDer);
    // Also kept for the next connection: a server restart or network cut ends this one and its TEMP table.
    const kept = connectionSigners(db);
    if (kept) {
      kept.get(username)?.fill(0);
      kept.set(username, Buffer.from(privateKeyDer));
    }
    return;
  }
  await sql`CREATE TEMP TABLE IF NOT EXISTS audit_signer (username TEXT PRIMARY KEY, private_key BLOB NOT NULL)`.execute(db);
  await sql`INSERT OR REPLACE INTO temp.audit_signer (username, private_key) VALUES (${username}, ${privateKeyDer})`.execute(db);
}

async function writePgSigner(db: AnyDb, username: string, privateKeyDer: Buffer): Promise<void> {
  await sql`CREATE TEMP TABLE IF NOT EXISTS audit_signer (username text PRIMARY KEY, private_key bytea NOT NULL)`.execute(db);
  await sql`INSERT INTO pg_temp.audit_signer (username, private_key) VALUES (${username}, ${privateKeyDer})
    ON CONFLICT (username) DO UPDATE SET private_key = excluded.private_key`.execute(db);
}

export async function getSigner(db: AnyDb, username: string): Promise<Buffer | null> {
  if (isPostgres(db)) {
    // Asked first rather than caught: a failed statement would abort the surrounding transaction.
    const exists = await sql<{ t: string | null }>`SELECT to_regclass('pg_temp.audit_signer')::text AS t`.execute(db);
    if (!exists.rows[0]?.t) {
      // A new connection (the server restarted or the network was cut since the login): its TEMP table
      // is gone. The keys of the people logged in are put back, so their rows are signed as before.
      const kept = connectionSigners(db);
      if (!kept?.size) return null;
      for (const [name, key] of kept) await writePgSigner(db, name, key);
    }
    const r = await sql<{ private_key: Buffer }>`SELECT private_key FROM pg_temp.audit_signer WHERE username = ${username}`.execute(db);
    return r.rows[0]?.private_key ?? null;
  }
  try {
    const r = await sql<{ private_key: Buffer }>`SELECT private_key FROM temp.audit_signer WHERE username = ${username}`.execute(db);
    return r.rows[0]?.private_key ?? null;
  } catch (e) {
    if (/no such table/.test((e as Error).message)) return null;
    throw e;
  }
}

export async function dropSigners(db: AnyDb): Promise<void> {
  const kept = isPostgres(db) ? connectionSigners(db) : undefined;
  for (const key of kept?.values() ?? []) key.fill(0);
  kept?.clear();
  await sql.raw(isPostgres(db) ? 'DROP TABLE IF EXISTS pg_temp.audit_signer' : 'DROP TABLE IF EXISTS temp.audit_signer').execute(db);
}
