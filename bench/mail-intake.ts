// npm run bench -- mail-intake [--messages N]
// 1,000 mixed .eml files (the test corpus: ISO-2022-JP and CP5022x, Shift_JIS, EUC-JP, UTF-8 B/QP, HTML-only,
// forwards, attachments with RFC 2047/2231 names, phone mail with emoji, malformed mail), each made unique
// (its own Message-ID and body line), taken into an encrypted desk through the SAME path the Inbox drop and the
// CLI use (core/inbox/import-eml.ts → store-mail.ts: hash, parse, dedupe, thread match, stored with the raw
// mail and its attachments, one fsync'd transaction per 100 files), against mailparser alone parsing the
// same bytes (simpleParser, in memory, nothing stored). Ratio = desk time / mailparser time (aim ≤ 3).
// For scale it also times the IMAP fetcher's path (one transaction per mail, stored before flagged).
import { performance } from 'node:perf_hooks';
import { simpleParser } from 'mailparser';
import { lockDesk } from '../electron/core/vault/vault.ts';
import { importEmls } from '../electron/core/inbox/import-eml.ts';
import { storeIncoming } from '../electron/core/inbox/store-mail.ts';
import { corpus, malformed } from '../test/support/mail-corpus.ts';
import { newDesk, tempDir } from '../test/support/desk.ts';
import { unlockDirect } from '../test/support/tables.ts';

const MESSAGES = (() => {
  const i = process.argv.indexOf('--messages');
  return i > 0 ? Number(process.argv[i + 1]) : 1_000;
})();

const templates = [...corpus().map((e) => e.raw), ...malformed().map((m) => m.raw)];
const files: Buffer[] = [];
for (let i = 0; i < MESSAGES; i++) {
  const raw = templates[i % templates.length]!.toString('latin1');
  // A fresh Message-ID (or one added) and a unique first header line: no two files are duplicates.
  const unique = /^Message-ID: .*$/im.test(raw) ? raw.replace(/^Message-ID: .*$/im, `Message-ID: <bench-${i}@example.com>`) : raw;
  files.push(Buffer.from(`X-Bench-Seq: ${i}\r\n${unique}`, 'latin1'));
}
const bytes = files.reduce((n, f) => n + f.length, 0);

const dir = tempDir('pd-bench-intake-');
const { rt } = await newDesk(dir.path);
await rt.close();
const desk = await unlockDirect(dir.path);

// Warm-up (JIT, statement cache) on a few files that are not counted.
for (const f of files.slice(0, 20)) await simpleParser(f);

// The baseline is timed before and after the desk's runs and averaged: on a shared machine the load
// changes from one minute to the next, and both sides should see the same.
const mailparserAlone = async () => {
  const start = performance.now();
  for (const f of files) await simpleParser(f);
  return performance.now() - start;
};
const baselineBefore = await mailparserAlone();
let t: number;

t = performance.now();
const statuses: Record<string, number> = {};
for (const r of await importEmls(desk.store.db, files.map((raw, i) => ({ file: `${i}.eml`, raw })), new Date())) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
const deskMs = performance.now() - t;
if ((statuses.duplicate ?? 0) > 0 || (statuses.error ?? 0) > 0) throw new Error(`unexpected outcomes: ${JSON.stringify(statuses)}`);

// For scale: the IMAP fetcher's path, one transaction per mail (each is stored before it is flagged).
// The same files with one more header line, so none is a duplicate of the batch above.
t = performance.now();
for (const [i, f] of files.entries()) await storeIncoming(desk.store.db, Buffer.concat([Buffer.from(`X-Bench-Imap: ${i}\r\n`), f]), { source: 'imap' }, { now: new Date() });
const perMailMs = performance.now() - t;
const baselineAfter = await mailparserAlone();
const baselineMs = (baselineBefore + baselineAfter) / 2;

await lockDesk(desk);
dir.remove();

const perS = (ms: number) => MESSAGES / (ms / 1000);
const ratio = deskMs / baselineMs;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`mail-intake: ${fmt(MESSAGES)} mixed .eml files (${(bytes / 1024 / 1024).toFixed(1)} MB; ${templates.length} kinds of mail), outcomes ${JSON.stringify(statuses)}`);
console.log(`  desk intake:  ${deskMs.toFixed(0)} ms = ${fmt(perS(deskMs))} mails/s (the .eml import: hash, parse, dedupe, thread match, stored encrypted, one fsync'd transaction per 100 files)`);
console.log(`  for scale:    ${perMailMs.toFixed(0)} ms = ${fmt(perS(perMailMs))} mails/s (the IMAP fetcher's path: one fsync'd transaction per mail, ratio ${(perMailMs / baselineMs).toFixed(2)})`);
console.log(`  baseline:     ${baselineMs.toFixed(0)} ms = ${fmt(perS(baselineMs))} mails/s (mailparser simpleParser alone, in memory; mean of ${baselineBefore.toFixed(0)} ms before and ${baselineAfter.toFixed(0)} ms after)`);
console.log(`  ratio desk/mailparser: ${ratio.toFixed(2)} (aim ≤ 3)`);
console.log(JSON.stringify({ bench: 'mail-intake', messages: MESSAGES, desk_mails_per_s: Math.round(perS(deskMs)), baseline_mails_per_s: Math.round(perS(baselineMs)), ratio: Number(ratio.toFixed(2)), per_mail_transaction_ratio: Number((perMailMs / baselineMs).toFixed(2)), baseline: 'mailparser simpleParser on the same bytes' }));
