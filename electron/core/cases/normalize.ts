// Text as the desk searches it: NFKC (full-width letters and digits, half-width kana), hiragana folded
// to katakana (a kana name typed either way is found), lower case. Stored search text and queries go
// through the same function, so "やまだ", "ヤマダ" and "ﾔﾏﾀﾞ" find each other.

export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export function searchKey(s: string): string {
  return toKatakana(s.normalize('NFKC')).toLowerCase();
}

/**
 * A person's name as the desk compares it: searchKey without any spaces, so 「加藤 隆」, 「加藤隆」,
 * 「カトウ タカシ」 typed as 「かとうたかし」 meet. Duplicate detection compares it with the stored
 * `cases.member_name_key`, and search finds it in the index text (records.ts): one function, both sides.
 */
export function nameKey(s: string): string {
  return searchKey(s).replace(/\s+/gu, '');
}

/** Kana as stored on a case: NFKC and katakana, the way the desk's letters print it. */
export function normaliseKana(s: string): string {
  return toKatakana(s.normalize('NFKC')).trim();
}

/** An FTS5 query matching `q` as one phrase (quotes doubled, so no query syntax leaks through). */
export function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}
