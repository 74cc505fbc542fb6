// Printing an HTML document from core/letters' print path (A4, served fonts, page-margin boxes) to a PDF
// from the command line: system Chromium through playwright-core, loading the document from a loopback
// server on 127.0.0.1 that also serves /letters/fonts/ (the same font-files.ts as both app transports).
// The CLI runs from the repository (npm run desk), where playwright-core is installed with the tests.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { FONT_HEADERS, letterFontFile } from '../core/letters/font-files.ts';
import { CliError } from './io.ts';

export async function printHtmlToPdf(html: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new CliError('--pdf needs playwright-core (installed with the tests: npm install) and Chromium.');
  }
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/report') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(html);
    }
    const file = letterFontFile(url);
    if (file) {
      res.writeHead(200, FONT_HEADERS);
      return res.end(readFileSync(file));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium
    .launch({ executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] })
    .catch(() => {
      server.close();
      throw new CliError('Chromium could not be started for --pdf: install it (Debian: chromium) or set CHROMIUM_PATH.');
    });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/report`, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
    server.close();
  }
}
