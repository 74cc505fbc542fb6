// Letters printed to PDF by Chromium (the system's, through playwright-core) and read back with poppler:
// the words are there in both languages, the address shows through a 長形3号 window, long texts flow
// onto further pages with "X / Y" right, a batch starts each letter on a new page and numbers it on its
// own, and hostile values print as inert text. Pages load with scripts off, like Electron's print window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { noticeKinds } from '../../../electron/contract/index.ts';
import { renderLetter, renderLetterBatch, LETTER_WORDS, type Letter } from '../../../electron/core/letters/render.ts';
import { measuredPageCounts, pageOrientations } from '../../../electron/core/letters/pdf-pages.ts';
import { ADDRESS_BLOCK, WINDOW } from '../../../electron/core/letters/layout.ts';
import { ART6_QUOTE, launchChromium, letterFixture, letterServer, pageCount, pagesText, pdffonts, pdfinfo, pdfOf, pdftotext, words, type Word } from '../../support/letters.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: Awaited<ReturnType<typeof letterServer>>;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
  server = await letterServer();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pdf = (html: string) => pdfOf(page, server, html);
const squash = (s: string) => s.replace(/\s+/g, '');
const inside = (w: Word, r: { left: number; top: number; width: number; height: number }) =>
  w.xMin >= r.left && w.xMax <= r.left + r.width && w.yMin >= r.top && w.yMax <= r.top + r.height;
/** The footer of a page as "X / Y" (pdftotext -layout prints it without the spaces). */
const footerOf = (text: string) => /(\d+)\s*\/\s*(\d+)\s*$/.exec(text.trimEnd())?.slice(1).join(' / ');
/** The pages' text without their footer lines, as one string without white space. */
const bodyOf = (pages: string[]) => squash(pages.map((p) => p.trimEnd().replace(/[^\n]*$/, '')).join(''));
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('one letter per notice kind', () => {
  it.each(noticeKinds)('%s: Japanese then English, both dates, the reference, the sender, the hours, a page number on every page', async (kind) => {
    const letter = letterFixture(kind);
    const bytes = await pdf(renderLetter(letter.content, letter.ctx));
    const text = await pdftotext(bytes, '-layout');
    const flat = squash(text);
    const c = letter.content;
    for (const s of [c.title.ja, c.title.en, '令和8年11月24日', '24 November 2026', 'PD-2026-0042', '株式会社JUO', 'CareerModel サポートデスク', 'info@career-model.com', '〒150-0001', '山田 太郎 様', LETTER_WORDS.translationNoteEn, LETTER_WORDS.end]) {
      expect([kind, s, flat.includes(squash(s))]).toEqual([kind, s, true]);
    }
    expect(flat).toContain(squash('12月29日〜1月3日'));
    expect(flat).toContain(squash('from December 29 to January 3'));
    // Japanese first: the English title comes after the Japanese closing.
    expect(flat.indexOf(squash(c.title.ja))).toBeLessThan(flat.indexOf(squash(LETTER_WORDS.end)));
    expect(flat.indexOf(squash(LETTER_WORDS.end))).toBeLessThan(flat.indexOf(squash(c.title.en)));
    if (kind === 'decision') {
      expect(flat).toContain(squash('業務の適正な実施に著しい支障を及ぼすおそれがあるため'));
      expect(flat).toContain(squash('Risk of significantly hindering the proper conduct of our business'));
      expect(flat).toContain(squash(ART6_QUOTE.ja));
      expect(flat).toContain(squash(ART6_QUOTE.en));
      expect(flat).toContain(squash('1,000円（受領済み）'));
    }
    const pages = await pagesText(bytes);
    expect(pages.length).toBe(await pageCount(bytes));
    pages.forEach((p, i) => expect(footerOf(p)).toBe(`${i + 1} / ${pages.length}`));
  });

  it('prints in the shipped Noto fonts only: no system fallback font, no missing glyphs', async () => {
    const letter = letterFixture('decision');
    const bytes = await pdf(renderLetter(letter.content, letter.ctx));
    const fonts = (await pdffonts(bytes)).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !/^NotoSerifJP|^NotoSansJP/.test(f))).toEqual([]);
    expect(fonts.some((f) => f.startsWith('NotoSerifJP'))).toBe(true);
    expect(fonts.some((f) => f.startsWith('NotoSansJP') && f.endsWith('-Bold'))).toBe(true);
    // Only the subsets the letter needs were fetched, all from the letter font route.
    expect(server.refused).toEqual([]);
    expect(server.fontRequests.every((u) => u.startsWith('/letters/fonts/noto-'))).toBe(true);
  });
});

describe('the envelope window (長形3号, window 90 × 45 mm at 23 mm / 13 mm)', () => {
  it('shows the postal code, the address and the name, and nothing else', async () => {
    const letter = letterFixture('decision', { address: '東京都渋谷区神宮前1-2-3 メゾン神宮前101', memberName: 'Nguyen Van An' });
    const all = await words(await pdf(renderLetter(letter.content, letter.ctx)));
    const first = all.filter((w) => w.page === 1);
    const block = first.filter((w) => ['〒150-0001', '東京都渋谷区神宮前1-2-3', 'メゾン神宮前101', 'Nguyen', 'Van', 'An', '様'].includes(w.text) && w.yMax < 60);
    expect(block.map((w) => w.text)).toEqual(['〒150-0001', '東京都渋谷区神宮前1-2-3', 'メゾン神宮前101', 'Nguyen', 'Van', 'An', '様']);
    // In the address block (glyph boxes include the font's ascent: half a millimetre of slack).
    const slack = { left: ADDRESS_BLOCK.left - 0.5, top: ADDRESS_BLOCK.top - 0.5, width: ADDRESS_BLOCK.width + 1, height: ADDRESS_BLOCK.height + 1 };
    for (const w of block) expect([w.text, inside(w, slack)]).toEqual([w.text, true]);
    // Within the window with room to spare: at least 3 mm inside each edge.
    const box = { left: Math.min(...block.map((w) => w.xMin)), top: Math.min(...block.map((w) => w.yMin)), right: Math.max(...block.map((w) => w.xMax)), bottom: Math.max(...block.map((w) => w.yMax)) };
    expect(box.left).toBeGreaterThanOrEqual(WINDOW.left + 3);
    expect(box.top).toBeGreaterThanOrEqual(WINDOW.top + 3);
    expect(box.right).toBeLessThanOrEqual(WINDOW.left + WINDOW.width - 3);
    expect(box.bottom).toBeLessThanOrEqual(WINDOW.top + WINDOW.height - 3);
    // Nothing else shows through the window.
    const others = first.filter((w) => !block.includes(w) && w.xMax > WINDOW.left && w.xMin < WINDOW.left + WINDOW.width && w.yMax > WINDOW.top && w.yMin < WINDOW.top + WINDOW.height);
    expect(others.map((w) => w.text)).toEqual([]);
    // The sender, the reference and the date sit to the right of the window.
    for (const t of ['PD-2026-0042', '令和8年11月24日', '株式会社JUO']) expect(first.find((w) => w.text === t)!.xMin).toBeGreaterThan(WINDOW.left + WINDOW.width);
  });

  it('a long address gets a smaller size and stays inside the window', async () => {
    const address = '北海道札幌市中央区北一条西二丁目1番地1 札幌中央ビルディング東館18階 株式会社サンプル気付';
    const letter = letterFixture('acknowledgement', { address });
    const first = (await words(await pdf(renderLetter(letter.content, letter.ctx)))).filter((w) => w.page === 1 && w.yMax < 60 && w.xMax < 115);
    expect(squash(first.map((w) => w.text).join(''))).toContain(squash(address));
    for (const w of first) expect([w.text, inside(w, WINDOW)]).toEqual([w.text, true]);
  });
});

describe('long texts', () => {
  it('a short notice fits one page; a long request spills onto page 2, numbered 1 / 2 and 2 / 2', async () => {
    const short = letterFixture('acknowledgement', { requestText: '開示を請求します。' });
    const one = await pdf(renderLetter(short.content, short.ctx));
    expect(await pageCount(one)).toBe(1);
    expect(footerOf((await pagesText(one))[0]!)).toBe('1 / 1');

    const request = `${'登録されている私の個人情報と、その第三者提供の記録の開示を求めます。'.repeat(12)}\n以上、よろしくお願いいたします。`;
    const long = letterFixture('acknowledgement', { requestText: request });
    const two = await pdf(renderLetter(long.content, long.ctx));
    expect(await pdfinfo(two)).toMatch(/^Pages:\s+2$/m);
    const pages = await pagesText(two);
    expect(pages.map(footerOf)).toEqual(['1 / 2', '2 / 2']);
    expect(occurrences(bodyOf(pages), squash(request))).toBe(2); // whole, in the Japanese and in the English part
  });

  it('a very long request flows over many pages with nothing clipped; rows and headings are not split from their text', async () => {
    const paragraph = 'I asked for every record about me, including the logs of the service and the history of my applications, with dates. ';
    const request = Array.from({ length: 40 }, (_, i) => `(${i + 1}) ${paragraph.repeat(3)}`).join('\n') + '\nhttps://example.com/' + 'x'.repeat(400);
    const letter = letterFixture('decision', { requestText: request });
    const bytes = await pdf(renderLetter(letter.content, letter.ctx));
    const n = await pageCount(bytes);
    expect(n).toBeGreaterThan(4);
    const pages = await pagesText(bytes);
    pages.forEach((p, i) => expect(footerOf(p)).toBe(`${i + 1} / ${n}`));
    // Every word of the request, the unbroken URL included, is printed (twice: Japanese and English).
    expect(occurrences(bodyOf(pages), squash(request))).toBe(2);
    const all = await words(bytes);
    const pageOf = (t: string, after = 0) => all.find((w) => w.text.includes(t) && w.page >= after)?.page;
    // Each fact's label is on the page where its value starts.
    expect(pageOf('決定')).toBe(pageOf('一部開示'));
    expect(pageOf('Fee', pageOf('Notice') ?? 1)).toBe(pageOf('¥1,000', pageOf('Notice') ?? 1));
    // A heading is never left alone at the foot of a page.
    expect(pageOf('関係規定')).toBe(pageOf(ART6_QUOTE.ja.slice(0, 8)));
    const enTitle = all.find((w) => w.text === 'Notice' && w.xMin > 60)!;
    expect(all.some((w) => w.page === enTitle.page && w.text === 'Dear')).toBe(true);
    // Nothing prints outside the page's text area (20 mm left, 18 mm right), i.e. no text is cut off.
    for (const w of all) expect([w.text, w.xMin >= 19.5 && w.xMax <= 192.5]).toEqual([w.text, true]);
  });
});

describe('a batch', () => {
  const refs = ['PD-2026-0101', 'PD-2026-0102', 'PD-2026-0103'];
  const long = 'この請求は長文です。'.repeat(180);
  const batch: Letter[] = [
    letterFixture('decision', { reference: refs[0], memberName: '佐藤 一郎' }),
    letterFixture('acknowledgement', { reference: refs[1], memberName: '鈴木 花子', requestText: '開示を請求します。' }),
    letterFixture('rejection', { reference: refs[2], memberName: '高橋 健', requestText: long }),
  ];

  it('is measured once, then each letter starts on a new page and numbers its own pages', async () => {
    const singles: number[] = [];
    for (const l of batch) singles.push(await pageCount(await pdf(renderLetter(l.content, l.ctx))));
    const measuring = await pdf(renderLetterBatch(batch, { measure: true }));
    const counts = measuredPageCounts(measuring, batch.length);
    // The measured counts are the pages each letter takes on its own; the third letter is long.
    expect(counts).toEqual(singles);
    expect(counts[1]).toBe(1);
    expect(counts[2]).toBeGreaterThan(2);
    expect(pageOrientations(measuring)).toEqual(counts.flatMap((n, i) => Array<string>(n).fill(i % 2 === 1 ? 'landscape' : 'portrait')));
    // Duplex: a letter with an odd page count (not the last) is followed by a blank page.
    const padded = counts.map((n, i) => (n % 2 === 1 && i < counts.length - 1 ? n + 1 : n));
    const expected = counts.flatMap((n, i) => [...Array.from({ length: n }, (_, k) => `${k + 1} / ${n}`), ...(padded[i]! > n ? [undefined] : [])]);
    const starts = counts.map((_, i) => 1 + padded.slice(0, i).reduce((a, b) => a + b, 0));

    const bytes = await pdf(renderLetterBatch(batch, { pageCounts: counts }));
    expect(pageOrientations(bytes).every((o) => o === 'portrait')).toBe(true);
    const pages = await pagesText(bytes);
    expect(pages).toHaveLength(expected.length);
    expect(pages.map(footerOf)).toEqual(expected);
    // The reference sits at the top of each letter's first page, with its own recipient in the window.
    const all = await words(bytes);
    refs.forEach((ref, i) => {
      const head = all.find((w) => w.text === ref && w.yMax < 25);
      expect([ref, head?.page]).toEqual([ref, starts[i]]);
    });
    ['佐藤', '鈴木', '高橋'].forEach((name, i) => {
      expect([name, all.some((w) => w.page === starts[i] && w.text === name && inside(w, WINDOW))]).toEqual([name, true]);
    });
    // Every page's footer names its own letter's reference.
    const footers = pages.map((p) => /(PD-2026-\d{4})\s+\d+\s*\/\s*\d+\s*$/.exec(p.trimEnd())?.[1]);
    expect(footers).toEqual(counts.flatMap((n, i) => [...Array<string>(n).fill(refs[i]!), ...(padded[i]! > n ? [undefined] : [])]));
  });

  it('duplex: letters of 1, 2 and 3 pages each begin on an odd page; the inserted blank page carries no member data', async () => {
    const members = [
      { ref: 'PD-2026-0201', name: '小川 真一', address: '大阪府大阪市北区梅田1-1-1' },
      { ref: 'PD-2026-0202', name: '石井 里美', address: '福岡県福岡市博多区博多駅前2-2-2' },
      { ref: 'PD-2026-0203', name: '森 大輔', address: '愛知県名古屋市中区栄3-3-3' },
    ];
    /** A letter that takes exactly `n` pages on its own (the request text grows until it does). */
    const withPages = async (n: number, m: (typeof members)[number]): Promise<Letter> => {
      for (let reps = 0; reps <= 900; reps += n === 1 ? 1000 : 15) {
        const l = letterFixture('acknowledgement', { reference: m.ref, memberName: m.name, address: m.address, requestText: reps === 0 ? '開示を請求します。' : 'ご請求の内容の写しです。'.repeat(reps) });
        if ((await pageCount(await pdf(renderLetter(l.content, l.ctx)))) === n) return l;
      }
      throw new Error(`no ${n}-page letter`);
    };
    for (const order of [[1, 2, 3], [3, 1, 2]]) {
      const letters: Letter[] = [];
      for (const [i, n] of order.entries()) letters.push(await withPages(n, members[i]!)); // one page at a time
      const counts = measuredPageCounts(await pdf(renderLetterBatch(letters, { measure: true })), letters.length);
      expect(counts).toEqual(order);
      const bytes = await pdf(renderLetterBatch(letters, { pageCounts: counts }));
      const pages = await pagesText(bytes);
      const all = await words(bytes);
      // Where each letter begins: its reference at the top of the page, its recipient in the window.
      const starts = members.map((m) => all.find((w) => w.text === m.ref && w.yMax < 25)!.page);
      expect(starts.map((p) => p % 2)).toEqual([1, 1, 1]);
      expect(starts[0]).toBe(1);
      const blanks = pages.map((p, i) => (/このページは白紙です/.test(p) ? i + 1 : null)).filter((p): p is number => p !== null);
      // One blank after each odd-length letter except the last.
      expect(blanks).toHaveLength(order.slice(0, -1).filter((n) => n % 2 === 1).length);
      expect(pages.length % 2 === 0 || order.at(-1)! % 2 === 1).toBe(true);
      for (const b of blanks) {
        const text = squash(pages[b - 1]!);
        expect(text).toBe(squash('このページは白紙です / This page is intentionally blank'));
        for (const m of members) for (const s of [m.ref, m.name.split(' ')[0]!, m.address.slice(0, 5)]) expect(text).not.toContain(s);
      }
    }
  });

  it('without counts prints the page number within each letter', async () => {
    const counts: number[] = [];
    for (const l of batch) counts.push(await pageCount(await pdf(renderLetter(l.content, l.ctx))));
    const pages = await pagesText(await pdf(renderLetterBatch(batch)));
    expect(pages.map((p) => /(\d+)\s*$/.exec(p.trimEnd())?.[1])).toEqual(counts.flatMap((n) => Array.from({ length: n }, (_, k) => String(k + 1))));
  });
});

describe('hostile values print as inert text', () => {
  const name = '<script>alert(1)</script>';
  const request = '<img src=x onerror=alert(1)> </style><b>bold</b> {{member_name}} {{reference}} javascript:alert(2)';
  const hostile = () => letterFixture('decision', { memberName: name, requestText: request });

  it('the PDF shows the characters as typed; nothing is substituted', async () => {
    const l = hostile();
    const text = await pdftotext(await pdf(renderLetter(l.content, l.ctx)), '-raw');
    expect(text).toContain(`${name} 様`);
    expect(squash(text)).toContain(squash(request));
    expect(text).toContain('{{member_name}}');
    expect(text).toContain('<b>bold</b>');
  });

  it('a browser with scripts on finds no script, no handler, no javascript: URL; nothing runs', async () => {
    const live = await browser.newContext({ javaScriptEnabled: true });
    const p = await live.newPage();
    const dialogs: string[] = [];
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const l = hostile();
    await p.goto(server.put(renderLetterBatch([l, hostile()], { pageCounts: [2, 2] })), { waitUntil: 'load' });
    // Read in the page with the browser's own HTML parser (a string: this project's types have no DOM).
    const found = (await p.evaluate(`(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        scripts: document.querySelectorAll('script, iframe, object, embed, img, svg, link, base, form').length,
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + '.' + a.name)),
        urls: all.flatMap((e) => [...e.attributes].filter((a) => /javascript:/i.test(a.value)).map((a) => a.name)),
        styles: document.querySelectorAll('style').length,
        bodyText: document.body.innerText,
      };
    })()`)) as { scripts: number; handlers: string[]; urls: string[]; styles: number; bodyText: string };
    await live.close();
    expect(found).toMatchObject({ scripts: 0, handlers: [], urls: [], styles: 1 });
    expect(found.bodyText).toContain(`${name} 様`);
    expect(found.bodyText).toContain('{{member_name}}');
    expect(dialogs).toEqual([]);
  });

  it('right-to-left overrides cannot reorder the reference or the text around a value', async () => {
    const l = letterFixture('acknowledgement', { memberName: '\u202E太郎 山田', reference: 'PD-2026-0777', requestText: 'abc\u202Edef ghi\u2066jkl' });
    const bytes = await pdf(renderLetter(l.content, l.ctx));
    const raw = await pdftotext(bytes, '-raw');
    expect(raw).toContain('太郎 山田 様');
    expect(raw).toContain('PD-2026-0777');
    expect(raw).toContain('abcdef ghijkl');
    expect(raw).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // Left to right, in the order typed: the name's words and then 様 on one line of the window.
    const w = (await words(bytes)).filter((x) => x.page === 1 && inside(x, WINDOW));
    const line = w.filter((x) => ['太郎', '山田', '様'].includes(x.text)).sort((a, b) => a.xMin - b.xMin).map((x) => x.text);
    expect(line).toEqual(['太郎', '山田', '様']);
  });
});
