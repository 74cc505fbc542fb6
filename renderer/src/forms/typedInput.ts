// Dates and times as people type them on Japanese PCs: full-width digits, slashes, 年月日 and 時分.
// Pure functions, shared by the date and time fields and checked by unit tests.

/** 'YYYY-MM-DD', or null when the text is not a real date. */
export function parseTypedDate(raw: string): string | null {
  const s = raw.normalize('NFKC').trim().replace(/[/.年月]/g, '-').replace(/日$/, '');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === iso ? iso : null;
}

/** 'HH:MM' (24-hour), or null when the text is not a time of day. */
export function parseTypedTime(raw: string): string | null {
  const s = raw.normalize('NFKC').trim().replace(/時/, ':').replace(/分$/, '').replace(/\s+/g, '');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
