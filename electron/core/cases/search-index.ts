// The two search indexes a case is found by, kept in step by one writer. Both hold the same text, made by
// searchKey (normalize.ts) through searchBody (records.ts):
//   case_search         FTS5 trigram: queries of three characters or more.
//   case_search_bigram  FTS5 of character bigrams (what pg_bigm does for PostgreSQL): one- and two-character
//                       queries — a two-kanji surname (田中) is how staff look a person up — without a scan.
// SQLite has no bigram tokenizer, so each distinct bigram of the text is written as one ASCII term: the two
// code points in six hex digits each. The body's last character also gets a term with "zzzzzz" as its
// second half, so a one-character query (a prefix query on the first half) finds it too. The table is
// contentless with detail=none: it only answers "which cases hold this bigram", the smallest index that can.
// The term format is stored data: changing it needs a migration that rebuilds the table (see 0018).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './records.ts';
import { ftsPhrase } from './normalize.ts';

const hex6 = (c: string) => c.codePointAt(0)!.toString(16).padStart(6, '0');
const END = 'zzzzzz';

/** The distinct bigram terms of an already normalised text (space-separated, for the FTS5 table). */
export function bigramTerms(body: string): string {
  const chars = [...body];
  const terms = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) terms.add(hex6(chars[i]!) + hex6(chars[i + 1]!));
  if (chars.length) terms.add(hex6(chars.at(-1)!) + END);
  return [...terms].join(' ');
}

/** Replaces a case's rows in both indexes with `body` (searchKey'd text). */
export async function writeSearchRows(db: Db, id: number, body: string): Promise<void> {
  await db.deleteFrom('case_search').where('rowid', '=', id).execute();
  await db.insertInto('case_search').values({ rowid: id, body }).execute();
  await sql`DELETE FROM case_search_bigram WHERE rowid = ${id}`.execute(db);
  await sql`INSERT INTO case_search_bigram (rowid, terms) VALUES (${id}, ${bigramTerms(body)})`.execute(db);
}

/**
 * The ids of the cases whose search text contains `q` (already searchKey'd, not empty), read from an
 * index whatever its length: trigram phrase for three characters or more, one bigram term for two, a
 * prefix over bigram terms for one.
 */
export function searchHits(q: string): RawBuilder<number> {
  const chars = [...q];
  if (chars.length >= 3) return sql<number>`(SELECT rowid FROM case_search WHERE case_search MATCH ${ftsPhrase(q)})`;
  const term = chars.length === 2 ? `"${hex6(chars[0]!)}${hex6(chars[1]!)}"` : `"${hex6(chars[0]!)}" *`;
  return sql<number>`(SELECT rowid FROM case_search_bigram WHERE case_search_bigram MATCH ${term})`;
}
