// Opening the one encrypted SQLite file: ChaCha20-Poly1305 (SQLite3MultipleCiphers) keyed with the raw
// 256-bit data key, so no second key stretching happens on every open. WAL with synchronous=FULL so a
// committed write survives a power cut; foreign keys on.
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema.ts';

export type RawDatabase = Database.Database;

export class DatabaseOpenError extends Error {
  readonly reason: 'wrong-key' | 'not-a-database' | 'io';
  constructor(reason: 'wrong-key' | 'not-a-database' | 'io', message: string) {
    super(message);
    this.name = 'DatabaseOpenError';
    this.reason = reason;
  }
}

/** A local desk's database: the encrypted SQLite file (kysely over its one better-sqlite3 connection). */
export interface OpenedDatabase {
  kind: 'sqlite';
  raw: RawDatabase;
  db: Kysely<DB>;
  close(): Promise<void>;
}

/** A shared desk's database on a PostgreSQL server (db/postgres.ts). */
export interface PostgresStore {
  kind: 'postgres';
  db: Kysely<DB>;
  /** The server and database, without user or password (for messages and `db check`). */
  target: { host: string; port: number; database: string; tls: boolean };
  close(): Promise<void>;
}

/** Either database a desk lives in; the core reaches both through `db` (kysely) only. */
export type DeskStore = OpenedDatabase | PostgresStore;

/** The SQLite handle of a local desk, for the few SQLite-only operations (re-key, cipher checks, tests). */
export function sqliteStore(store: DeskStore): OpenedDatabase {
  if (store.kind !== 'sqlite') throw new Error('this operation needs a local (SQLite) desk; this desk is on a PostgreSQL server');
  return store;
}

/**
 * The key as SQLite3MultipleCiphers takes it, `raw:<64 hex digits>` (the same bytes `PRAGMA key='raw:…'`
 * passes), written straight into a Buffer the caller zeroes after use: the data key never becomes a JS
 * string, which could not be wiped and would stay in the heap until the garbage collector reuses it.
 */
export function keyMaterial(dataKey: Buffer): Buffer {
  if (dataKey.length !== 32) throw new Error('the data key must be 32 bytes');
  const out = Buffer.alloc(4 + 64);
  out.write('raw:', 0, 'latin1');
  for (let i = 0; i < 32; i++) {
    out[4 + 2 * i] = HEX[dataKey[i]! >> 4]!;
    out[5 + 2 * i] = HEX[dataKey[i]! & 15]!;
  }
  return out;
}
const HEX = Buffer.from('0123456789abcdef', 'latin1');

/** Keys a connection (sqlite3_key) with the data key; nothing of the key is left in a string. */
export function applyKey(raw: RawDatabase, dataKey: Buffer, how: 'key' | 'rekey' = 'key'): void {
  const material = keyMaterial(dataKey);
  try {
    if (how === 'key') raw.key(material);
    else raw.rekey(material);
  } finally {
    material.fill(0);
  }
}

/** Opens (or, with create, creates) the encrypted database and proves the key by reading the schema. */
export function openRaw(path: string, dataKey: Buffer, options: { create?: boolean; readonly?: boolean } = {}): RawDatabase {
  let raw: RawDatabase;
  try {
    raw = new Database(path, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  } catch (e) {
    throw new DatabaseOpenError('io', `The case database ${path} cannot be opened: ${(e as Error).message}`);
  }
  try {
    raw.pragma(`cipher='chacha20'`);
    applyKey(raw, dataKey);
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    raw.close();
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new DatabaseOpenError('wrong-key', `The case database ${path} does not open with this key: the key is wrong, or the file is not a Privacy Desk database or is damaged.`);
    }
    throw new DatabaseOpenError('not-a-database', `The case database ${path} is damaged: ${(e as Error).message}`);
  }
  if (!options.readonly) {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Temporary tables and sort spills stay in memory: a temp file would not be encrypted.
  raw.pragma('temp_store = MEMORY');
  // Every page read from disk is decrypted first, so a page cache too small for a query's pages costs a
  // decrypt per page on every call: SQLite's default 2 MB held less than a common surname's hits (田中,
  // ~500 case rows scattered over the table at 30,000 cases) and that search ran 3.7× the plain copy's time.
  // 32 MB covers the queue's working set at 100,000 cases; it is memory, not disk, and only what is read.
  raw.pragma('cache_size = -32000');
  return raw;
}

/**
 * The connection as kysely sees it, keeping prepared statements by their SQL text. Kysely prepares every
 * query it runs, and on this schema preparing costs more than running a small indexed query (opening a
 * case file is ~10 of them), so statements are reused; past `size` the oldest is dropped (the desk runs a
 * few hundred distinct statements, so this rarely happens).
 * A statement still iterating (a streamed query) is never handed out twice; SQLite re-prepares a cached
 * statement by itself after a schema change.
 */
export function statementCache(raw: RawDatabase, size = 500): Pick<RawDatabase, 'prepare' | 'close'> {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(sql: string) {
      // A full disk (SQLITE_FULL) or an I/O error can make SQLite roll the transaction back by itself;
      // kysely's ROLLBACK would then fail ("no transaction is active") and hide the real error.
      if (sql === 'rollback' && !raw.inTransaction) sql = 'SELECT 0 WHERE 0';
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const stmt = raw.prepare(sql);
      if (!cached) {
        cache.set(sql, stmt);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
    close() {
      cache.clear();
      return raw.close();
    },
  } as Pick<RawDatabase, 'prepare' | 'close'>;
}

export function wrapKysely(raw: RawDatabase): OpenedDatabase {
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: statementCache(raw) }) });
  return {
    kind: 'sqlite',
    raw,
    db,
    async close() {
      await db.destroy(); // closes raw too, but only if kysely ever used the connection:
      if (raw.open) raw.close(); // a store opened and closed without a query would stay open (and keyed)
    },
  };
}

export function openDatabase(path: string, dataKey: Buffer, options: { create?: boolean } = {}): OpenedDatabase {
  return wrapKysely(openRaw(path, dataKey, options));
}
