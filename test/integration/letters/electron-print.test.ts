// The desktop app's side of printing, without Electron: letters.print and letters.savePdf as the main
// process answers them (letter-window.ts) over a real desk, with Chromium standing in for the hidden
// print window (its PDF is what printToPDF would give); the app:// protocol's letter routes (fonts and
// one-shot documents) serving a page Chromium prints; the print window's options; the IPC wiring.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { channelOf, type LetterPdfResult, type LetterPrintResult, type Result } from '../../../electron/contract/index.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { letterFontFile } from '../../../electron/core/letters/font-files.ts';
import { pageOrientations } from '../../../electron/core/letters/pdf-pages.ts';
import { renderLetter } from '../../../electron/core/letters/render.ts';
import { createAppProtocolHandler, letterPathOf } from '../../../electron/main/app-protocol.ts';
import { LETTER_PDF_OPTIONS, LetterDocuments, letterMethods, letterWindowOptions, type LetterPrinter } from '../../../electron/main/letter-window.ts';
import { registerDeskIpc, type InvokeEventLike } from '../../../electron/main/ipc.ts';
import { isTrustedSender } from '../../../electron/main/trusted-sender.ts';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { launchChromium, letterFixture, pagesText, PDF_OPTIONS } from '../../support/letters.ts';

let browser: Browser;
let page: Page;
const documents = new LetterDocuments();
const protocolHandler = createAppProtocolHandler({ root: '/nonexistent-renderer', readFile: (f) => readFile(f), letters: { fontFile: letterFontFile, document: (p) => documents.take(p) } });

/** Chromium cannot load app:// here: an http origin is mapped onto the real app:// handler instead. */
const APP = 'http://privacy-desk.test';
async function routeToAppProtocol(p: Page, seen: string[]) {
  await p.route(`${APP}/**`, async (route) => {
    const url = route.request().url().replace(APP, 'app://privacy-desk');
    seen.push(new URL(url).pathname);
    const res = await protocolHandler(new Request(url));
    await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
  });
}

/** The Electron printer, with Chromium as the hidden window: the document is loaded from the app:// route. */
function chromiumPrinter(printed: string[]): LetterPrinter & { saved: Map<string, Uint8Array>; savePath: string | null } {
  const saved = new Map<string, Uint8Array>();
  const printer = {
    saved,
    savePath: '/tmp/letters.pdf' as string | null,
    async pdf(html: string) {
      const id = documents.put(html);
      await page.goto(`${APP}/letters/print/${id}`, { waitUntil: 'load' });
      documents.drop(id);
      return page.pdf(PDF_OPTIONS);
    },
    async print(html: string) {
      printed.push(html);
      return { printed: true };
    },
    async chooseSavePath() {
      return printer.savePath;
    },
    async writeFile(path: string, bytes: Uint8Array) {
      saved.set(path, bytes);
    },
  };
  return printer;
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await routeToAppProtocol(page, []);
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('the app:// letter routes', () => {
  it('serve the fonts and a one-shot document that Chromium prints with the shipped fonts', async () => {
    const seen: string[] = [];
    const p = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await routeToAppProtocol(p, seen);
    const l = letterFixture('decision');
    const id = documents.put(renderLetter(l.content, l.ctx));
    await p.goto(`${APP}/letters/print/${id}`, { waitUntil: 'load' });
    const bytes = await p.pdf(PDF_OPTIONS);
    expect((await pagesText(bytes)).join('')).toContain('PD-2026-0042');
    expect(seen[0]).toBe(`/letters/print/${id}`);
    expect(seen.slice(1).length).toBeGreaterThan(10);
    expect(seen.slice(1).every((s) => /^\/letters\/fonts\/noto-(serif|sans)-jp-[\w-]+-(400|700)-normal\.woff2$/.test(s))).toBe(true);
    // Served once: the personal data does not stay reachable.
    expect(documents.size).toBe(0);
    expect((await protocolHandler(new Request(`app://privacy-desk/letters/print/${id}`))).status).toBe(404);
    await p.context().close();
  });

  it('refuse anything else under /letters/, other origins, and non-GET', async () => {
    const font = await protocolHandler(new Request('app://privacy-desk/letters/fonts/noto-sans-jp-latin-700-normal.woff2'));
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(font.headers.get('content-security-policy')).toBeTruthy();
    for (const bad of [
      'app://privacy-desk/letters/fonts/../../../package.json',
      'app://privacy-desk/letters/fonts/..%2f..%2fpackage.json',
      'app://privacy-desk/letters/fonts/noto-serif-jp-117-900-normal.woff2',
      'app://privacy-desk/letters/print/not-a-document',
      'app://privacy-desk/letters/',
    ]) {
      expect([bad, (await protocolHandler(new Request(bad))).status]).toEqual([bad, 404]);
    }
    expect(letterPathOf('app://evil/letters/fonts/x')).toBeNull();
    expect(letterPathOf('app://privacy-desk:8080/letters/fonts/x')).toBeNull();
    expect(letterPathOf('https://privacy-desk/letters/fonts/x')).toBeNull();
    expect((await protocolHandler(new Request('app://privacy-desk/letters/fonts/noto-sans-jp-latin-700-normal.woff2', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('the print window and the IPC wiring', () => {
  it('has no script, no preload, a sandbox, and is never shown', () => {
    const o = letterWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false, images: false });
    expect(o.webPreferences).not.toHaveProperty('preload');
    expect(LETTER_PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
  });

  it('a print window can never call the desk, even on the app origin', () => {
    expect(isTrustedSender({ url: 'app://privacy-desk/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://privacy-desk/letters/print/0b7e…', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://privacy-desk/letters/fonts/x.woff2', parent: null })).toBe(false);
  });

  it('letters.print and letters.savePdf are answered in the main process; everything else goes to the core', async () => {
    const handlers = new Map<string, (e: InvokeEventLike, ...a: unknown[]) => Promise<unknown>>();
    const dispatch = vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: 'core' }));
    const local = { 'letters.print': vi.fn(async () => ({ ok: true, value: 'main' }) as Result<unknown>) };
    registerDeskIpc({ ipcMain: { handle: (c, l) => void handlers.set(c, l) }, runtime: { dispatch }, local });
    const frame = { senderFrame: { url: 'app://privacy-desk/index.html', parent: null } };
    expect(await handlers.get(channelOf('letters.print'))!(frame, { letters: [] })).toEqual({ ok: true, value: 'main' });
    expect(await handlers.get(channelOf('letters.preview'))!(frame, {})).toEqual({ ok: true, value: 'core' });
    // The sender check comes first, for local methods too.
    const foreign = { senderFrame: { url: 'app://privacy-desk/letters/print/x', parent: null } };
    expect(await handlers.get(channelOf('letters.print'))!(foreign, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(local['letters.print']).toHaveBeenCalledTimes(1);
  });
});

describe('letters.print and letters.savePdf over a real desk', () => {
  let rt: DeskRuntime;
  let dir: { path: string; remove(): void };
  const ids: number[] = [];
  beforeEach(async () => {
    dir = tempDir();
    rt = (await newDesk(dir.path, { now: () => new Date('2026-11-24T01:00:00Z') })).rt;
    ids.length = 0;
    for (const [name, text] of [['山田 太郎', '開示を請求します。'], ['佐藤 花子', '長い請求です。'.repeat(400)], ['鈴木 一郎', '開示を請求します。']] as const) {
      const c = value(await rt.call('cases.create', { type: 'disclosure', channel: 'post', arrivedAt: '2026-11-24T09:30:00+09:00', requesterKind: 'member', memberName: name, memberEmail: '', memberPostalCode: '150-0001', memberAddress: '東京都渋谷区神宮前1-2-3', requestText: text, delivery: 'paper' }));
      ids.push(c.id);
    }
  });
  afterEach(async () => {
    await rt.close();
    dir.remove();
  });

  const call = (printer: LetterPrinter) => letterMethods((m, i) => rt.dispatch(m, i), printer);
  const acks = () => ids.map((caseId) => ({ caseId, kind: 'acknowledgement' as const }));

  it('a batch is measured, then printed once with "X / Y" within each letter; the person records it after', async () => {
    const printed: string[] = [];
    const printer = chromiumPrinter(printed);
    const r = (await call(printer)['letters.print']({ letters: acks() })) as Result<LetterPrintResult>;
    expect(r).toEqual({ ok: true, value: { outcome: 'printed', letters: 3 } });
    expect(printed).toHaveLength(1);
    expect(printed[0]).not.toContain('page-orientation');
    // What went to the printer, as a PDF: each letter numbered on its own.
    const pages = await pagesText(await printer.pdf(printed[0]!));
    const footers = pages.map((p) => /(\d+)\s*\/\s*(\d+)\s*$/.exec(p.trimEnd())?.slice(1).join(' / '));
    // The same numbers as each letter printed on its own (the second letter is the long one).
    const singles: number[] = [];
    for (const l of acks()) singles.push(pageOrientations(await printer.pdf(value(await rt.call('letters.preview', l)).html)).length);
    expect(singles[1]).toBeGreaterThan(singles[0]!);
    expect(footers).toEqual(singles.flatMap((n) => Array.from({ length: n }, (_, k) => `${k + 1} / ${n}`)));
    // Printing records nothing by itself: the renderer asks, then calls letters.recordPrinted.
    const file = value(await rt.call('cases.get', { id: ids[0]! }));
    expect(file.notices).toEqual([]);
  });

  it('one letter is printed as it is, without a measuring pass', async () => {
    const printed: string[] = [];
    const printer = chromiumPrinter(printed);
    const pdf = vi.spyOn(printer, 'pdf');
    expect(await call(printer)['letters.print']({ letters: [acks()[0]!] })).toEqual({ ok: true, value: { outcome: 'printed', letters: 1 } });
    expect(pdf).not.toHaveBeenCalled();
    expect(printed[0]).toContain('counter(page) " / " counter(pages)');
  });

  it('save as PDF writes the measured, numbered batch where the person chose; cancel writes nothing', async () => {
    const printer = chromiumPrinter([]);
    const r = (await call(printer)['letters.savePdf']({ letters: acks() })) as Result<LetterPdfResult>;
    expect(r).toMatchObject({ ok: true, value: { outcome: 'saved', path: '/tmp/letters.pdf', letters: 3 } });
    const bytes = printer.saved.get('/tmp/letters.pdf')!;
    expect(pageOrientations(bytes).length).toBe((r as { value: LetterPdfResult }).value.pages);
    expect(pageOrientations(bytes).every((o) => o === 'portrait')).toBe(true);
    printer.savePath = null;
    printer.saved.clear();
    expect(await call(printer)['letters.savePdf']({ letters: acks() })).toMatchObject({ ok: true, value: { outcome: 'cancelled', path: null } });
    expect(printer.saved.size).toBe(0);
  });

  it('bad input, a locked desk and a broken printer answer as data, never as a thrown error', async () => {
    const printer = chromiumPrinter([]);
    const m = call(printer);
    expect(await m['letters.print']({ letters: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'letters' } });
    expect(await m['letters.print']({ letters: acks(), extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'extra' } });
    expect(await m['letters.savePdf'](null)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const broken: LetterPrinter = { ...printer, print: async () => Promise.reject(new Error('printer on fire')), writeFile: async () => Promise.reject(new Error('EACCES')) };
    expect(await call(broken)['letters.print']({ letters: acks() })).toMatchObject({ ok: false, error: { code: 'INTERNAL', reason: { code: 'PRINT_FAILED' } } });
    expect(await call(broken)['letters.savePdf']({ letters: acks() })).toMatchObject({ ok: false, error: { code: 'INTERNAL', reason: { code: 'PDF_FAILED' } } });
    value(await rt.call('auth.lock', {}));
    const print = vi.spyOn(printer, 'print');
    expect(await m['letters.print']({ letters: acks() })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(print).not.toHaveBeenCalled();
    value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
  });
});
