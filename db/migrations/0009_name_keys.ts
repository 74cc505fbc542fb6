// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Duplicate detection and search compare names through one normaliser (core/cases/normalize.ts nameKey:
// NFKC, hiragana folded to katakana, lower case, no spaces). This adds the stored side: cases.member_name_key
// with an index for "open cases of this type for this member", fills it for existing cases, and appends
// the spaceless name keys to each case's search text so a name typed without its space finds the case.
// The normaliser is copied here as it was when this migration shipped, so re-running it never changes.
import { sql, type Kysely } from 'kysely';

const toKatakana = (s: string) => s.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const nameKey = (s: string) => toKatakana(s.normalize('NFKC')).toLowerCase().replace(/\s+/gu, '');

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cases ADD COLUMN member_name_key TEXT NOT NULL DEFAULT ''`.execute(db);
  const rows = await sql<{ id: number; member_name: string; member_kana: string; requester_name: string }>`SELECT id, member_name, member_kana, requester_name FROM cases`.execute(db);
  for (const r of rows.rows) {
    await sql`UPDATE cases SET member_name_key = ${nameKey(r.member_name)} WHERE id = ${r.id}`.execute(db);
    const keys = [r.member_name, r.member_kana, r.requester_name].map(nameKey).filter((k) => k !== '').join('\n');
    await sql`UPDATE case_search SET body = body || ${`\n${keys}`} WHERE rowid = ${r.id}`.execute(db);
  }
  await sql`CREATE INDEX cases_type_name_key ON cases (type, member_name_key)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_type_name_key`.execute(db);
  await sql`ALTER TABLE cases DROP COLUMN member_name_key`.execute(db);
}
