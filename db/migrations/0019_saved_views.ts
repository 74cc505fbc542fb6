// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Views of one's own: a person saves the queue's filters under a name (per person); a supervisor can share
// one with the whole desk. `params` is the queue's address query (features/queue/queueParams.ts), read back
// through the same validation, so a stored view can never put the screen in a state the form could not.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('owner', 'text', (c) => c.notNull().references('accounts.username'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 60`))
    .addColumn('params', 'text', (c) => c.notNull().check(sql`length(params) <= 2000`))
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0).check(sql`shared in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_views_owner_name', ['owner', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('saved_views').execute();
}
