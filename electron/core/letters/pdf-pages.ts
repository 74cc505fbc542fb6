// How many pages each letter of a batch takes, read from a measuring render of the batch.
//
// CSS cannot know a letter's own page total inside a longer document (counter(pages) counts the whole
// document), so a batch is rendered twice: first with `measure: true`, where every odd-numbered letter's
// named page carries `page-orientation: rotate-left`. That descriptor only turns the finished page (its
// MediaBox becomes landscape); layout happens on the same A4 portrait page, so pagination is exactly
// that of the final render. Letters alternate portrait/landscape, so the runs of equal orientation in
// page order are the letters, and their lengths are the page counts. Reading page orientation needs
// only the PDF's page tree (plain dictionaries in Chromium's output), not its text.

export type Orientation = 'portrait' | 'landscape';

interface PdfObject {
  type: 'Page' | 'Pages';
  kids: number[];
  mediaBox: number[] | null;
  rotate: number;
}

function parseObjects(text: string): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\s*<<\s*\/Type\s*\/(Pages|Page)\b/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const id = Number(m[1]);
    const end = text.indexOf('endobj', m.index);
    const dict = text.slice(m.index, end === -1 ? undefined : end);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1];
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(dict)?.[1];
    const rotate = /\/Rotate\s+(-?\d+)/.exec(dict)?.[1];
    objects.set(id, {
      type: m[2] === 'Pages' ? 'Pages' : 'Page', // the pattern matches only these two
      kids: kids ? [...kids.matchAll(/(\d+)\s+0\s+R/g)].map((k) => Number(k[1])) : [],
      mediaBox: box ? box.trim().split(/\s+/).map(Number) : null,
      rotate: rotate ? Number(rotate) : 0,
    });
  }
  return objects;
}

/** The orientation of every page, in page order. */
export function pageOrientations(pdf: Uint8Array): Orientation[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const objects = parseObjects(text);
  const rootId = /\/Type\s*\/Catalog[\s\S]*?\/Pages\s+(\d+)\s+0\s+R/.exec(text)?.[1] ?? /\/Pages\s+(\d+)\s+0\s+R[\s\S]*?\/Type\s*\/Catalog/.exec(text)?.[1];
  if (rootId === undefined) throw new Error('Not a PDF with a page tree.');
  const out: Orientation[] = [];
  const walk = (id: number, inherited: number[] | null, depth: number) => {
    const o = objects.get(id);
    if (!o || depth > 64) throw new Error(`Page tree object ${id} is missing.`);
    const box = o.mediaBox ?? inherited;
    if (o.type === 'Pages') {
      for (const kid of o.kids) walk(kid, box, depth + 1);
      return;
    }
    if (!box || box.length !== 4) throw new Error(`Page ${out.length + 1} has no MediaBox.`);
    const wide = Math.abs(box[2]! - box[0]!) > Math.abs(box[3]! - box[1]!);
    const turned = Math.abs(o.rotate) % 180 === 90;
    out.push(wide !== turned ? 'landscape' : 'portrait');
  };
  walk(Number(rootId), null, 0);
  return out;
}

/** Page counts per letter from a `measure: true` render of `letters` letters. */
export function measuredPageCounts(pdf: Uint8Array, letters: number): number[] {
  const pages = pageOrientations(pdf);
  const counts: number[] = [];
  let expected: Orientation = 'portrait';
  for (const o of pages) {
    if (counts.length > 0 && o === expected) counts[counts.length - 1]!++;
    else if (o === (counts.length % 2 === 0 ? 'portrait' : 'landscape')) {
      counts.push(1);
      expected = o;
    } else {
      throw new Error('The measuring render does not alternate as expected.');
    }
  }
  if (counts.length !== letters) throw new Error(`The measuring render shows ${counts.length} letters, not ${letters}.`);
  return counts;
}
