// The few places where SQLite and PostgreSQL need different SQL, in one file: the core writes every query
// through kysely and asks here for the fragments that differ (search, date/number functions, JSON lists,
// index hints, locks, counters). Which dialect a connection speaks is read from kysely's own adapter, so a
// transaction (a Kysely of its own) answers the same as the desk it came from.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function dialectOf(db: AnyDb): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export const isPostgres = (db: AnyDb): boolean => dialectOf(db) === 'postgres';

/** The position (1-based, 0 if absent) of `needle` in `haystack`: instr on SQLite, strpos on PostgreSQL. */
export function position(db: AnyDb, haystack: RawBuilder<unknown>, needle: string): RawBuilder<number> {
  return isPostgres(db) ? sql<number>`strpos(${haystack}, ${needle})` : sql<number>`instr(${haystack}, ${needle})`;
}

/** The larger of two numbers (SQLite's two-argument max(), PostgreSQL's greatest()). */
export function greatest(db: AnyDb, a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<number> {
  return isPostgres(db) ? sql<number>`GREATEST(${a}, ${b})` : sql<number>`MAX(${a}, ${b})`;
}

/**
 * A query planner hint that only SQLite takes (`INDEXED BY`): SQLite's planner needs it for the report's
 * candidate ranges; PostgreSQL's chooses the partial indexes on its own and has no such syntax.
 */
export function indexedBy(db: AnyDb, index: string): RawBuilder<unknown> {
  return isPostgres(db) ? sql`` : sql`INDEXED BY ${sql.id(index)}`;
}

/** A subquery listing the given integer ids (one bound parameter, however many ids). */
export function idList(db: AnyDb, ids: readonly number[]): RawBuilder<number> {
  const json = JSON.stringify(ids);
  return isPostgres(db)
    ? sql<number>`(SELECT value::integer FROM jsonb_array_elements_text(${json}::jsonb) AS value)`
    : sql<number>`(SELECT value FROM json_each(${json}))`;
}

/**
 * The highest number the table's id counter has handed out (SQLite: sqlite_sequence; PostgreSQL: the
 * identity column's sequence), or 0. Audit verification compares it with the last row: a cut end shows.
 */
export async function idCounter(db: AnyDb, table: string, column: string): Promise<number> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ last: string | number | null }>`
      SELECT CASE WHEN s.is_called THEN s.last_value ELSE 0 END AS last
      FROM (SELECT last_value, is_called FROM ${sql.raw(await sequenceOf(db, table, column))}) s`.execute(db);
    return Number(rows[0]?.last ?? 0);
  }
  const { rows } = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = ${table}`.execute(db);
  return rows[0]?.seq ?? 0;
}

async function sequenceOf(db: AnyDb, table: string, column: string): Promise<string> {
  const { rows } = await sql<{ s: string | null }>`SELECT pg_get_serial_sequence(${table}, ${column}) AS s`.execute(db);
  const s = rows[0]?.s;
  if (!s) throw new Error(`no sequence behind ${table}.${column}`);
  return s;
}

/**
 * Serialises writers of one kind across every process on the server for the rest of the transaction
 * (PostgreSQL: a transaction-level advisory lock, released at commit or rollback). SQLite needs nothing:
 * a write transaction already holds the one database lock.
 */
export async function lockForTransaction(db: AnyDb, what: 'audit' | 'reference' | 'imap'): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`SELECT pg_advisory_xact_lock(${ADVISORY_KEYS[what]})`.execute(db);
}

/** Fixed keys of the desk's advisory locks (one database per desk: no other application shares them). */
export const ADVISORY_KEYS = { audit: 170_001, reference: 170_002, imap: 170_003 } as const;

/**
 * The session-level advisory lock the IMAP fetcher holds while it fetches (one PC fetches at a time);
 * true when this connection got it. SQLite desks have one process per data folder: always true.
 */
export async function tryLockSession(db: AnyDb, what: 'imap'): Promise<boolean> {
  if (!isPostgres(db)) return true;
  const { rows } = await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(${ADVISORY_KEYS[what]}) AS ok`.execute(db);
  return rows[0]?.ok === true;
}

export async function unlockSession(db: AnyDb, what: 'imap'): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`SELECT pg_advisory_unlock(${ADVISORY_KEYS[what]})`.execute(db);
}

/**
 * Before removing personal data: SQLite zeroes what a DELETE or UPDATE frees (secure_delete) from now on,
 * on this connection. PostgreSQL has no such setting; old row versions stay until its vacuum reclaims them
 * (README "Data at rest" says so for a shared desk).
 */
export async function eraseDeletedContent(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  await sql`PRAGMA secure_delete = ON`.execute(db);
}

/** After removing personal data: no copy of an old page left beside the file (SQLite's WAL truncated). */
export async function flushDeletedContent(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}

/**
 * The audit log's row counter, which verification compares with the last row (a cut-off end shows):
 * SQLite's sqlite_sequence; on PostgreSQL the audit_counter row (PostgreSQL migration 0009), written in the appending
 * transaction — an identity sequence is not transactional, so a rolled-back append would leave it ahead.
 */
export async function auditCounter(db: AnyDb): Promise<number> {
  if (!isPostgres(db)) return idCounter(db, 'audit_log', 'seq');
  const { rows } = await sql<{ seq: number }>`SELECT seq FROM audit_counter WHERE id = 1`.execute(db);
  return Number(rows[0]?.seq ?? 0);
}

/** After appending audit row `seq` (inside its transaction): SQLite's AUTOINCREMENT counts by itself. */
export async function advanceAuditCounter(db: AnyDb, seq: number): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`INSERT INTO audit_counter (id, seq) VALUES (1, ${seq}) ON CONFLICT (id) DO UPDATE SET seq = GREATEST(audit_counter.seq, EXCLUDED.seq)`.execute(db);
  // The identity sequence too, so a row inserted without an explicit seq could never reuse a number.
  await advanceIdCounter(db, 'audit_log', 'seq', seq);
}

/**
 * After inserting an explicit id (the audit log numbers its rows itself): move the counter up to it.
 * SQLite's AUTOINCREMENT does this by itself; a PostgreSQL identity sequence does not.
 */
export async function advanceIdCounter(db: AnyDb, table: string, column: string, value: number): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`SELECT setval(${await sequenceOf(db, table, column)}::regclass, ${value})`.execute(db);
}
