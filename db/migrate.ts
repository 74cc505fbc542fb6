// Brings a database up to this version's schema, and refuses one written by a newer version: a desk
// must never run old code over a schema it does not know.
import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { migrations } from './migrations/index.ts';
import { postgresMigrations } from './migrations-postgres/index.ts';
import { dialectOf } from './dialect.ts';

/** Any desk database (its table types do not matter to the migrator), as db/dialect.ts takes it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const SCHEMA_VERSION = Object.keys(migrations).length;

/** The migrations of this connection's dialect: db/migrations (SQLite) or db/migrations-postgres. */
export const migrationsFor = (db: AnyDb): Record<string, Migration> => (dialectOf(db) === 'postgres' ? postgresMigrations : migrations);

export class SchemaTooNewError extends Error {
  readonly unknown: string[];
  constructor(unknown: string[]) {
    super(
      `This desk's database was written by a newer version of Privacy Desk (it has ${unknown.length} change(s) this version does not know: ${unknown.join(', ')}). Install the newer version; nothing was changed.`,
    );
    this.name = 'SchemaTooNewError';
    this.unknown = unknown;
  }
}

export async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const rows = await (db as Kysely<{ kysely_migration: { name: string } }>)
    .selectFrom('kysely_migration')
    .select('name')
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

export async function migrateToLatest(db: AnyDb): Promise<void> {
  const list = migrationsFor(db);
  const known = new Set(Object.keys(list));
  const unknown = (await appliedMigrations(db)).filter((n) => !known.has(n));
  if (unknown.length > 0) throw new SchemaTooNewError(unknown);
  const { error, results } = await new Migrator({ db, provider: { getMigrations: async () => list } }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const wrapped = new Error(`Database migration ${failed} failed: ${(error as Error).message}`, { cause: error });
    // Keep SQLite's code (SQLITE_CORRUPT, SQLITE_NOTADB, …): callers tell a damaged database by it.
    const code = (error as { code?: unknown }).code;
    throw typeof code === 'string' ? Object.assign(wrapped, { code }) : wrapped;
  }
}
