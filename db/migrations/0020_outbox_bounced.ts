// FROZEN: shipped migrations are never edited. A change is a new migration file.
// An outbox message the member's mail server sent back is `bounced` (issue 10), no longer `failed`: a
// failure is the desk's own try that did not get through (retry helps), a bounce is a notice the server
// took and the member's server refused (the notice is owed again, by letter). SQLite cannot widen a CHECK
// in place, so the table is rebuilt (SQLite's documented 12-step way: foreign keys off, copy, rename,
// indexes again, foreign_key_check) from its own current definition, so every column added since is kept.
// Messages a bounce had turned `failed` (they have an outbox_bounces row) become `bounced`.
import { sql, type Kysely } from 'kysely';

const NARROW = `'failed', 'cancelled')`;
const WIDE = `'failed', 'bounced', 'cancelled')`;

async function rebuild(db: Kysely<unknown>, from: string, to: string, before: (db: Kysely<unknown>) => Promise<void>): Promise<void> {
  const table = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'`.execute(db);
  const ddl = table.rows[0]?.sql ?? '';
  const renamed = ddl.replace(/^CREATE TABLE\s+"?outbox"?/, 'CREATE TABLE "outbox_rebuilt"');
  if (renamed === ddl || !renamed.includes(from)) throw new Error(`0020_outbox_bounced: the outbox table is not as expected: ${ddl.slice(0, 200)}`);
  const indexes = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL`.execute(db);
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      await before(db);
      await sql.raw(renamed.replace(from, to)).execute(db);
      await sql`INSERT INTO outbox_rebuilt SELECT * FROM outbox`.execute(db);
      await sql`DROP TABLE outbox`.execute(db);
      await sql`ALTER TABLE outbox_rebuilt RENAME TO outbox`.execute(db);
      for (const i of indexes.rows) await sql.raw(i.sql).execute(db);
      const broken = await sql`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`0020_outbox_bounced: ${broken.rows.length} foreign keys broken by the rebuild`);
      await sql`COMMIT`.execute(db);
    } catch (e) {
      await sql`ROLLBACK`.execute(db);
      throw e;
    }
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, NARROW, WIDE, async () => undefined);
  await sql`UPDATE outbox SET state = 'bounced' WHERE state = 'failed' AND id IN (SELECT outbox_id FROM outbox_bounces)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, WIDE, NARROW, async (d) => {
    await sql`UPDATE outbox SET state = 'failed' WHERE state = 'bounced'`.execute(d);
  });
}
