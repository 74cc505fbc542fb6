// FROZEN: shipped migrations are never edited. A change is a new migration file.
// National holidays imported from the Cabinet Office's list (syukujitsu.csv; issue 11 item 8). For every
// year that has rows here the desk uses these days instead of its built-in data; the years without rows
// keep the built-in data. One row per holiday, the name as the Cabinet Office wrote it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imported_holidays')
    .addColumn('date', 'text', (c) => c.primaryKey().check(sql`date glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100 and year = cast(substr(date, 1, 4) as integer)`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 60`))
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('imported_holidays_year').on('imported_holidays').column('year').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('imported_holidays').execute();
}
