// A notice as a printed letter: one complete HTML document (A4, print CSS, fonts, strict CSP, no script),
// built by pure functions from the notice's content (core/notices: the same words as the email) and the
// letter's context (sender, recipient, reference). Every value is escaped (text.ts); nothing is expanded.
//
// Page numbers are CSS page-margin boxes (Chromium ≥ 131), not Chromium's headerTemplate/footerTemplate:
// margin boxes are part of the document, so the same HTML numbers its pages the same way whether it is
// printed through the system dialog (Electron webContents.print, the browser's own print), saved with
// Electron's printToPDF or rendered by page.pdf in tests; footer templates exist only for PDF output and
// count the whole document. One letter: `counter(page) " / " counter(pages)`. A batch: each letter has
// its own named page (`page: l<i>`, which also starts it on a new page) with its own page counter
// (`@page l<i> { counter-increment: n<i> }`), so numbers restart per letter; the letter's total cannot be
// known by CSS, so it comes from `pageCounts`, measured by rendering the batch once with `measure: true`
// (every other letter's pages turned landscape: see pdf-pages.ts). Without counts a batch prints the
// per-letter page number alone.
import { createHash } from 'node:crypto';
import type { DeskDetails } from '../../contract/index.ts';
import type { BilingualText, NoticeContent } from '../notices/notice-content.ts';
import { FONT_ROUTE, SANS_FAMILY, SERIF_FAMILY, fontFaceCss } from './fonts.ts';
import { ADDRESS_BLOCK, HEAD_HEIGHT, PAGE_MARGIN, SENDER_COLUMN, WINDOW } from './layout.ts';
import { cleanText, cssString, escapeHtml } from './text.ts';
import { addressSize } from './window-fit.ts';

export interface LetterRecipient {
  name: string;
  postalCode: string;
  /** As staff typed it: its line breaks are kept (at most MAX_ADDRESS_LINES, checked at intake). */
  address: string;
  /** A representative or agent writes for a member: 「○○様の法定代理人／代理人」 above their name. */
  onBehalfOf?: { name: string; kind: 'representative' | 'agent' } | null;
}

export interface LetterContext {
  /** The desk's sender block (settings, seeded from Art. 11 of the policy). */
  desk: DeskDetails;
  /** Who the letter goes to: printed in the envelope window. */
  member: LetterRecipient;
  /** The case reference, printed in the head and in every page's footer. */
  reference: string;
  /** The date of issue; defaults to the content's own issuedOn. */
  issuedOn?: BilingualText;
  /** Desk hours, printed only when the notice's closing is empty (the letter always shows the hours). */
  businessHours?: { open: string; close: string };
  /** 個人情報保護管理者 or the desk's manager (a setting); empty or absent: no line. */
  responsiblePerson?: string;
}

export interface Letter {
  content: NoticeContent;
  ctx: LetterContext;
}

export interface BatchOptions {
  /** Pages of each letter (from a measuring render): footers then read "X / Y" within each letter. */
  pageCounts?: readonly number[];
  /** The measuring render: every odd-numbered letter (0-based) is laid out the same but printed landscape. */
  measure?: boolean;
}

/** The words of a duplex blank page (the only thing printed on it: no reference, no name). */
export const BLANK_PAGE_WORDS = 'このページは白紙です / This page is intentionally blank';

/** Words of the letter itself (not of the notice). */
export const LETTER_WORDS = {
  referenceJa: '受付番号',
  referenceEn: 'Ref.',
  translationNoteJa: '以下は英語による参考訳です。日本語の本文が優先します。',
  translationNoteEn: 'English translation (for reference; the Japanese text prevails)',
  citationsJa: '関係規定（プライバシーポリシーより）',
  citationsEn: 'Provisions relied on (quoted from the Privacy Policy)',
  honorific: '様',
  onBehalfOfRepresentative: '様の法定代理人',
  onBehalfOfAgent: '様の代理人',
  note: '記',
  responsibleJa: '個人情報保護管理者',
  responsibleEn: 'Personal information protection manager',
  originalJapanese: '(original Japanese)',
  end: '以上',
  telJa: '電話',
  telEn: 'Tel.',
} as const;

/** The policy of every letter document: no script, no network, its own <style> (by hash) and the served fonts. */
export function letterCsp(styleText: string): string {
  const hash = createHash('sha256').update(styleText, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    "font-src 'self'",
    "img-src 'none'",
    "script-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Collects every printed string (for the font subsets) while escaping it. */
class Printer {
  readonly texts: string[] = [...Object.values(LETTER_WORDS), BLANK_PAGE_WORDS, '0123456789 /〒()（）・–'];
  /** Escaped text. */
  t(value: string): string {
    const clean = cleanText(value);
    this.texts.push(clean);
    return escapeHtml(clean);
  }
  /** Escaped text as an isolated run: it cannot reorder what is around it. */
  v(value: string): string {
    return `<bdi>${this.t(value)}</bdi>`;
  }
}

/** 1600023 → 160-0023; anything else as given. */
function postal(code: string): string {
  const digits = code.replace(/[^0-9]/g, '');
  return digits.length === 7 ? `${digits.slice(0, 3)}-${digits.slice(3)}` : code;
}

function head(p: Printer, c: NoticeContent, ctx: LetterContext): string {
  const d = ctx.desk;
  const m = ctx.member;
  const issued = ctx.issuedOn ?? c.issuedOn;
  const behalf = m.onBehalfOf
    ? `<p class="behalf" data-field="onBehalfOf">${p.v(m.onBehalfOf.name)}${p.t(m.onBehalfOf.kind === 'representative' ? LETTER_WORDS.onBehalfOfRepresentative : LETTER_WORDS.onBehalfOfAgent)}</p>`
    : '';
  const to = [
    m.postalCode.trim() ? `<p class="postal" data-field="postalCode">〒${p.v(postal(m.postalCode.trim()))}</p>` : '',
    m.address.trim() ? `<p class="address ${addressSize(m.address)}" data-field="address">${p.v(m.address.trim())}</p>` : '',
    behalf,
    `<p class="name" data-field="name">${p.v(m.name)} ${p.t(LETTER_WORDS.honorific)}</p>`,
  ].join('');
  const phone = d.phone.trim();
  const from = [
    `<p class="org">${p.v(d.companyJa)}</p>`,
    `<p class="org">${p.v(d.deskNameJa)}</p>`,
    `<p>〒${p.v(postal(d.postalCode))}</p>`,
    `<p>${p.v(d.addressJa)}</p>`,
    phone ? `<p>${p.t(LETTER_WORDS.telJa)} ${p.v(phone)}</p>` : '',
    `<p>${p.v(d.email)}</p>`,
    `<p class="en">${p.v(d.companyEn)} · ${p.v(d.deskNameEn)}</p>`,
  ].join('');
  return `<header class="head">
<div class="to" aria-label="宛先 / To">${to}</div>
<div class="side">
<div class="meta"><p class="ref">${p.t(LETTER_WORDS.referenceJa)} ${p.t(LETTER_WORDS.referenceEn)} ${p.v(ctx.reference)}</p><p class="date">${p.v(issued.ja)}</p><p class="date">${p.v(issued.en)}</p></div>
<div class="from">${from}</div>
</div>
</header>`;
}

function hoursFallback(ctx: LetterContext): BilingualText[] {
  const h = ctx.businessHours ?? { open: '10:00', close: '18:00' };
  return [
    {
      ja: `受付時間は平日${h.open}〜${h.close}です（土曜・日曜・祝日および12月29日〜1月3日は休業）。`,
      en: `The desk is open ${h.open}–${h.close} on weekdays; closed on weekends, public holidays and from December 29 to January 3.`,
    },
  ];
}

function body(p: Printer, c: NoticeContent, ctx: LetterContext, lang: 'ja' | 'en'): string {
  const paragraphs = c.paragraphs.map((x) => `<p>${p.t(x[lang])}</p>`).join('\n');
  // A row is kept whole on one page, unless its value is long (a pasted request): a row taller than what
  // is left of a page would otherwise be pushed whole to the next page and leave a blank one behind.
  const row = (f: NoticeContent['facts'][number]) => {
    const value = cleanText(f.value[lang]);
    const long = value.length > 500 || value.split('\n').length > 10;
    // Staff wrote it in Japanese: the English half says so instead of passing it off as a translation.
    const original = lang === 'en' && f.staffWritten ? `<span class="original">${p.t(LETTER_WORDS.originalJapanese)}</span> ` : '';
    return `<tr${long ? ' class="long"' : ''}><th scope="row">${p.t(f.label[lang])}</th><td>${original}${p.v(value)}</td></tr>`;
  };
  // 記 … 以上: the facts are the 記 (the particulars) of a Japanese business letter.
  const ki = lang === 'ja' && c.facts.length ? `<p class="ki">${p.t(LETTER_WORDS.note)}</p>\n` : '';
  const facts = c.facts.length ? `${ki}<table class="facts"><tbody>\n${c.facts.map(row).join('\n')}\n</tbody></table>` : '';
  const citations = c.citations.length
    ? `<section class="citations"><h2>${p.t(lang === 'ja' ? LETTER_WORDS.citationsJa : LETTER_WORDS.citationsEn)}</h2>\n${c.citations
        .map((q) => `<blockquote>${p.t(q[lang])}</blockquote>`)
        .join('\n')}</section>`
    : '';
  const closing = (c.closing.length ? c.closing : hoursFallback(ctx)).map((x) => `<p>${p.t(x[lang])}</p>`).join('\n');
  const who = (ctx.responsiblePerson ?? '').trim();
  const responsible = who ? `<p class="responsible">${p.t(lang === 'ja' ? LETTER_WORDS.responsibleJa : LETTER_WORDS.responsibleEn)}${lang === 'ja' ? '\u3000' : ': '}${p.v(who)}</p>` : '';
  const note =
    lang === 'en' ? `<p class="translation-note"><span lang="ja">${p.t(LETTER_WORDS.translationNoteJa)}</span><br>${p.t(LETTER_WORDS.translationNoteEn)}</p>\n` : '';
  const end = lang === 'ja' ? `<p class="end">${p.t(LETTER_WORDS.end)}</p>` : '';
  return `<section class="body ${lang}" lang="${lang}">
${note}<h1>${p.t(c.title[lang])}</h1>
<p class="salutation">${p.t(c.salutation[lang])}</p>
<div class="paragraphs">
${paragraphs}
</div>
${facts}
${citations}
<div class="closing">
${closing}
${responsible}
</div>
${end}
</section>`;
}

function article(p: Printer, letter: Letter, index: number | null): string {
  const cls = index === null ? 'letter' : `letter l${index}`;
  return `<article class="${cls}">
${head(p, letter.content, letter.ctx)}
${body(p, letter.content, letter.ctx, 'ja')}
${body(p, letter.content, letter.ctx, 'en')}
</article>`;
}

const mm = (n: number) => `${n}mm`;

/** The print CSS shared by single letters and batches (page numbering is added per document). */
function baseCss(): string {
  const M = PAGE_MARGIN;
  const col2 = SENDER_COLUMN.left - ADDRESS_BLOCK.left - ADDRESS_BLOCK.width;
  return `
@page{size:210mm 297mm;margin:${mm(M.top)} ${mm(M.right)} ${mm(M.bottom)} ${mm(M.left)};
@bottom-left{font-family:'${SANS_FAMILY}',sans-serif;font-size:7.5pt;color:#444;vertical-align:top;padding-top:5mm}
@bottom-center{font-family:'${SANS_FAMILY}',sans-serif;font-size:8.5pt;color:#222;vertical-align:top;padding-top:5mm}}
html{font-family:'${SERIF_FAMILY}',serif;font-size:10pt;line-height:1.65;color:#000;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact;text-size-adjust:none}
body{margin:0}
p{margin:0}
bdi{unicode-bidi:isolate}
.letter{break-before:page}
.letter:first-child{break-before:auto}
.head{display:grid;grid-template-columns:${mm(ADDRESS_BLOCK.left - M.left)} ${mm(ADDRESS_BLOCK.width)} ${mm(col2)} 1fr;min-height:${mm(HEAD_HEIGHT)};break-inside:avoid;line-height:1.45}
.to{grid-column:2;padding-top:${mm(ADDRESS_BLOCK.top - M.top)};font-family:'${SANS_FAMILY}',sans-serif;overflow-wrap:anywhere}
.to .postal{font-size:10.5pt}
.to .address{margin-top:0.8mm}
.to .a1{font-size:10.5pt}
.to .a2{font-size:9pt}
.to .a3{font-size:8pt}
.to .name{font-size:12.5pt;margin-top:2.5mm}
.to .behalf{font-size:9pt;margin-top:2mm}
.to .behalf + .name{margin-top:0.5mm}
.to .address{white-space:pre-line}
.to{line-break:strict;word-break:normal}
.ki{text-align:center;margin:3mm 0 1mm;break-after:avoid}
.original{font-family:'${SANS_FAMILY}',sans-serif;font-size:7.5pt;color:#333}
.responsible{margin-top:1.5mm}
.blank{page:blank;break-before:page;height:1mm}
@page blank{@bottom-left{content:none}@bottom-center{content:none}@bottom-right{font-family:'${SANS_FAMILY}',sans-serif;font-size:7pt;color:#666;vertical-align:top;padding-top:5mm;content:${cssString(BLANK_PAGE_WORDS)}}}
.side{grid-column:4;padding-top:${mm(WINDOW.top - M.top)};font-family:'${SANS_FAMILY}',sans-serif;overflow-wrap:anywhere}
.meta{text-align:right;font-size:9pt;margin-bottom:4mm}
.meta .ref{font-size:8.5pt;margin-bottom:1mm}
.from{font-size:8pt;line-height:1.5}
.from .org{font-size:9pt}
.from .en{font-size:7.5pt;color:#333}
.body{overflow-wrap:anywhere;line-break:strict}
.body.en{line-height:1.4;font-size:9pt;margin-top:6mm;padding-top:3mm;border-top:0.5pt solid #777}
h1{font-family:'${SANS_FAMILY}',sans-serif;font-weight:700;font-size:14pt;text-align:center;margin:0 0 4mm;line-height:1.4;break-after:avoid}
.ja h1{letter-spacing:0.12em}
h2{font-family:'${SANS_FAMILY}',sans-serif;font-weight:700;font-size:9pt;margin:3mm 0 1mm;break-after:avoid}
.salutation{margin-bottom:2mm;break-after:avoid}
.paragraphs p{white-space:pre-line;text-indent:0;margin-bottom:1.5mm;orphans:2;widows:2}
.ja .paragraphs p{text-indent:1em}
.translation-note{font-family:'${SANS_FAMILY}',sans-serif;font-size:8pt;color:#222;border:0.5pt solid #777;padding:1mm 2.5mm;margin-bottom:3mm;break-after:avoid;line-height:1.45}
table.facts{width:100%;border-collapse:collapse;margin:2.5mm 0 2mm;font-size:9pt;line-height:1.5}
.facts tr{break-inside:avoid}
.facts tr.long{break-inside:auto}
.facts th{width:34mm;text-align:left;vertical-align:top;font-family:'${SANS_FAMILY}',sans-serif;font-weight:400;font-size:8pt;background:#f1f1f1;border:0.5pt solid #888;padding:0.9mm 2mm}
.facts td{vertical-align:top;border:0.5pt solid #888;padding:0.9mm 2mm;white-space:pre-wrap;overflow-wrap:anywhere}
.citations blockquote{margin:0 0 1.5mm;padding:0.3mm 0 0.3mm 3mm;border-left:1.2pt solid #999;font-size:8.5pt;line-height:1.55;white-space:pre-line;break-inside:avoid}
.closing{margin-top:2.5mm;font-size:8.5pt;line-height:1.5}
.en .closing{font-size:8pt}
.closing p{white-space:pre-line;orphans:2;widows:2}
.end{text-align:right;margin-top:2mm;break-before:avoid}
@media screen{html{background:#e9ecef}.letter{box-sizing:border-box;width:210mm;min-height:297mm;margin:6mm auto;padding:${mm(M.top)} ${mm(M.right)} ${mm(M.bottom)} ${mm(M.left)};background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}}
`;
}

export function documentHtml(title: string, lang: string, css: string, articles: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(letterCsp(css))}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${title}</title>
<style>${css}</style>
</head>
<body>
${articles}
</body>
</html>
`;
}

/** One letter as a complete, printable HTML document; its pages read "1 / 2", "2 / 2". */
export function renderLetter(content: NoticeContent, ctx: LetterContext): string {
  const p = new Printer();
  const articles = article(p, { content, ctx }, null);
  const title = `${p.t(ctx.reference)} ${p.t(content.title.ja)}`;
  const pages = `@page{@bottom-left{content:${cssString(ctx.reference)}}@bottom-center{content:counter(page) " / " counter(pages)}}`;
  p.texts.push(cleanText(ctx.reference));
  const css = `${fontFaceCss(p.texts, FONT_ROUTE)}\n${baseCss()}${pages}\n`;
  return documentHtml(title, 'ja', css, articles);
}

/**
 * Several letters as one document: each starts on a new page and numbers its own pages. With
 * `pageCounts` (from a measuring render, see pdf-pages.ts) the footers read "X / Y" within each letter.
 */
export function renderLetterBatch(letters: readonly Letter[], options: BatchOptions = {}): string {
  if (letters.length === 0) throw new RangeError('A batch needs at least one letter.');
  const counts = options.pageCounts;
  if (counts !== undefined && (counts.length !== letters.length || counts.some((n) => !Number.isInteger(n) || n < 1))) {
    throw new RangeError('pageCounts must give a positive page count for every letter.');
  }
  if (letters.length === 1 && !options.measure) return renderLetter(letters[0]!.content, letters[0]!.ctx);
  const p = new Printer();
  // Duplex: every letter starts on an odd page, so a letter with an odd page count is followed by a blank
  // page (its own named page: nothing on it but BLANK_PAGE_WORDS, no reference, no name). The counts come
  // from the measuring render, so the print dialog, the saved PDF and the tests get the same sheets.
  const blank = (i: number) => (counts && i < letters.length - 1 && counts[i]! % 2 === 1 ? '\n<div class="blank" aria-hidden="true"></div>' : '');
  const articles = letters.map((l, i) => article(p, l, i) + blank(i)).join('\n');
  const pages = letters
    .map((l, i) => {
      p.texts.push(cleanText(l.ctx.reference));
      const number = counts ? `counter(n${i}) " / ${counts[i]}"` : `counter(n${i})`;
      const turn = options.measure && i % 2 === 1 ? 'page-orientation:rotate-left;' : '';
      return `.l${i}{page:l${i}}\n@page l${i}{${turn}counter-increment:n${i};@bottom-left{content:${cssString(l.ctx.reference)}}@bottom-center{content:${number}}}`;
    })
    .join('\n');
  const title = `${p.t(letters[0]!.ctx.reference)} … (${letters.length})`;
  const css = `${fontFaceCss(p.texts, FONT_ROUTE)}\n${baseCss()}${pages}\n`;
  return documentHtml(title, 'ja', css, articles);
}
