// Printing a letter document (one complete HTML page with its own CSP and print CSS, from the core).
// Electron prints and saves PDFs in its main process (letters.print / letters.savePdf). In a browser the
// document goes into a sandboxed iframe — scripts off, same origin so its fonts load from the desk and
// this page may call its print(); allow-modals lets the print dialog open — and the browser's own
// print dialog prints it (and can save a PDF). The browser's "print all" calls printHtml once per letter
// (LettersScreen): the browser cannot tell the desk a letter's page count, and CSS `break-before: right`
// inserts no blank page in Chromium, so separate jobs are what keeps two members off one duplex sheet.

/** The sandbox of every letter frame: no scripts in the letter, ever. */
export const LETTER_SANDBOX = 'allow-same-origin allow-modals';

/** Waits for the frame's fonts (the letter fonts come from the desk's /letters/fonts/ route), then prints. */
export async function printFrame(frame: HTMLIFrameElement): Promise<void> {
  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!win || !doc) throw new Error('The letter frame is not loaded.');
  await doc.fonts.ready;
  win.focus();
  win.print();
}

/** Prints one document in a frame nobody sees: browser mode's "print all" calls it once per letter. */
export async function printHtml(html: string): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', LETTER_SANDBOX);
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'letters';
  // Laid out at full A4 width (display:none would skip layout and fonts), but off screen.
  Object.assign(frame.style, { position: 'fixed', left: '-10000px', top: '0', width: '230mm', height: '320mm', border: '0' });
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  try {
    await loaded;
    await printFrame(frame);
  } finally {
    frame.remove();
  }
}
