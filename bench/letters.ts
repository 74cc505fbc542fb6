// npm run bench -- letters: 200 bilingual letters to ONE PDF, as "Print all" does it (a measuring render,
// then the final render with "X / Y" within each letter), against the same 200 letters printed one PDF
// at a time (the same browser, one page each, the same documents), in the same run. Chromium is the
// system's (CHROMIUM_PATH or /usr/bin/chromium); fonts come from the letter font route on loopback.
// The last line is one JSON object.
import { performance } from 'node:perf_hooks';
import { noticeKinds } from '../electron/contract/index.ts';
import { renderLetter, renderLetterBatch, type Letter } from '../electron/core/letters/render.ts';
import { measuredPageCounts, pageOrientations } from '../electron/core/letters/pdf-pages.ts';
import { launchChromium, letterFixture, letterServer, PDF_OPTIONS } from '../test/support/letters.ts';

const LETTERS = 200;
const names = ['山田 太郎', '佐藤 花子', 'Nguyen Van An', '鈴木 一郎', 'Maria Santos', '高橋 健', '李 美玲', '渡辺 恵'];
const letters: Letter[] = Array.from({ length: LETTERS }, (_, i) => {
  const kind = noticeKinds[i % noticeKinds.length]!;
  // Mostly short requests, every seventh a long one that runs over several pages.
  const requestText = i % 7 === 3 ? '登録されている私の個人情報と、その第三者提供の記録の開示を求めます。'.repeat(60) : `私の個人情報の開示を請求します（${i + 1}）。`;
  return letterFixture(kind, { reference: `PD-2026-${String(i + 1).padStart(5, '0')}`, memberName: names[i % names.length], requestText });
});

const browser = await launchChromium();
const server = await letterServer();
const context = await browser.newContext({ javaScriptEnabled: false });
const page = await context.newPage();

async function pdfOf(html: string): Promise<Buffer> {
  await page.goto(server.put(html), { waitUntil: 'load' });
  return page.pdf(PDF_OPTIONS);
}

try {
  // Warm up (browser, font cache) with one letter, outside both timings.
  await pdfOf(renderLetter(letters[0]!.content, letters[0]!.ctx));

  // Batch: measure, then the final document, both as one PDF.
  let t = performance.now();
  const measuring = await pdfOf(renderLetterBatch(letters, { measure: true }));
  const pageCounts = measuredPageCounts(measuring, LETTERS);
  const measuredMs = performance.now() - t;
  const finalHtml = renderLetterBatch(letters, { pageCounts });
  const batch = await pdfOf(finalHtml);
  const batchMs = performance.now() - t;
  const pages = pageOrientations(batch).length;

  // Baseline: one PDF per letter.
  t = performance.now();
  const singles: number[] = [];
  let singleBytes = 0;
  for (const l of letters) {
    const pdf = await pdfOf(renderLetter(l.content, l.ctx));
    singles.push(pageOrientations(pdf).length);
    singleBytes += pdf.length;
  }
  const baselineMs = performance.now() - t;

  const mismatches = pageCounts.filter((n, i) => n !== singles[i]).length;
  const lettersPerS = LETTERS / (batchMs / 1000);
  const baselinePerS = LETTERS / (baselineMs / 1000);
  const ratio = lettersPerS / baselinePerS;
  const sum = singles.reduce((a, b) => a + b, 0);

  console.log(`letters: ${LETTERS} bilingual A4 letters (6 notice kinds, every 7th with a long request), Chromium ${browser.version()}`);
  console.log(`  batch:    one PDF of ${pages} pages (${(batch.length / 1024 / 1024).toFixed(1)} MB, HTML ${(finalHtml.length / 1024).toFixed(0)} KB) in ${batchMs.toFixed(0)} ms (measuring render ${measuredMs.toFixed(0)} ms) = ${lettersPerS.toFixed(1)} letters/s`);
  console.log(`  baseline: ${LETTERS} PDFs, one per letter, ${sum} pages (${(singleBytes / 1024 / 1024).toFixed(1)} MB) in ${baselineMs.toFixed(0)} ms = ${baselinePerS.toFixed(1)} letters/s`);
  console.log(`  page counts per letter, measured in the batch vs each letter alone: ${LETTERS - mismatches}/${LETTERS} agree; font files served: ${new Set(server.fontRequests).size}`);
  console.log(`  ratio batch/baseline: ${ratio.toFixed(1)}x`);
  if (mismatches > 0 || pages !== sum) process.exitCode = 1;
  console.log(
    JSON.stringify({
      bench: 'letters',
      letters: LETTERS,
      letters_per_s: Number(lettersPerS.toFixed(2)),
      baseline_letters_per_s: Number(baselinePerS.toFixed(2)),
      ratio: Number(ratio.toFixed(2)),
      batch_ms: Math.round(batchMs),
      measure_ms: Math.round(measuredMs),
      baseline_ms: Math.round(baselineMs),
      pages,
      page_count_mismatches: mismatches,
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
