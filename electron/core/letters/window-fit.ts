// Does the address fit the 長形3号 window? The address block (render.ts `.to`) is laid out line by line
// here with the same sizes, line height, margins and width as its CSS: each typed line is wrapped at the
// block's width (CJK and full-width characters 1 em, Latin and digits at most 0.62 em, so an estimate
// errs on the side of a longer block), kinsoku kept (no line starts with ー, 」, 。 …). The bottom of each
// field (〒, address, the 「…様の代理人」 line, the name) is compared with the window's bottom edge.
//
// test/integration/letters/window.test.ts holds this model against Chromium's own layout of the same
// letters (pdftotext -bbox-layout): the estimate is never above the printed text by more than it allows.
import { ADDRESS_BLOCK, PAGE_MARGIN, WINDOW } from './layout.ts';
import type { WindowField } from '../../contract/index.ts';
import type { LetterRecipient } from './render.ts';

export interface WindowFit {
  /** The first field that leaves the window, and by how many millimetres (0.1 mm); null: it fits. */
  overflow: { field: WindowField; mm: number } | null;
  /** The bottom of the block, mm from the top of the sheet. */
  bottom: number;
}

const PT = 25.4 / 72;
const LINE = 1.45;

/** The address's size class, as render.ts picks it. */
export function addressSize(address: string): 'a1' | 'a2' | 'a3' {
  let units = 0;
  for (const ch of address.replace(/\n/g, '')) units += ch.codePointAt(0)! <= 0x24f ? 0.55 : 1; // Latin is about half as wide as kana and kanji
  const lines = address.split('\n').length;
  if (units <= 42 && lines <= 2) return 'a1';
  if (units <= 75 && lines <= 3) return 'a2';
  return 'a3';
}
export const ADDRESS_PT = { a1: 10.5, a2: 9, a3: 8 } as const;

/** Width of a character in em (an upper bound for proportional Latin). */
function em(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x20) return 0.25;
  if (cp <= 0x24f) return 0.62;
  if (cp >= 0xff61 && cp <= 0xff9f) return 0.5; // half-width kana
  return 1;
}

/** Characters that may not begin a line (JIS X 4051 line-start prohibitions, as line-break: strict). */
const NO_LINE_START = new Set([...'、。，．・：；？！ー゛゜ヽヾゝゞ々〻‐゠–〜～)）]］}｝〉》」』】〕〙〗〟’”｠»ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ']);

/** How many lines `text` takes at `pt` points in `width` mm. */
export function wrappedLines(text: string, pt: number, width: number): number {
  let lines = 0;
  for (const typed of text.split('\n')) {
    const chars = [...typed];
    let used = 0;
    let n = 1;
    for (let i = 0; i < chars.length; i++) {
      const w = em(chars[i]!) * pt * PT;
      if (used + w > width + 1e-6 && used > 0) {
        // A prohibited character stays on the line before: the break moves one character back.
        n++;
        used = NO_LINE_START.has(chars[i]!) && i > 0 ? em(chars[i - 1]!) * pt * PT + w : w;
      } else {
        used += w;
      }
    }
    lines += n;
  }
  return lines;
}

/** Where the address block ends and which field (if any) leaves the window. */
export function windowFit(m: LetterRecipient): WindowFit {
  const width = ADDRESS_BLOCK.width;
  const bottomEdge = WINDOW.top + WINDOW.height;
  let y = PAGE_MARGIN.top + (ADDRESS_BLOCK.top - PAGE_MARGIN.top);
  const fields: Array<{ field: WindowField; bottom: number }> = [];
  const postal = m.postalCode.trim();
  if (postal) {
    y += 10.5 * LINE * PT;
    fields.push({ field: 'postalCode', bottom: y });
  }
  const address = m.address.trim();
  if (address) {
    const pt = ADDRESS_PT[addressSize(address)];
    y += 0.8 + wrappedLines(address, pt, width) * pt * LINE * PT;
    fields.push({ field: 'address', bottom: y });
  }
  if (m.onBehalfOf) {
    y += 2 + wrappedLines(`${m.onBehalfOf.name}様の法定代理人`, 9, width) * 9 * LINE * PT;
    fields.push({ field: 'onBehalfOf', bottom: y });
  }
  y += (m.onBehalfOf ? 0.5 : 2.5) + wrappedLines(`${m.name} 様`, 12.5, width) * 12.5 * LINE * PT;
  fields.push({ field: 'name', bottom: y });
  const first = fields.find((f) => f.bottom > bottomEdge);
  return { overflow: first ? { field: first.field, mm: Math.ceil((first.bottom - bottomEdge) * 10) / 10 } : null, bottom: y };
}
