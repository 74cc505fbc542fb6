// Text to Shift_JIS (CP932) bytes, as Japanese Excel saves "CSV": the reverse of WHATWG's `shift_jis`
// decoder (which the desk reads with), built from the decoder itself so the two cannot disagree.
// Node has no Shift_JIS encoder, and tests must not need Python or iconv.
let table: Map<string, number[]> | null = null;

function reverseTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder('shift_jis', { fatal: true });
  const put = (bytes: number[]) => {
    let ch: string;
    try {
      ch = dec.decode(new Uint8Array(bytes));
    } catch {
      return;
    }
    if ([...ch].length === 1 && !table!.has(ch)) table!.set(ch, bytes);
  };
  for (let b = 0; b < 0x80; b++) put([b]);
  for (let b = 0xa1; b <= 0xdf; b++) put([b]);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) put([lead, trail]);
  }
  return table;
}

export function toCp932(text: string): Uint8Array {
  const map = reverseTable();
  const out: number[] = [];
  for (const ch of text) {
    const bytes = map.get(ch);
    if (!bytes) throw new Error(`${JSON.stringify(ch)} has no Shift_JIS (CP932) code`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

/** UTF-16 little-endian with a BOM, as Excel's "Unicode text". */
export function toUtf16le(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array([0xff, 0xfe, ...body]);
}
