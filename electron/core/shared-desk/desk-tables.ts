// A desk's tables, copied whole from one database to another of either dialect (SQLite ↔ PostgreSQL) and
// compared afterwards: what `desk move-to-server` (a local desk onto a server) and a shared desk's backup
// (a server's desk into the encrypted SQLite file of a .pdbackup) are made of. Both schemas are the same
// table for table and column for column (the schema-parity test holds them to it); only the search
// indexes differ by dialect, so they are not copied but rebuilt from the cases on the target. Row values
// come back from both drivers as the same JS types (text → string, integer → number, blob/bytea →
// Buffer), so a row reads the same on both sides and its digest can be compared.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { advanceAuditCounter, isPostgres } from '../../../db/dialect.ts';
import { refreshSearch } from '../cases/records.ts';
import { DeskError } from '../errors.ts';
import { openColumn, sealColumn, SecretColumnError, type SecretColumn } from '../../../db/secret-columns.ts';

type Db = Kysely<DB> | Transaction<DB>;
type Row = Record<string, unknown>;

/**
 * Not copied: each dialect's own bookkeeping (migrations, SQLite's internals), the search indexes (FTS5
 * on SQLite, pg_trgm on PostgreSQL: rebuilt from the cases) and a shared desk's key slots (keyslots.json
 * on a local desk: the caller moves them), and PostgreSQL's audit counter (set from the copied rows).
 */
const NOT_COPIED = /^(kysely_migration|sqlite_|case_search|desk_key_slots$|audit_counter$)/;

/**
 * Parents before children (foreign keys are checked as rows go in). A table this list does not know yet
 * (added by a later migration) is copied after these, in name order.
 */
const PARENTS_FIRST = [
  'accounts',
  'settings',
  'audit_keys',
  'audit_log',
  'desk_days',
  'imported_holidays',
  'cases',
  'case_events',
  'identity_checks',
  'fee_entries',
  'case_notes',
  'notices',
  'outbox',
  'mail_settings',
  'inbox_messages',
  'inbox_attachments',
  'mailbox_settings',
  'mailbox_state',
  'outbox_bounces',
  'saved_views',
];

/**
 * The secrets kept in tables (db/secret-columns.ts): as they are inside a local desk's encrypted file,
 * sealed with the data key on a server. A copy opens each on its way out and seals it for where it goes;
 * both sides' column keys must be in use (useDataKeyForColumns) for a server side.
 */
const SECRETS: Record<string, Record<string, SecretColumn>> = {
  audit_keys: { private_key: 'audit_keys.private_key' },
  mail_settings: { password: 'mail_settings.password' },
  mailbox_settings: { password: 'mailbox_settings.password' },
};

/** The row with its secrets opened (`db`: where it was read) — or sealed for `db` (where it goes). */
function secrets(db: Db, table: string, row: Row, how: 'open' | 'seal'): Row {
  const columns = SECRETS[table];
  if (!columns) return row;
  const out = { ...row };
  for (const [c, column] of Object.entries(columns)) {
    const v = out[c];
    if (typeof v !== 'string') continue;
    try {
      out[c] = how === 'open' ? openColumn(db, column, v) : sealColumn(db, column, v);
    } catch (e) {
      if (e instanceof SecretColumnError) throw new DeskError({ code: 'SHARED_DESK_SECRET_UNREADABLE', column: e.column });
      throw e;
    }
  }
  return out;
}

/** The column read in pages (keyset) for a big table; tables without one are small and read at once. */
const pageKey = (columns: readonly string[]): string | null => (columns.includes('id') ? 'id' : columns.includes('seq') ? 'seq' : null);
const PAGE = 500;

export interface DeskTable {
  name: string;
  columns: string[];
}

/** The desk's tables that are copied, in copy order, each with its columns. */
export async function deskTables(db: Db): Promise<DeskTable[]> {
  const names = isPostgres(db)
    ? (await sql<{ name: string }>`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`.execute(db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db)).rows.map((r) => r.name);
  const copied = names.filter((n) => !NOT_COPIED.test(n));
  const rank = (n: string) => (PARENTS_FIRST.includes(n) ? PARENTS_FIRST.indexOf(n) : PARENTS_FIRST.length);
  copied.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: DeskTable[] = [];
  for (const name of copied) out.push({ name, columns: await columnsOf(db, name) });
  return out;
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table}) ORDER BY cid`.execute(db);
  return rows.map((r) => r.name);
}

/** Every row of a table, in pages, handed to `each` (the source's transaction gives one consistent view). */
async function forEachPage(db: Db, t: DeskTable, each: (rows: Row[]) => Promise<void>): Promise<void> {
  const cols = sql.join(t.columns.map((c) => sql.ref(c)));
  const key = pageKey(t.columns);
  if (!key) {
    const { rows } = await sql<Row>`SELECT ${cols} FROM ${sql.table(t.name)}`.execute(db);
    if (rows.length) await each(rows);
    return;
  }
  let after: unknown = null;
  for (;;) {
    const where = after === null ? sql`` : sql`WHERE ${sql.ref(key)} > ${after}`;
    const { rows } = await sql<Row>`SELECT ${cols} FROM ${sql.table(t.name)} ${where} ORDER BY ${sql.ref(key)} LIMIT ${PAGE}`.execute(db);
    if (rows.length === 0) return;
    await each(rows);
    after = rows[rows.length - 1]![key];
    if (rows.length < PAGE) return;
  }
}

async function insertRows(db: Db, t: DeskTable, rows: Row[]): Promise<void> {
  // Under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
  const perStatement = Math.max(1, Math.min(PAGE, Math.floor(30_000 / t.columns.length)));
  const cols = sql.join(t.columns.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows.slice(i, i + perStatement).map((r) => sql`(${sql.join(t.columns.map((c) => r[c] ?? null))})`);
    await sql`INSERT INTO ${sql.table(t.name)} (${cols}) VALUES ${sql.join(values)}`.execute(db);
  }
}

export interface CopyReport {
  /** Rows copied per table. */
  rows: Record<string, number>;
}

/**
 * Copies every desk table from `from` into `to` (both inside the caller's transactions: the source's gives
 * one consistent snapshot, the target's makes the copy all or nothing). The target must hold the desk's
 * schema with the same columns and no rows (its migrations' seed rows are cleared first); the id counters
 * are carried over and the search indexes rebuilt.
 */
export async function copyDeskTables(from: Db, to: Db): Promise<CopyReport> {
  const source = await deskTables(from);
  const target = new Map((await deskTables(to)).map((t) => [t.name, t]));
  for (const t of source) {
    const there = target.get(t.name);
    if (!there) throw new DeskError({ code: 'SHARED_DESK_COPY_MISMATCH', table: t.name, problem: 'table_missing' });
    if ([...t.columns].sort().join() !== [...there.columns].sort().join()) throw new DeskError({ code: 'SHARED_DESK_COPY_MISMATCH', table: t.name, problem: 'columns' });
  }
  // Rows a migration seeds (settings defaults, …) would collide with the copied ones: children first.
  for (const t of [...source].reverse()) {
    if (t.name === 'audit_log') {
      const any = await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`.execute(to);
      if (Number(any.rows[0]?.n ?? 0) > 0) throw new DeskError({ code: 'SHARED_DESK_COPY_MISMATCH', table: 'audit_log', problem: 'target_not_empty' });
      continue; // append-only: its triggers refuse a DELETE even of nothing
    }
    await sql`DELETE FROM ${sql.table(t.name)}`.execute(to);
  }
  const rows: Record<string, number> = {};
  for (const t of source) {
    rows[t.name] = 0;
    await forEachPage(from, t, async (page) => {
      await insertRows(to, t, page.map((r) => secrets(to, t.name, secrets(from, t.name, r, 'open'), 'seal')));
      rows[t.name]! += page.length;
    });
  }
  await carryCounters(from, to, source);
  const cases = await sql<{ id: number }>`SELECT id FROM cases ORDER BY id`.execute(to);
  for (const { id } of cases.rows) await refreshSearch(to, id);
  return { rows };
}

/** The identity counters (SQLite's sqlite_sequence, PostgreSQL's identity sequences), never behind the source's. */
async function carryCounters(from: Db, to: Db, tables: DeskTable[]): Promise<void> {
  for (const t of tables) {
    const key = pageKey(t.columns);
    if (!key) continue;
    const counter = Math.max(await counterOf(from, t.name), Number((await sql<{ m: number | null }>`SELECT max(${sql.ref(key)}) AS m FROM ${sql.table(t.name)}`.execute(from)).rows[0]?.m ?? 0));
    if (counter === 0) continue;
    if (isPostgres(to) && t.name === 'audit_log') await advanceAuditCounter(to, counter);
    else if (isPostgres(to)) {
      const seq = (await sql<{ s: string | null }>`SELECT pg_get_serial_sequence(${t.name}, ${key}) AS s`.execute(to)).rows[0]?.s;
      if (seq) await sql`SELECT setval(${seq}::regclass, ${counter})`.execute(to);
    } else if ((await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_sequence'`.execute(to)).rows[0]?.n) {
      // Only AUTOINCREMENT tables have a row here (inserting their ids made it); others keep none.
      await sql`UPDATE sqlite_sequence SET seq = ${counter} WHERE name = ${t.name} AND seq < ${counter}`.execute(to);
    }
  }
}

/**
 * The source's own counter. SQLite's sqlite_sequence is read in the source's transaction like any table;
 * a PostgreSQL sequence is not: it shows values handed out after the snapshot began (a colleague's row
 * appended meanwhile), which would make the copy's audit counter run ahead of its last row. So from a
 * server the highest copied id is the counter.
 */
async function counterOf(db: Db, table: string): Promise<number> {
  if (isPostgres(db)) return 0;
  const has = (await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_sequence'`.execute(db)).rows[0]?.n;
  if (!has) return 0;
  const { rows } = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = ${table}`.execute(db);
  return Number(rows[0]?.seq ?? 0);
}

/** A row's value in one spelling whichever database it came from. */
const canonical = (v: unknown): unknown => (Buffer.isBuffer(v) ? `bytes:${v.toString('base64')}` : v instanceof Uint8Array ? `bytes:${Buffer.from(v).toString('base64')}` : v ?? null);

/**
 * Per table: the row count and a digest of its rows independent of their order and of the column order
 * (each row hashed by column name, the row hashes sorted): equal digests on source and target mean the
 * same rows, whatever each database's collation sorts first.
 */
export async function tableDigests(db: Db): Promise<Record<string, { rows: number; sha256: string }>> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const t of await deskTables(db)) {
    const names = [...t.columns].sort();
    const hashes: string[] = [];
    await forEachPage(db, t, async (page) => {
      for (const row of page) {
        const r = secrets(db, t.name, row, 'open'); // a sealed value differs each time it is sealed; the secret does not
        hashes.push(createHash('sha256').update(JSON.stringify(names.map((c) => [c, canonical(r[c])]))).digest('hex'));
      }
    });
    hashes.sort();
    out[t.name] = { rows: hashes.length, sha256: createHash('sha256').update(hashes.join('\n')).digest('hex') };
  }
  return out;
}

/** The first table whose rows differ between the two digests, or null when they all match. */
export function firstDifference(a: Record<string, { rows: number; sha256: string }>, b: Record<string, { rows: number; sha256: string }>): string | null {
  for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (a[name]?.sha256 !== b[name]?.sha256 || a[name]?.rows !== b[name]?.rows) return name;
  }
  return null;
}
