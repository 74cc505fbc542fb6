// CSV as RFC 4180 has it, for the desk's import and export: comma-separated, fields quoted with '"'
// when they hold a comma, a quote or a line break, quotes doubled inside quoted fields. Reading also
// takes LF or lone CR line ends (files saved by other tools) and keeps track of physical lines, so an
// error can name the line a row starts on in the file as the user's editor shows it.
// No package does this for us in node_modules; it is small enough to own.

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

export interface CsvRecord {
  /** 1-based physical line of the file on which the record starts. */
  line: number;
  fields: string[];
}

/**
 * Splits CSV text (already decoded, without a BOM) into records. Line breaks inside quoted fields are
 * kept as "\n". Throws CsvSyntaxError for an unterminated quoted field or text after a closing quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      // One field.
      if (text.charCodeAt(i) === 0x22 /* " */) {
        const fieldLine = line;
        i++;
        let value = '';
        let chunk = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) throw new CsvSyntaxError(fieldLine, `A quoted field that starts on line ${fieldLine} is never closed: a '"' is missing.`);
          value += text.slice(chunk, q);
          if (text.charCodeAt(q + 1) === 0x22) {
            value += '"';
            i = q + 2;
            chunk = i;
            continue;
          }
          i = q + 1;
          break;
        }
        line += countLines(value);
        fields.push(value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value);
        const c = text.charCodeAt(i);
        if (i < n && c !== 0x2c && c !== 0x0a && c !== 0x0d) {
          throw new CsvSyntaxError(line, `Line ${line}: after a closing '"' comes ${JSON.stringify(text[i])}; a quote inside a quoted field must be doubled ("").`);
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 0x2c || c === 0x0a || c === 0x0d) break;
          j++;
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      // After a field: a comma (another field), a line end or the end of the text (the record ends).
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i++;
        continue;
      }
      if (c === 0x0d) i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      else i++; // \n
      line++;
      break;
    }
    records.push({ line: start, fields });
  }
  return records;
}

function countLines(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) k++;
    else if (c === 0x0d && s.charCodeAt(i + 1) !== 0x0a) k++;
  }
  return k;
}

/**
 * One field, quoted when it must be. A value starting with = + - @ (or a tab or CR) is prefixed with
 * an apostrophe so that Excel shows it as text instead of running it as a formula (a member chooses
 * their own name and email).
 */
export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Records joined with CRLF, as RFC 4180 and Excel expect (with a final CRLF). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
