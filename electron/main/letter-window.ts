// Printing letters in the desktop app, the pure part: the hidden print window's options, the in-memory
// letter documents the app:// protocol serves to it, and what letters.print / letters.savePdf do
// (print.ts supplies the Electron objects). Unit-tested in plain Node with fakes.
//
// Why the main process and not the core: printing opens a modal dialog that waits for the person.
// The core runs calls one at a time, so a print dialog inside a core call would stall every other call
// (and the idle lock) until it closed. Here the core is asked only for the documents (letters.batch,
// short calls that check the session, the role and the input like any other), and the dialog runs
// outside its queue.
import { randomUUID } from 'node:crypto';
import type { BrowserWindowConstructorOptions } from 'electron';
import { errorOf, methods, type LetterDocument, type LetterPdfResult, type LetterPrintResult, type Reason, type Result, type Results } from '../contract/index.ts';
import { measuredPageCounts, pageOrientations } from '../core/letters/pdf-pages.ts';
import { APP_ORIGIN } from './app-protocol.ts';
import { nameOf } from '../core/thrown.ts';

/** The hidden window a letter is printed from: no script at all, no preload, sandboxed, nothing shown. */
export function letterWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794, // A4 at 96 dpi; printing lays out on the CSS page, not the window
    height: 1123,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      plugins: false,
      images: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
      backgroundThrottling: false,
    },
  };
}

/** Electron's printToPDF options: A4 from the letter's own @page rule, margins and page numbers included. */
export const LETTER_PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  landscape: false,
} as const;

export const LETTER_DOCUMENT_PREFIX = '/letters/print/';

/**
 * Letter documents waiting to be loaded by a print window, served once each at
 * app://privacy-desk/letters/print/<random id>, then forgotten (they hold personal data).
 */
export class LetterDocuments {
  private readonly docs = new Map<string, string>();

  put(html: string): string {
    const id = randomUUID();
    this.docs.set(id, html);
    return id;
  }

  url(id: string): string {
    return `${APP_ORIGIN}${LETTER_DOCUMENT_PREFIX}${id}`;
  }

  /** The document at a request path (served once), or null. */
  take(pathname: string): string | null {
    if (!pathname.startsWith(LETTER_DOCUMENT_PREFIX)) return null;
    const id = pathname.slice(LETTER_DOCUMENT_PREFIX.length);
    const html = this.docs.get(id);
    if (html === undefined) return null;
    this.docs.delete(id);
    return html;
  }

  drop(id: string): void {
    this.docs.delete(id);
  }

  get size(): number {
    return this.docs.size;
  }
}

/** What the Electron side provides (print.ts); fakes in tests. */
export interface LetterPrinter {
  /** Loads the document in a hidden print window and prints it to PDF. */
  pdf(html: string): Promise<Uint8Array>;
  /** Loads it and opens the system print dialog; printed=false when the person cancelled. */
  print(html: string): Promise<{ printed: boolean; reason?: string }>;
  /** The save dialog; null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
}

/** The core's gate for the letter methods: the input is whatever the page sent (checked there), the result the method's. */
type Dispatch = <M extends 'letters.batch' | 'letters.print' | 'letters.savePdf'>(method: M, input: unknown) => Promise<Result<Results[M]>>;
type LetterDoc = Pick<LetterDocument, 'html' | 'fileName' | 'letters'>;


/** The final document of a letter list: one letter as it is; a batch measured first for "X / Y" per letter. */
async function finalDocument(dispatch: Dispatch, printer: LetterPrinter, letters: unknown[]): Promise<Result<LetterDoc>> {
  if (letters.length === 1) return dispatch('letters.batch', { letters });
  const measure = await dispatch('letters.batch', { letters, measure: true });
  if (!measure.ok) return measure;
  const pageCounts = measuredPageCounts(await printer.pdf(measure.value.html), letters.length);
  return dispatch('letters.batch', { letters, pageCounts });
}

/**
 * letters.print and letters.savePdf as the desktop app answers them. The input is checked against the
 * contract first; anything wrong with it goes to the core, which refuses it the usual way.
 */
export function letterMethods(dispatch: Dispatch, printer: LetterPrinter, log: (m: string) => void = () => {}) {
  const failed = (e: unknown, reason: Reason): Result<never> => {
    log(`letters: ${nameOf(e, typeof e)}`);
    return { ok: false, error: errorOf(reason) };
  };
  return {
    'letters.print': async (input: unknown): Promise<Result<LetterPrintResult>> => {
      const parsed = methods['letters.print'].input.safeParse(input ?? {});
      if (!parsed.success) return dispatch('letters.print', input);
      try {
        const doc = await finalDocument(dispatch, printer, parsed.data.letters);
        if (!doc.ok) return doc;
        const out = await printer.print(doc.value.html);
        return { ok: true, value: { outcome: out.printed ? 'printed' : 'cancelled', letters: doc.value.letters } };
      } catch (e) {
        return failed(e, { code: 'PRINT_FAILED' });
      }
    },
    'letters.savePdf': async (input: unknown): Promise<Result<LetterPdfResult>> => {
      const parsed = methods['letters.savePdf'].input.safeParse(input ?? {});
      if (!parsed.success) return dispatch('letters.savePdf', input);
      let doc: Result<LetterDoc>;
      let pdf: Uint8Array;
      try {
        doc = await finalDocument(dispatch, printer, parsed.data.letters);
        if (!doc.ok) return doc;
        pdf = await printer.pdf(doc.value.html);
      } catch (e) {
        return failed(e, { code: 'PRINT_FAILED' });
      }
      const pages = pageOrientations(pdf).length;
      const path = await printer.chooseSavePath(doc.value.fileName);
      if (path === null) return { ok: true, value: { outcome: 'cancelled', path: null, letters: doc.value.letters, pages } };
      try {
        await printer.writeFile(path, pdf);
      } catch (e) {
        return failed(e, { code: 'PDF_FAILED' });
      }
      return { ok: true, value: { outcome: 'saved', path, letters: doc.value.letters, pages } };
    },
  };
}
