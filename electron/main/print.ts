// Printing letters in the desktop app (Electron objects only; the decisions are in letter-window.ts).
// Print: a hidden window (scripts off, sandboxed, no preload) loads the letter document from
// app://privacy-desk/letters/print/<id> and webContents.print() opens the system print dialog.
// Save as PDF: the same window, webContents.printToPDF() (A4, from the letter's @page rule), then the
// save dialog. Letter documents carry their own CSP (no script, fonts from app:// only).
import { BrowserWindow, dialog } from 'electron';
import { writePrivateFile } from '../core/storage/private-file.ts';
import { LETTER_PDF_OPTIONS, letterWindowOptions, type LetterDocuments, type LetterPrinter } from './letter-window.ts';

export interface ElectronLetterPrinterOptions {
  documents: LetterDocuments;
  /** The window dialogs belong to (the desk's main window). */
  parent: () => BrowserWindow | null;
  saveTitle: string;
}

async function withLetterWindow<T>(documents: LetterDocuments, html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const id = documents.put(html);
  const win = new BrowserWindow(letterWindowOptions());
  try {
    await win.loadURL(documents.url(id));
    return await use(win);
  } finally {
    documents.drop(id);
    if (!win.isDestroyed()) win.destroy();
  }
}

export function createElectronLetterPrinter(options: ElectronLetterPrinterOptions): LetterPrinter {
  return {
    pdf: (html) => withLetterWindow(options.documents, html, (win) => win.webContents.printToPDF(LETTER_PDF_OPTIONS)),
    print: (html) =>
      withLetterWindow(
        options.documents,
        html,
        (win) =>
          new Promise((resolve) => {
            win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => resolve({ printed: success, reason: failureReason }));
          }),
      ),
    chooseSavePath: async (suggestedName) => {
      const parent = options.parent();
      const settings = { title: options.saveTitle, defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const chosen = parent ? await dialog.showSaveDialog(parent, settings) : await dialog.showSaveDialog(settings);
      if (chosen.canceled || !chosen.filePath) return null;
      return chosen.filePath.toLowerCase().endsWith('.pdf') ? chosen.filePath : `${chosen.filePath}.pdf`;
    },
    // Letters name members: the saved PDF is readable by this PC user only (0600), and the screen says it is not encrypted.
    writeFile: async (path, bytes) => writePrivateFile(path, bytes),
  };
}
