// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Two-character searches (a two-kanji surname: 田中, 佐藤) are how staff look a person up, and the trigram
// index cannot answer them: they scanned every case's text. This adds the bigram index beside it
// (electron/core/cases/search-index.ts explains the terms) and fills it from the text already in the
// trigram table, which core/cases wrote with the same normaliser. The term format is imported from its one
// owner; should it ever change, a new migration rebuilds this table.
import { sql, type Kysely } from 'kysely';
import { bigramTerms } from '../../electron/core/cases/search-index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One transaction: one sync at the end instead of one per case, and no half-filled table after a crash.
  await db.transaction().execute(async (trx) => {
    await sql`CREATE VIRTUAL TABLE case_search_bigram USING fts5(terms, content = '', contentless_delete = 1, detail = none)`.execute(trx);
    // In batches by rowid: a desk of years holds hundreds of thousands of cases.
    let after = 0;
    for (;;) {
      const { rows } = await sql<{ rowid: number; body: string }>`SELECT rowid, body FROM case_search WHERE rowid > ${after} ORDER BY rowid LIMIT 2000`.execute(trx);
      if (rows.length === 0) break;
      for (const r of rows) await sql`INSERT INTO case_search_bigram (rowid, terms) VALUES (${r.rowid}, ${bigramTerms(r.body)})`.execute(trx);
      after = rows.at(-1)!.rowid;
    }
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE case_search_bigram`.execute(db);
}
