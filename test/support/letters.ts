// Letters in tests: NoticeContent fixtures for every notice kind, a loopback server that serves letter
// documents and the /letters/fonts route (the same font-files.ts as both transports), Chromium from
// the system through playwright-core, and poppler (pdftotext, pdfinfo, pdffonts) to read PDFs back.
import { afterAll, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { NoticeKind } from '../../electron/contract/index.ts';
import type { NoticeContent, NoticeFact } from '../../electron/core/notices/notice-content.ts';
import type { Letter, LetterContext } from '../../electron/core/letters/render.ts';
import { FONT_HEADERS, letterFontFile } from '../../electron/core/letters/font-files.ts';
import { DESK } from './desk.ts';

const run = promisify(execFile);

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Serves `/doc/<n>` (documents put with `put`) and `/letters/fonts/…`; counts font requests. */
export type LetterServer = Awaited<ReturnType<typeof letterServer>>;

export async function letterServer(): Promise<{ origin: string; put(html: string): string; fontRequests: string[]; refused: string[]; close(): Promise<void>; server: Server }> {
  const docs = new Map<string, string>();
  const fontRequests: string[] = [];
  const refused: string[] = [];
  let next = 0;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/doc/')) {
      const html = docs.get(url.slice(5));
      if (html === undefined) return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(html);
    }
    const file = letterFontFile(url);
    if (file) {
      fontRequests.push(url);
      res.writeHead(200, FONT_HEADERS);
      return res.end(readFileSync(file));
    }
    refused.push(url);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    origin,
    server,
    fontRequests,
    refused,
    put(html) {
      const id = String(next++);
      docs.set(id, html);
      return `${origin}/doc/${id}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A test file's printer: one Chromium page (scripts off, as letters are printed) and one letter server,
 * opened before the file's tests and closed after them.
 */
export function letterPrinter(): { readonly page: Page; readonly server: LetterServer; pdf(html: string): Promise<Buffer> } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let server: LetterServer | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    server = await letterServer();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const opened = () => {
    if (!page || !server) throw new Error('letterPrinter() is used before its beforeAll ran');
    return { page, server };
  };
  return {
    get page() {
      return opened().page;
    },
    get server() {
      return opened().server;
    },
    pdf: (html) => pdfOf(opened().page, opened().server, html),
  };
}

export const PDF_OPTIONS = { format: 'A4', printBackground: true, preferCSSPageSize: true } as const;

/** Loads a letter document from the loopback server and prints it to PDF. */
export async function pdfOf(page: Page, server: { put(html: string): string }, html: string): Promise<Buffer> {
  await page.goto(server.put(html), { waitUntil: 'load' });
  return page.pdf(PDF_OPTIONS);
}

function withTemp<T>(pdf: Uint8Array, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'pd-letter-'));
  const file = join(dir, 'letter.pdf');
  writeFileSync(file, pdf);
  return fn(file).finally(() => rmSync(dir, { recursive: true, force: true }));
}

export const pdftotext = (pdf: Uint8Array, ...args: string[]) =>
  withTemp(pdf, async (file) => (await run('pdftotext', [...args, file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout);

/** The text of each page (pdftotext -layout, split on form feeds). */
export async function pagesText(pdf: Uint8Array): Promise<string[]> {
  const text = await pdftotext(pdf, '-layout');
  return text.split('\f').slice(0, -1);
}

export const pdfinfo = (pdf: Uint8Array) => withTemp(pdf, async (file) => (await run('pdfinfo', [file])).stdout);
export const pdffonts = (pdf: Uint8Array) => withTemp(pdf, async (file) => (await run('pdffonts', [file])).stdout);
export const pageCount = async (pdf: Uint8Array) => Number(/Pages:\s+(\d+)/.exec(await pdfinfo(pdf))?.[1]);

export interface Word {
  page: number;
  text: string;
  /** Millimetres from the sheet's top-left corner. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in mm (pdftotext -bbox-layout: points, 72 per inch). */
export async function words(pdf: Uint8Array): Promise<Word[]> {
  const xml = await pdftotext(pdf, '-bbox-layout');
  const out: Word[] = [];
  const mm = (pt: string) => (Number(pt) * 25.4) / 72;
  const pages = xml.split(/<page /).slice(1);
  pages.forEach((chunk, i) => {
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ page: i + 1, xMin: mm(m[1]!), yMin: mm(m[2]!), xMax: mm(m[3]!), yMax: mm(m[4]!), text: decode(m[5]!) });
    }
  });
  return out;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

// ---- fixtures ----

export const ISSUED = { ja: '令和8年11月24日', en: '24 November 2026' };

export const ART6_QUOTE = {
  ja: '本人から個人情報の開示を求められたときは、本人に対し、遅滞なくこれを開示します。ただし、開示することにより次のいずれかに該当する場合は、その全部または一部を開示しないこともあり、開示しない決定をした場合には、その旨を遅滞なく通知します。',
  en: 'When requested by the person to disclose personal information, we will disclose it to the person without delay. However, if the disclosure falls under any of the following, we may not disclose all or part of it, and if we decide not to disclose it, we will notify you to that effect without delay.',
};

const TITLES: Record<NoticeKind, { ja: string; en: string }> = {
  acknowledgement: { ja: '受付のお知らせ', en: 'Acknowledgement of Receipt' },
  documents_request: { ja: '書類・手数料のお願い', en: 'Request for Documents and Fee' },
  decision: { ja: '開示決定通知書', en: 'Notice of Decision on Disclosure' },
  extension: { ja: '期限延長のお知らせ', en: 'Notice of Extension' },
  withdrawal: { ja: '取下げのお知らせ', en: 'Notice of Withdrawal' },
  rejection: { ja: '請求をお受けできない旨のお知らせ', en: 'Notice of Rejection' },
  reply: { ja: 'お問い合わせへのご回答', en: 'Reply to Your Inquiry' },
};

export interface FixtureOptions {
  reference?: string;
  memberName?: string;
  requestText?: string;
  postalCode?: string;
  address?: string;
}

/** A NoticeContent as core/notices would build it, for one kind (the real builder is tested separately). */
export function noticeFixture(kind: NoticeKind, o: FixtureOptions = {}): NoticeContent {
  const ref = o.reference ?? 'PD-2026-0042';
  const name = o.memberName ?? '山田 太郎';
  const request = o.requestText ?? '私に関して保有している個人情報の開示を請求します。第三者提供の記録も含めてお願いします。';
  const t = TITLES[kind];
  const facts: NoticeFact[] = [
    { label: { ja: '受付番号', en: 'Reference' }, value: { ja: ref, en: ref } },
    { label: { ja: '受付日', en: 'Received on' }, value: { ja: '令和8年11月10日', en: '10 November 2026' } },
    { label: { ja: 'ご請求の内容', en: 'Request as received' }, value: { ja: request, en: request } },
  ];
  if (kind === 'decision') {
    facts.push(
      { label: { ja: '決定', en: 'Decision' }, value: { ja: '一部開示', en: 'Disclosed in part' } },
      { label: { ja: '開示しない理由', en: 'Grounds' }, value: { ja: '業務の適正な実施に著しい支障を及ぼすおそれがあるため（第6条第1項第2号）', en: 'Risk of significantly hindering the proper conduct of our business (Article 6, paragraph 1, item 2)' } },
      { label: { ja: '手数料', en: 'Fee' }, value: { ja: '1,000円（受領済み）', en: '¥1,000 (received)' } },
    );
  }
  if (kind === 'extension') facts.push({ label: { ja: '新しい回答期限', en: 'New due date' }, value: { ja: '令和8年12月10日', en: '10 December 2026' } });
  if (kind === 'documents_request') facts.push({ label: { ja: 'お送りいただくもの', en: 'Please send' }, value: { ja: '本人確認書類の写し、手数料1,000円（定額小為替）', en: 'A copy of an identity document; the fee of ¥1,000 (postal money order)' } });
  if (kind === 'rejection') facts.push({ label: { ja: '理由', en: 'Reason' }, value: { ja: 'ご本人であることを確認できませんでした。', en: 'We could not verify your identity.' } });
  if (kind === 'withdrawal') facts.push({ label: { ja: '取下げ日', en: 'Withdrawn on' }, value: { ja: '令和8年11月20日', en: '20 November 2026' } });
  return {
    kind,
    title: t,
    subject: { ja: `【${ref}】${t.ja}`, en: `[${ref}] ${t.en}` },
    salutation: { ja: `${name} 様`, en: `Dear ${name},` },
    paragraphs: [
      { ja: `平素より CareerModel をご利用いただき、誠にありがとうございます。${name} 様からいただいたご請求について、下記のとおりお知らせいたします。`, en: `Thank you for using CareerModel. We write to you about the request you sent us, as set out below.` },
      { ja: 'ご不明な点がございましたら、受付番号を添えてサポートデスクまでお問い合わせください。', en: 'If anything is unclear, please contact the support desk, quoting the reference.' },
    ],
    facts,
    citations: kind === 'decision' ? [ART6_QUOTE] : [],
    closing: [
      { ja: 'お問い合わせ：CareerModel サポートデスク（info@career-model.com）', en: 'Contact: CareerModel Support Desk (info@career-model.com)' },
      { ja: '受付時間：平日10:00〜18:00（土曜・日曜・祝日および12月29日〜1月3日は休業）', en: 'Desk hours: weekdays 10:00–18:00; closed on weekends, public holidays and from December 29 to January 3.' },
    ],
    issuedOn: ISSUED,
  };
}

export function letterFixture(kind: NoticeKind, o: FixtureOptions = {}): Letter {
  const ctx: LetterContext = {
    desk: DESK,
    member: { name: o.memberName ?? '山田 太郎', postalCode: o.postalCode ?? '1500001', address: o.address ?? '東京都渋谷区神宮前1-2-3 メゾン神宮前101' },
    reference: o.reference ?? 'PD-2026-0042',
    businessHours: { open: '10:00', close: '18:00' },
  };
  return { content: noticeFixture(kind, o), ctx };
}
