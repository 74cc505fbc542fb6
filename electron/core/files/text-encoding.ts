// Reading a text file a person hands the desk (a CSV of requests, the Cabinet Office's holiday list) in
// whatever encoding Japanese Windows saved it. Japanese Excel saves plain "CSV" as Shift_JIS (CP932),
// "CSV UTF-8" as UTF-8 with a BOM and "Unicode text" as UTF-16; the Cabinet Office publishes
// syukujitsu.csv in Shift_JIS. One owner for the rule, so every import reads files the same way: bytes
// that are valid UTF-8 are UTF-8 (BOM or not); a UTF-16 BOM means UTF-16; otherwise CP932 through
// WHATWG's `shift_jis` decoder (which covers the NEC and IBM extensions, e.g. 髙 and 﨑). Bytes valid in
// none are refused with the line they are on: nothing is ever read garbled.

/** The encodings a file is read in, as the desk names them to people. */
export type TextEncodingName = 'UTF-8' | 'Shift_JIS (CP932)' | 'UTF-16LE' | 'UTF-16BE';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName }
  /** empty: no bytes or only blanks; utf16: a UTF-16 BOM over invalid UTF-16; undecodable: neither UTF-8 nor CP932 from `line` on. */
  | { ok: false; problem: 'empty' } | { ok: false; problem: 'utf16'; encoding: 'UTF-16LE' | 'UTF-16BE' } | { ok: false; problem: 'undecodable'; line: number };

function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** 1-based line of the first line that `encoding` cannot decode (LF never occurs inside a CP932 character). */
function firstUndecodableLine(encoding: string, bytes: Uint8Array): number {
  let line = 1;
  let from = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (decodeStrict(encoding, bytes.subarray(from, i)) === null) return line;
      line++;
      from = i + 1;
    }
  }
  return line;
}

/** The file's text (without a BOM) and the encoding it was read in, or why it cannot be read. */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  let text: string;
  let encoding: TextEncodingName;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    const utf16 = decodeStrict(encoding.toLowerCase(), bytes);
    if (utf16 === null) return { ok: false, problem: 'utf16', encoding };
    text = utf16;
  } else {
    const utf8 = decodeStrict('utf-8', bytes);
    const sjis = utf8 === null ? decodeStrict('shift_jis', bytes) : null;
    if (utf8 !== null) [text, encoding] = [utf8, 'UTF-8'];
    else if (sjis !== null) [text, encoding] = [sjis, 'Shift_JIS (CP932)'];
    else return { ok: false, problem: 'undecodable', line: Math.max(firstUndecodableLine('utf-8', bytes), firstUndecodableLine('shift_jis', bytes)) };
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  return { ok: true, text, encoding };
}
