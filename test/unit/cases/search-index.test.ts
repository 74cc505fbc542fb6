// The bigram index answers one- and two-character queries exactly as a substring scan of the same text
// would (the law), for any text: kanji, kana, Latin, spaces, line breaks, characters outside the BMP.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { bigramTerms, searchHits, writeSearchRows } from '../../../electron/core/cases/search-index.ts';
import { searchKey } from '../../../electron/core/cases/normalize.ts';

const raw = new Database(':memory:');
raw.exec(`CREATE VIRTUAL TABLE case_search USING fts5(body, tokenize = 'trigram')`);
raw.exec(`CREATE VIRTUAL TABLE case_search_bigram USING fts5(terms, content = '', contentless_delete = 1, detail = none)`);
const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
afterAll(() => db.destroy());

async function hits(q: string): Promise<number[]> {
  const { rows } = await sql<{ rowid: number }>`SELECT rowid FROM ${searchHits(db, q)} ORDER BY rowid`.execute(db);
  return rows.map((r) => r.rowid);
}

const alphabet = fc.constantFrom(...'田中佐藤長谷川たなかタナカab Z1\n@.-𠮷々'.split(/(?:)/u));
const text = fc.array(alphabet, { maxLength: 30 }).map((cs) => searchKey(cs.join('')));

describe('bigram search index', () => {
  it('finds exactly the texts holding a one- or two-character query, after rewrites and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { minLength: 1, maxLength: 2 }), fc.nat(), async (bodies, qChars, drop) => {
        raw.exec('DELETE FROM case_search; DELETE FROM case_search_bigram;');
        for (const [i, b] of bodies.entries()) await writeSearchRows(db, i + 1, b);
        // A case edited (rows rewritten) and one removed from the index must not leave stale terms.
        await writeSearchRows(db, 1, bodies.at(-1)!);
        const gone = 1 + (drop % bodies.length);
        await sql`DELETE FROM case_search_bigram WHERE rowid = ${gone}`.execute(db);
        await db.deleteFrom('case_search').where('rowid', '=', gone).execute();
        const current = bodies.map((b, i) => (i === 0 ? bodies.at(-1)! : b));
        const q = searchKey(qChars.join(''));
        const expected = current.flatMap((b, i) => (i + 1 !== gone && b.includes(q) ? [i + 1] : []));
        expect(await hits(q)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('writes each bigram once, as ASCII terms the FTS5 tokenizer keeps whole', () => {
    expect(bigramTerms('田中田中')).toBe('007530004e2d 004e2d007530 004e2dzzzzzz');
    expect(bigramTerms('')).toBe('');
    expect(bigramTerms('𠮷')).toBe('020bb7zzzzzz');
  });

  it('reads two-character queries from the index, not by scanning the text', () => {
    const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM case_search_bigram WHERE case_search_bigram MATCH ?`).all('"0075300004e2d"') as Array<{ detail: string }>).map((r) => r.detail);
    expect(plan.join()).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
