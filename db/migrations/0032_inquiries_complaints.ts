// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Inquiries and complaints (issue 19) are cases too:
// - cases.type also takes 'inquiry' and 'complaint'. SQLite cannot change a CHECK constraint in place, so the
//   cases table is rebuilt (SQLite's documented procedure: foreign keys off, new table, copy, drop, rename,
//   indexes again, foreign_key_check, foreign keys on) in one transaction; every row, id and the
//   AUTOINCREMENT counter are kept.
// - cases.related_case_id: a complaint about a decision names that request; a request a member sent after
//   asking how to (or an inquiry converted into one) names the inquiry.
// - cases.converted_from: the type an inquiry had before "this is a request" converted it (null otherwise).
// - cases.reply_template, reply_ja, reply_en: the answer of an inquiry or complaint (template key and the
//   filled bilingual text) that its reply notice is written from; a complaint's waits for approval.
import { sql, type Kysely } from 'kysely';

const OLD_CHECK = "type in ('disclosure', 'correction', 'suspension')";
const NEW_CHECK = "type in ('disclosure', 'correction', 'suspension', 'inquiry', 'complaint')";

async function rebuildCases(db: Kysely<unknown>, from: string, to: string): Promise<void> {
  const table = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'cases'`.execute(db);
  const create = table.rows[0]?.sql ?? '';
  if (!create.includes(from)) throw new Error(`cases table has no constraint ${from}`);
  const others = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE tbl_name = 'cases' AND type IN ('index', 'trigger') AND sql IS NOT NULL`.execute(db);
  // Triggers on other tables that write to cases (0030's notices_answered_at) would not parse while the
  // table is gone: dropped with it and made again after, like the table's own.
  const writers = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name != 'cases' AND sql LIKE '%cases%'`.execute(db);
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      const seq = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'cases'`.execute(trx);
      for (const w of writers.rows) await sql.raw(`DROP TRIGGER "${w.name}"`).execute(trx);
      const renamed = create.replace(/^CREATE TABLE\s+("cases"|cases)/i, 'CREATE TABLE "cases_rebuilt"').replace(from, to);
      await sql.raw(renamed).execute(trx);
      await sql`INSERT INTO cases_rebuilt SELECT * FROM cases`.execute(trx);
      await sql`DROP TABLE cases`.execute(trx);
      await sql`ALTER TABLE cases_rebuilt RENAME TO cases`.execute(trx);
      for (const o of [...others.rows, ...writers.rows]) await sql.raw(o.sql).execute(trx);
      if (seq.rows[0]) await sql`UPDATE sqlite_sequence SET seq = ${seq.rows[0].seq} WHERE name = 'cases'`.execute(trx);
      const broken = await sql`PRAGMA foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`rebuilding cases broke ${broken.rows.length} foreign key(s)`);
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuildCases(db, OLD_CHECK, NEW_CHECK);
  await db.schema.alterTable('cases').addColumn('related_case_id', 'integer').execute();
  await db.schema.alterTable('cases').addColumn('converted_from', 'text').execute();
  await db.schema.alterTable('cases').addColumn('reply_template', 'text').execute();
  await db.schema.alterTable('cases').addColumn('reply_ja', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('cases').addColumn('reply_en', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`CREATE INDEX cases_related ON cases (related_case_id) WHERE related_case_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Inquiries and complaints cannot exist in the older schema: going down refuses, untouched, while any is stored.
  const kept = await sql<{ n: number }>`SELECT count(*) AS n FROM cases WHERE type IN ('inquiry', 'complaint')`.execute(db);
  if (Number(kept.rows[0]?.n ?? 0) > 0) throw new Error(`${kept.rows[0]!.n} inquiries and complaints are stored: the older schema cannot hold them`);
  await sql`DROP INDEX cases_related`.execute(db);
  for (const c of ['reply_en', 'reply_ja', 'reply_template', 'converted_from', 'related_case_id']) await db.schema.alterTable('cases').dropColumn(c).execute();
  await rebuildCases(db, NEW_CHECK, OLD_CHECK);
}
