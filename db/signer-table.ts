// The signing keys of the people logged in on this connection, in a TEMP table: it lives in the
// connection's memory only (SQLite: temp_store=MEMORY; PostgreSQL: the session's temp schema, dropped when
// the connection ends) and is seen by no other connection. Audit appends read it to sign as that person.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function putSigner(db: AnyDb, username: string, privateKeyDer: Buffer): Promise<void> {
  if (isPostgres(db)) {
    await sql`CREATE TEMP TABLE IF NOT EXISTS audit_signer (username text PRIMARY KEY, private_key bytea NOT NULL)`.execute(db);
    await sql`INSERT INTO pg_temp.audit_signer (username, private_key) VALUES (${username}, ${privateKeyDer})
      ON CONFLICT (username) DO UPDATE SET private_key = excluded.private_key`.execute(db);
    return;
  }
  await sql`CREATE TEMP TABLE IF NOT EXISTS audit_signer (username TEXT PRIMARY KEY, private_key BLOB NOT NULL)`.execute(db);
  await sql`INSERT OR REPLACE INTO temp.audit_signer (username, private_key) VALUES (${username}, ${privateKeyDer})`.execute(db);
}

export async function getSigner(db: AnyDb, username: string): Promise<Buffer | null> {
  if (isPostgres(db)) {
    // Asked first rather than caught: a failed statement would abort the surrounding transaction.
    const exists = await sql<{ t: string | null }>`SELECT to_regclass('pg_temp.audit_signer')::text AS t`.execute(db);
    if (!exists.rows[0]?.t) return null;
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
  await sql.raw(isPostgres(db) ? 'DROP TABLE IF EXISTS pg_temp.audit_signer' : 'DROP TABLE IF EXISTS temp.audit_signer').execute(db);
}
