// Case search, the one part of the schema each dialect builds its own way. Both hold, per case, the same
// normalised text (searchKey through searchBody, core/cases) and answer "which cases contain q" from an
// index at every query length:
//   SQLite       case_search: FTS5 trigram (q of three characters or more); case_search_bigram: FTS5 of
//                bigram terms (one or two characters), the terms made by bigramTerms below.
//   PostgreSQL   case_search: the text with a pg_trgm GIN index (LIKE '%q%', three or more); case_search_bigram:
//                one row per distinct character pair and the last character alone, btree in "C" order
//                (= for two characters, LIKE 'x%' for one). pg_trgm cannot index a query under three
//                characters, and a two-kanji surname (田中) is how staff look a person up.
// The SQLite term format is stored data: changing it needs a migration that rebuilds the table (see 0018).
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { isPostgres } from './dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const hex6 = (c: string) => c.codePointAt(0)!.toString(16).padStart(6, '0');
const END = 'zzzzzz';

/** The distinct bigram terms of an already normalised text (space-separated, for the SQLite FTS5 table). */
export function bigramTerms(body: string): string {
  const chars = [...body];
  const terms = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) terms.add(hex6(chars[i]!) + hex6(chars[i + 1]!));
  if (chars.length) terms.add(hex6(chars.at(-1)!) + END);
  return [...terms].join(' ');
}

/** The distinct character pairs of a normalised text, and its last character alone (PostgreSQL rows). */
export function bigrams(body: string): string[] {
  const chars = [...body];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  if (chars.length) grams.add(chars.at(-1)!);
  return [...grams];
}

/** Replaces a case's rows in both indexes with `body` (searchKey'd text). */
export async function writeSearchRows(db: AnyDb, id: number, body: string): Promise<void> {
  await sql`DELETE FROM case_search WHERE rowid = ${id}`.execute(db);
  await sql`INSERT INTO case_search (rowid, body) VALUES (${id}, ${body})`.execute(db);
  await sql`DELETE FROM case_search_bigram WHERE rowid = ${id}`.execute(db);
  if (isPostgres(db)) {
    const grams = bigrams(body);
    if (grams.length) await sql`INSERT INTO case_search_bigram (gram, rowid) SELECT g, ${id} FROM unnest(${grams}::text[]) AS g`.execute(db);
  } else {
    await sql`INSERT INTO case_search_bigram (rowid, terms) VALUES (${id}, ${bigramTerms(body)})`.execute(db);
  }
}

const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);
const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

/**
 * The ids of the cases whose search text contains `q` (already searchKey'd, not empty), read from an
 * index whatever its length.
 */
export function searchHits(db: AnyDb, q: string): RawBuilder<number> {
  const chars = [...q];
  if (isPostgres(db)) {
    if (chars.length >= 3) return sql<number>`(SELECT rowid FROM case_search WHERE body LIKE ${`%${likeEscape(q)}%`})`;
    if (chars.length === 2) return sql<number>`(SELECT rowid FROM case_search_bigram WHERE gram = ${q})`;
    return sql<number>`(SELECT DISTINCT rowid FROM case_search_bigram WHERE gram LIKE ${`${likeEscape(q)}%`})`;
  }
  if (chars.length >= 3) return sql<number>`(SELECT rowid FROM case_search WHERE case_search MATCH ${ftsPhrase(q)})`;
  const term = chars.length === 2 ? `"${hex6(chars[0]!)}${hex6(chars[1]!)}"` : `"${hex6(chars[0]!)}" *`;
  return sql<number>`(SELECT rowid FROM case_search_bigram WHERE case_search_bigram MATCH ${term})`;
}

/**
 * "The case `id` is one of `hits`" (a searchHits list). SQLite: `id IN (hits)`. PostgreSQL: `id = ANY(ARRAY(hits))`,
 * which makes the hits an InitPlan read first through their own index, then the cases by primary key. As a
 * plain `IN (hits)` semi-join the planner weighed the join against a full scan of cases and chose the scan
 * — for a common surname (田中, 1,700 hits of 100,000 cases) and for a trigram search (長谷川: a sequential
 * LIKE over every search row): 140–200 ms where the index reads take one or two (bench queue --database-url).
 */
export function amongHits(db: AnyDb, id: RawBuilder<unknown>, hits: RawBuilder<number>): RawBuilder<SqlBool> {
  return isPostgres(db) ? sql<SqlBool>`${id} = ANY(ARRAY${hits})` : sql<SqlBool>`${id} IN ${hits}`;
}

/**
 * After cases' text was removed (the retention purge): leave no copy of it in the index's storage.
 * SQLite merges both FTS5 tables' segments (a deleted document's terms stay in old ones otherwise); PostgreSQL's
 * dead rows go with its own vacuum.
 */
export async function compactSearch(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  await sql`INSERT INTO case_search(case_search) VALUES ('optimize')`.execute(db);
  await sql`INSERT INTO case_search_bigram(case_search_bigram) VALUES ('optimize')`.execute(db);
}
