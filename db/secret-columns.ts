// The secrets the desk keeps in its tables: the desk's system audit signing key and the SMTP and IMAP
// passwords. A local desk's SQLite file is encrypted whole with the data key, so they are stored as they
// are. A shared desk's PostgreSQL database is not encrypted by the desk (the server's storage is what
// protects it), so there each one is sealed with the data key — AES-256-GCM under a key derived from the
// data key for this use alone, the column's name as associated data (a value moved to another column
// does not open) — and whoever administers the server reads none of them.
// An empty value stays empty: it means "no password set", which the settings screens show.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export type SecretColumn = 'audit_keys.private_key' | 'mail_settings.password' | 'mailbox_settings.password';

/** Thrown when a sealed value does not open with this desk's key (altered on the server, or written by someone else). */
export class SecretColumnError extends Error {
  readonly column: SecretColumn;
  constructor(column: SecretColumn) {
    super(`${column} does not open with this desk's key`);
    this.name = 'SecretColumnError';
    this.column = column;
  }
}

const PREFIX = 'pd1:';

// Per open shared desk (kysely's adapter: one per desk, shared by its transactions), the column key.
const keys = new WeakMap<object, Buffer>();
const adapterOf = (db: AnyDb): object => db.getExecutor().adapter;

/** The key that seals a shared desk's secret columns, derived from its data key (never the data key itself). */
export function columnKeyOf(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'privacy-desk shared-desk secret columns v1', 32));
}

/** From unlock (or set-up) on: this shared desk's secret columns are sealed and opened with this data key. */
export function useDataKeyForColumns(db: AnyDb, dataKey: Buffer): void {
  if (!isPostgres(db)) return;
  keys.get(adapterOf(db))?.fill(0);
  keys.set(adapterOf(db), columnKeyOf(dataKey));
}

/** At lock: the column key is forgotten with the data key. */
export function forgetColumnKey(db: AnyDb): void {
  keys.get(adapterOf(db))?.fill(0);
  keys.delete(adapterOf(db));
}

function keyFor(db: AnyDb): Buffer {
  const key = keys.get(adapterOf(db));
  if (!key) throw new Error('the shared desk is not unlocked: its secret columns have no key');
  return key;
}

/** Seals `plain` with a given column key (a re-key writes under the new key before it takes effect). */
export function sealWith(key: Buffer, column: SecretColumn, plain: string): string {
  if (plain === '') return '';
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(column, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
}

function openWith(key: Buffer, column: SecretColumn, stored: string): string {
  if (stored === '') return '';
  if (!stored.startsWith(PREFIX)) throw new SecretColumnError(column);
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
  if (raw.length < 12 + 16) throw new SecretColumnError(column);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(column, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretColumnError(column);
  }
}

/** What to store for a secret: as it is on a local desk, sealed on a shared desk. */
export function sealColumn(db: AnyDb, column: SecretColumn, plain: string): string {
  return isPostgres(db) ? sealWith(keyFor(db), column, plain) : plain;
}

/** The secret a stored value holds (a shared desk's value opened with its key; a value that does not open is refused). */
export function openColumn(db: AnyDb, column: SecretColumn, stored: string): string {
  return isPostgres(db) ? openWith(keyFor(db), column, stored) : stored;
}

/**
 * A shared desk's re-key: every secret column re-sealed under the new data key, in the caller's transaction
 * (the new key takes effect with useDataKeyForColumns once it commits).
 */
export async function resealColumns(trx: AnyDb, newDataKey: Buffer): Promise<void> {
  if (!isPostgres(trx)) return;
  const next = columnKeyOf(newDataKey);
  try {
    const system = await trx.selectFrom('audit_keys').select(['principal', 'private_key']).execute();
    for (const r of system) {
      const plain = openColumn(trx, 'audit_keys.private_key', r.private_key as string);
      await trx.updateTable('audit_keys').set({ private_key: sealWith(next, 'audit_keys.private_key', plain) }).where('principal', '=', r.principal).execute();
    }
    for (const table of ['mail_settings', 'mailbox_settings'] as const) {
      const column: SecretColumn = `${table}.password`;
      const row = await trx.selectFrom(table).select('password').where('id', '=', 1).executeTakeFirst();
      if (!row) continue;
      const plain = openColumn(trx, column, row.password as string);
      await trx.updateTable(table).set({ password: sealWith(next, column, plain) }).where('id', '=', 1).execute();
    }
  } finally {
    next.fill(0);
  }
}
