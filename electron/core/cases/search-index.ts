// The two search indexes a case is found by, kept in step by one writer (db/search.ts holds both
// dialects' ways: FTS5 trigram + bigram terms on SQLite, pg_trgm + bigram rows on PostgreSQL).
// Re-exported here because the core and migration 0018 (frozen) import them from this place.
export { amongHits, bigramTerms, searchHits, writeSearchRows } from '../../../db/search.ts';
