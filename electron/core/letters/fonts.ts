// The letter's fonts: Noto Serif JP (body) and Noto Sans JP (headings, labels), shipped with the app in
// @fontsource's woff2 files, which are split into ~124 unicode-range subsets per weight (a few dozen
// KB each; one weight is ~5 MB in all). Nothing is ever fetched from the network.
//
// How a letter gets them: the letter's <style> declares one @font-face per subset that its own text
// needs (found here from @fontsource's unicode.json), each pointing at `/letters/fonts/<file>.woff2`
// on the page's own origin. Chromium then downloads only those files. Both transports serve that
// route from node_modules/@fontsource (electron/host/server.ts, electron/main/app-protocol.ts, through
// font-files.ts), so a letter prints identically in Electron and in browser mode. Embedding the files
// as data: URLs was rejected: a one-page Japanese letter needs 30–60 subsets (1–3 MB as base64) and a
// batch of 200 letters would be tens of MB of HTML; subsetting at build time would need a font tool.
//
// Family names are private ("PD Noto …"): a Noto font installed on the PC can never stand in for them.
import subsets from '@fontsource/noto-serif-jp/unicode.json' with { type: 'json' };

/** Where the fonts are served, on the letter page's own origin. */
export const FONT_ROUTE = '/letters/fonts/';

export const SERIF_FAMILY = 'PD Noto Serif JP';
export const SANS_FAMILY = 'PD Noto Sans JP';

interface Face {
  family: string;
  pkg: 'noto-serif-jp' | 'noto-sans-jp';
  weight: 400 | 700;
}

/** The three faces a letter uses: serif 400 for the text, sans 400 for labels, sans 700 for headings. */
export const FACES: readonly Face[] = [
  { family: SERIF_FAMILY, pkg: 'noto-serif-jp', weight: 400 },
  { family: SANS_FAMILY, pkg: 'noto-sans-jp', weight: 400 },
  { family: SANS_FAMILY, pkg: 'noto-sans-jp', weight: 700 },
];

interface Subset {
  /** File-name part: "117", "latin", "latin-ext", … */
  id: string;
  /** The unicode-range descriptor, as @fontsource publishes it. */
  range: string;
  spans: Array<[number, number]>;
}

const RANGE_SYNTAX = /^U\+[0-9a-f]{1,6}(-[0-9a-f]{1,6})?(,U\+[0-9a-f]{1,6}(-[0-9a-f]{1,6})?)*$/i;

/** Subsets in @fontsource's declaration order (numbered CJK slices first, latin last). */
const SUBSETS: readonly Subset[] = Object.entries(subsets as Record<string, string>).map(([key, range]) => {
  const id = key.replace(/^\[(\d+)\]$/, '$1');
  const compact = range.replace(/\s+/g, '');
  if (!/^(\d{1,3}|[a-z-]+)$/.test(id) || !RANGE_SYNTAX.test(compact)) throw new Error(`Unexpected @fontsource subset ${key}`);
  const spans = compact.split(',').map((part): [number, number] => {
    const [lo, hi = lo] = part.slice(2).split('-') as [string, string?];
    return [parseInt(lo, 16), parseInt(hi, 16)];
  });
  return { id, range: compact, spans };
});

/** [lo, hi, subset index] sorted by lo: a code point's subsets by binary search. */
const SPANS: ReadonlyArray<readonly [number, number, number]> = SUBSETS.flatMap((s, i) => s.spans.map(([lo, hi]) => [lo, hi, i] as const)).sort((a, b) => a[0] - b[0]);
const MAX_SPAN = Math.max(...SPANS.map(([lo, hi]) => hi - lo));

/**
 * The subset Chromium will use for a code point: when subsets overlap (latin and a CJK slice both hold
 * "A"), the face declared last wins, so that is the one needed.
 */
function subsetOf(cp: number): number | null {
  let lo = 0;
  let hi = SPANS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (SPANS[mid]![0] <= cp) lo = mid + 1;
    else hi = mid;
  }
  let best: number | null = null;
  for (let i = lo - 1; i >= 0; i--) {
    const [start, end, subset] = SPANS[i]!;
    if (cp - start > MAX_SPAN) break;
    if (cp <= end && (best === null || subset > best)) best = subset;
  }
  return best;
}

/** Indexes (in declaration order) of the subsets that cover the characters of `texts`. */
export function subsetsFor(texts: Iterable<string>): number[] {
  const seen = new Set<number>();
  const needed = new Set<number>();
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (seen.has(cp)) continue;
      seen.add(cp);
      const s = subsetOf(cp);
      if (s !== null) needed.add(s);
    }
  }
  return [...needed].sort((a, b) => a - b);
}

export function fontFileName(face: Face, subsetId: string): string {
  return `${face.pkg}-${subsetId}-${face.weight}-normal.woff2`;
}

/** The @font-face rules for the text of one document: only the subsets it needs, in declaration order. */
export function fontFaceCss(texts: Iterable<string>, route: string = FONT_ROUTE): string {
  const needed = subsetsFor(texts);
  const rules: string[] = [];
  for (const face of FACES) {
    for (const i of needed) {
      const s = SUBSETS[i]!;
      rules.push(
        `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:block;` +
          `src:url(${route}${fontFileName(face, s.id)}) format('woff2');unicode-range:${s.range}}`,
      );
    }
  }
  return rules.join('\n');
}

const FILE_NAME = /^(noto-serif-jp|noto-sans-jp)-(\d{1,3}|latin|latin-ext|cyrillic|vietnamese)-(400|700)-normal\.woff2$/;
const KNOWN_IDS = new Set(SUBSETS.map((s) => s.id));

/**
 * The font a `/letters/fonts/<name>` request may have, or null. Only the exact names this module
 * writes pass: no other weight, format, folder or character (so no path can be smuggled through).
 */
export function servedFont(name: string): { pkg: Face['pkg']; file: string } | null {
  const m = FILE_NAME.exec(name);
  if (!m) return null;
  const [, pkgName = '', id = '', weight = ''] = m;
  if (!KNOWN_IDS.has(id)) return null;
  // The face the name asks for, if the desk serves it: its package comes from the face, not the name.
  const face = FACES.find((f) => f.pkg === pkgName && String(f.weight) === weight);
  if (!face) return null;
  return { pkg: face.pkg, file: name };
}
