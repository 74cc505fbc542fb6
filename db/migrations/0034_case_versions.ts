// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Several PCs on one shared desk may act on the same case at once: each case carries a version, raised by
// every change, and who made the last one. A change made from an older version is refused with who changed
// it and when (CASE_CHANGED), never written over it. Local desks get the same column (one code base).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('cases').addColumn('updated_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('updated_by').execute();
  await db.schema.alterTable('cases').dropColumn('version').execute();
}
