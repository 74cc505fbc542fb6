// renderLetter / renderLetterBatch as pure functions: a complete document, every value escaped, no
// script, only the font subsets the text needs, and the font route refusing anything but its own files.
import { describe, expect, it } from 'vitest';
import { renderLetter, renderLetterBatch, letterCsp, LETTER_WORDS } from '../../../electron/core/letters/render.ts';
import { cleanText, cssString, escapeHtml } from '../../../electron/core/letters/text.ts';
import { FONT_ROUTE, fontFaceCss, servedFont, subsetsFor } from '../../../electron/core/letters/fonts.ts';
import { letterFontFile } from '../../../electron/core/letters/font-files.ts';
import { noticeKinds } from '../../../electron/contract/index.ts';
import { letterFixture } from '../../support/letters.ts';
import { existsSync } from 'node:fs';

const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</style><script>alert(2)</script>', '{{member_name}}', '"><svg onload=alert(3)>', "javascript:alert(4)", '\u202Eevil\u202C'];

/** Tags and attributes as they appear in the markup; values are escaped, so these are the renderer's own. */
function markup(html: string) {
  const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attrs: m[2]! }));
  return { tags, names: new Set(tags.map((t) => t.name)) };
}

describe('renderLetter', () => {
  it.each(noticeKinds)('%s: one complete document with the print CSS, a strict CSP and no script', (kind) => {
    const { content, ctx } = letterFixture(kind);
    const html = renderLetter(content, ctx);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ja" dir="ltr">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const { names, tags } = markup(html);
    expect([...names].sort()).toEqual(
      expect.arrayContaining(['article', 'bdi', 'body', 'head', 'header', 'html', 'meta', 'p', 'section', 'style', 'title']),
    );
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'article', 'header', 'div', 'section', 'p', 'h1', 'h2', 'table', 'tbody', 'tr', 'th', 'td', 'blockquote', 'bdi', 'span', 'br']);
    expect([...names].filter((n) => !allowed.has(n))).toEqual([]);
    expect(tags.filter((t) => /\son\w+\s*=/i.test(t.attrs))).toEqual([]);
    expect(html).not.toMatch(/javascript:/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    expect(html).toContain(`content="${escapeHtml(letterCsp(style))}"`);
    expect(letterCsp(style)).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]{44}'; font-src 'self'; img-src 'none'; script-src 'none'/);
    expect(style).toContain('@page{size:210mm 297mm');
    expect(style).toContain('@bottom-center{content:counter(page) " / " counter(pages)}');
    expect(html).toContain('<section class="body ja" lang="ja">');
    expect(html).toContain(LETTER_WORDS.translationNoteEn);
    // Japanese first, then the English reference translation.
    expect(html.indexOf(content.title.ja)).toBeLessThan(html.indexOf(content.title.en));
  });

  it('escapes every value, in text and in the footer CSS, and expands nothing', () => {
    for (const bad of HOSTILE) {
      const { content, ctx } = letterFixture('decision', { memberName: bad, requestText: `前文 ${bad} 後文`, address: bad, reference: `PD-1 ${bad}` });
      content.title = { ja: bad, en: bad };
      content.citations = [{ ja: bad, en: bad }];
      ctx.desk = { ...ctx.desk, companyJa: bad, email: bad };
      const html = renderLetter(content, ctx);
      const { names, tags } = markup(html);
      expect(names.has('script')).toBe(false);
      expect(names.has('img')).toBe(false);
      expect(names.has('svg')).toBe(false);
      expect(tags.filter((t) => /\son\w+\s*=/i.test(t.attrs))).toEqual([]);
      expect(html.match(/<\/style>/g)).toHaveLength(1);
      expect(html).toContain(escapeHtml(bad));
      // The footer's reference is a CSS string: nothing in it can close the string, the rule or the element.
      const footer = /@bottom-left\{content:("(?:[^"\\]|\\[0-9a-f]+ )*")\}/.exec(html)?.[1];
      expect(footer).toBe(cssString(`PD-1 ${bad}`));
    }
    const { content, ctx } = letterFixture('acknowledgement', { memberName: '{{member_name}}', requestText: '{{requestText}} {{reference}}' });
    const html = renderLetter(content, ctx);
    expect(html).toContain('{{member_name}} 様');
    expect(html).toContain('{{requestText}} {{reference}}');
  });

  it('removes bidi embedding, override and isolate controls, and isolates values in <bdi>', () => {
    expect(cleanText('abc\u202Edef\u202C \u2066x\u2069 \u200Fkeep')).toBe('abcdef x \u200Fkeep');
    expect(cleanText('a\u0000b\u0007c\r\nd\u2028e\ud800f')).toBe('abc\nd\ne\uFFFDf');
    const { content, ctx } = letterFixture('decision', { memberName: '\u202E田中\u202C', reference: 'PD-2026-0042' });
    const html = renderLetter(content, ctx);
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain('<bdi>田中</bdi> 様');
    expect(html).toContain('<bdi>PD-2026-0042</bdi>');
  });

  it('asks only for the font subsets its text uses, from the letter font route', () => {
    const { content, ctx } = letterFixture('decision');
    const html = renderLetter(content, ctx);
    const faces = html.match(/@font-face\{/g)!.length;
    const needed = subsetsFor(['a']).length;
    expect(needed).toBe(1);
    expect(faces % 3).toBe(0);
    expect(faces / 3).toBeGreaterThan(10);
    expect(faces / 3).toBeLessThan(80); // of ~124 subsets per face
    for (const m of html.matchAll(/src:url\(([^)]+)\) format\('woff2'\)/g)) {
      expect(m[1]!.startsWith(FONT_ROUTE)).toBe(true);
      expect(letterFontFile(m[1]!)).not.toBeNull();
      expect(existsSync(letterFontFile(m[1]!)!)).toBe(true);
    }
    // Latin-only text needs the latin subset alone; the order of faces follows @fontsource's.
    expect(fontFaceCss(['Hello'])).toContain('noto-serif-jp-latin-400-normal.woff2');
    expect(fontFaceCss(['Hello'])).not.toContain('noto-serif-jp-118-400-normal.woff2');
  });

  it('the font route serves exactly the files a letter uses and refuses everything else', () => {
    expect(servedFont('noto-serif-jp-117-400-normal.woff2')).toEqual({ pkg: 'noto-serif-jp', file: 'noto-serif-jp-117-400-normal.woff2' });
    expect(servedFont('noto-sans-jp-latin-700-normal.woff2')).not.toBeNull();
    for (const bad of [
      'noto-serif-jp-117-700-normal.woff2', // a weight letters do not use
      'noto-serif-jp-117-400-normal.woff',
      'noto-serif-jp-999-400-normal.woff2',
      '../../../package.json',
      'noto-serif-jp-117-400-normal.woff2/../../package.json',
      '..%2f..%2fpackage.json',
      'noto-serif-jp-117-400-normal.woff2%00',
      'noto-serif-jp-117-400-normal.woff2?x',
      'NOTO-SERIF-JP-117-400-normal.woff2',
      '',
    ]) {
      expect([bad, servedFont(bad)]).toEqual([bad, null]);
      expect([bad, letterFontFile(`${FONT_ROUTE}${bad}`)]).toEqual([bad, null]);
    }
    expect(letterFontFile('/letters/font/noto-serif-jp-117-400-normal.woff2')).toBeNull();
    expect(letterFontFile('/etc/passwd')).toBeNull();
  });
});

describe('the letter form', () => {
  it('記 before the facts table, 以上 at the end; the responsible person line only when set', () => {
    const { content, ctx } = letterFixture('decision');
    const html = renderLetter(content, ctx);
    const ja = html.slice(html.indexOf('<section class="body ja"'), html.indexOf('<section class="body en"'));
    expect(ja.indexOf('<p class="ki">記</p>')).toBeGreaterThan(-1);
    expect(ja.indexOf('<p class="ki">記</p>')).toBeLessThan(ja.indexOf('<table class="facts">'));
    expect(ja.indexOf('<p class="end">以上</p>')).toBeGreaterThan(ja.indexOf('</table>'));
    expect(html).not.toContain('個人情報保護管理者');
    const withPerson = renderLetter(content, { ...ctx, responsiblePerson: '総務部長 山田 一郎' });
    expect(withPerson).toContain('個人情報保護管理者\u3000<bdi>総務部長 山田 一郎</bdi>');
    expect(withPerson).toContain('Personal information protection manager: <bdi>総務部長 山田 一郎</bdi>');
  });

  it('staff-written facts carry "(original Japanese)" in the English half only; the address keeps its typed lines', () => {
    const { content, ctx } = letterFixture('decision', { address: '東京都渋谷区神宮前1-2-3\nメゾン神宮前101' });
    const facts = [...content.facts, { label: { ja: '理由', en: 'Reasons' }, value: { ja: '社内記録のため', en: '社内記録のため' }, staffWritten: true }];
    const html = renderLetter({ ...content, facts }, ctx);
    const en = html.slice(html.indexOf('<section class="body en"'));
    const ja = html.slice(html.indexOf('<section class="body ja"'), html.indexOf('<section class="body en"'));
    expect(en).toContain('<span class="original">(original Japanese)</span> <bdi>社内記録のため</bdi>');
    expect(ja).not.toContain('original Japanese');
    expect(html).toContain('東京都渋谷区神宮前1-2-3\nメゾン神宮前101');
    expect(html).toMatch(/\.to \.address\{white-space:pre-line\}/);
    expect(html).toMatch(/\.to\{line-break:strict/);
  });
});

describe('cssString', () => {
  it('hex-escapes everything that could end the string, the rule or the element', () => {
    expect(cssString('PD-2026-0042')).toBe('"PD-2026-0042"');
    const s = cssString('a"b\\c</style>{}\n');
    expect(s).toBe('"a\\22 b\\5c c\\3c /style\\3e \\7b \\7d  "');
    expect(s.slice(1, -1)).not.toMatch(/["<>{}\n]/);
  });
});

describe('renderLetterBatch', () => {
  const three = [letterFixture('decision', { reference: 'PD-2026-0001' }), letterFixture('rejection', { reference: 'PD-2026-0002' }), letterFixture('extension', { reference: 'PD-2026-0003' })];

  it('gives each letter its own named page and page counter', () => {
    const html = renderLetterBatch(three, { pageCounts: [2, 1, 3] });
    expect(html.match(/<article class="letter l\d">/g)).toEqual(['<article class="letter l0">', '<article class="letter l1">', '<article class="letter l2">']);
    expect(html).toContain('.l1{page:l1}');
    expect(html).toContain('@page l0{counter-increment:n0;@bottom-left{content:"PD-2026-0001"}@bottom-center{content:counter(n0) " / 2"}}');
    expect(html).toContain('@bottom-center{content:counter(n2) " / 3"}');
    expect(html).not.toContain('page-orientation');
  });

  it('a measuring render turns every other letter landscape; without counts only the page number prints', () => {
    const html = renderLetterBatch(three, { measure: true });
    expect(html).toContain('@page l1{page-orientation:rotate-left;counter-increment:n1;');
    expect(html).not.toContain('@page l0{page-orientation');
    expect(html).toContain('@bottom-center{content:counter(n0)}');
  });

  it('one letter is the single-letter document; bad counts are refused', () => {
    expect(renderLetterBatch([three[0]!])).toBe(renderLetter(three[0]!.content, three[0]!.ctx));
    expect(() => renderLetterBatch([])).toThrow(RangeError);
    expect(() => renderLetterBatch(three, { pageCounts: [1, 2] })).toThrow(RangeError);
    expect(() => renderLetterBatch(three, { pageCounts: [1, 0, 2] })).toThrow(RangeError);
  });
});
