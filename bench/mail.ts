// npm run bench -- mail
// 1,000 queued notices (bilingual acknowledgements written by the desk for 1,000 cases) drained by the
// outbox's sender into a loopback SMTP server (smtp-server, no auth, no TLS), against the baseline of
// nodemailer sending the same 1,000 messages directly, in the same run.
//
// Both use the same transport: nodemailer's pooled SMTP transport with ONE connection, one message at a
// time in queue order (what the sender does). So the ratio is the price of the outbox's guarantees per
// message: the claim (one committed write), the "sent" mark with the notice recorded on the case, its
// timeline event and audit row (one committed transaction), all on the encrypted database with
// synchronous=FULL. For scale, the same messages through a 5-connection pool with everything in flight at
// once (nodemailer's fastest, but unordered) are shown too.
import net from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { newDesk, tempDir, value } from '../test/support/desk.ts';
import { unlockDirect } from '../test/support/tables.ts';
import { lockDesk } from '../electron/core/vault/vault.ts';
import { writeMailSettings } from '../electron/core/mail/mail-settings.ts';
import { MailSender, createSmtpTransport, DEFAULT_TIMEOUTS, nodemailerMessage } from '../electron/core/mail/sender.ts';

const MESSAGES = 1_000;

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream: SMTPServerDataStream, _s: unknown, cb: (e?: Error | null) => void) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received++;
      cb(null);
    });
  },
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
const port = (server.server.address() as net.AddressInfo).port;

// ——— a desk with 1,000 cases, each with its acknowledgement drafted, then all sent to the outbox ———
const dir = tempDir('pd-bench-mail-');
const t0 = Date.parse('2026-11-24T01:00:00Z');
const { rt } = await newDesk(dir.path, { now: () => new Date(t0) });
let t = performance.now();
for (let i = 0; i < MESSAGES; i++) {
  value(
    await rt.call('cases.create', {
      type: 'disclosure',
      channel: 'email',
      arrivedAt: '2026-11-24T09:30:00+09:00',
      requesterKind: 'member',
      memberName: `山田 太郎${i}`,
      memberEmail: `member${i}@example.com`,
      requestText: `登録情報と第三者提供記録の開示を求めます（${i}）。`,
      delivery: 'electronic',
    }),
  );
}
const draftMs = performance.now() - t;
await rt.close();

const desk = await unlockDirect(dir.path);
const db = desk.store.db;
await db.updateTable('outbox').set({ state: 'queued', queued_at: new Date(t0).toISOString(), queued_by: 'sato' }).where('state', '=', 'draft').execute();
await writeMailSettings(db, { host: '127.0.0.1', port, tls: 'none', user: '', password: '' }, 'sato', new Date(t0));
const rows = await db.selectFrom('outbox').selectAll().orderBy('id').execute();
if (rows.length !== MESSAGES) throw new Error(`expected ${MESSAGES} queued messages, found ${rows.length}`);
const bodyKb = rows.reduce((s, r) => s + Buffer.byteLength(r.body_text), 0) / rows.length / 1024;

// ——— the outbox's sender ———
const sender = new MailSender({ db, now: () => new Date(t0), log: () => {} });
t = performance.now();
const report = await sender.drain();
const senderMs = performance.now() - t;
const sent = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'sent').executeTakeFirstOrThrow();
const notices = await db.selectFrom('notices').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
if (report.sent !== MESSAGES || Number(sent.n) !== MESSAGES || Number(notices.n) !== MESSAGES || received !== MESSAGES) {
  throw new Error(`the sender did not deliver everything: ${JSON.stringify({ report, sent: sent.n, notices: notices.n, received })}`);
}

// ——— baseline: nodemailer directly, the same messages, the same transport (pooled, 1 connection, in order) ———
const from = { name: 'CareerModel サポートデスク', address: 'info@career-model.com' };
const config = { host: '127.0.0.1', port, tls: 'none' as const, user: '', password: '', version: 'bench' };
const messages = rows.map((r) => nodemailerMessage({ messageId: r.message_id, to: r.to_address, subject: r.subject, text: r.body_text }, from));
let transport = createSmtpTransport(config, DEFAULT_TIMEOUTS);
t = performance.now();
for (const m of messages) await transport.sendMail(m);
const baselineMs = performance.now() - t;
transport.close();

// For scale: a 5-connection pool with every message in flight at once (no order, no bookkeeping).
transport = nodemailer.createTransport({ pool: true, maxConnections: 5, host: '127.0.0.1', port, secure: false, ignoreTLS: true, logger: false });
t = performance.now();
await Promise.all(messages.map((m) => transport.sendMail(m)));
const parallelMs = performance.now() - t;
transport.close();
if (received !== 3 * MESSAGES) throw new Error(`the server received ${received} messages, expected ${3 * MESSAGES}`);

await lockDesk(desk);
await new Promise<void>((ok) => server.close(() => ok()));
dir.remove();

const rate = (ms: number) => MESSAGES / (ms / 1000);
const mailsPerS = rate(senderMs);
const baselinePerS = rate(baselineMs);
const ratio = mailsPerS / baselinePerS;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`mail: ${fmt(MESSAGES)} queued bilingual notices (${bodyKb.toFixed(1)} KB of text each) into a loopback SMTP server (smtp-server, no auth, no TLS)`);
console.log(`  (setup: ${fmt(MESSAGES)} cases taken in, each acknowledgement drafted in its transaction, in ${(draftMs / 1000).toFixed(1)} s)`);
console.log(`  outbox sender:  ${fmt(MESSAGES)} in ${senderMs.toFixed(0)} ms = ${fmt(mailsPerS)} mails/s (claim, send, mark sent + notice on the case; encrypted db, synchronous=FULL)`);
console.log(`  baseline:       ${fmt(MESSAGES)} in ${baselineMs.toFixed(0)} ms = ${fmt(baselinePerS)} mails/s (nodemailer directly: pooled transport, 1 connection, in order — the sender's transport)`);
console.log(`  for scale:      ${fmt(MESSAGES)} in ${parallelMs.toFixed(0)} ms = ${fmt(rate(parallelMs))} mails/s (nodemailer, pool of 5 connections, all in flight, unordered)`);
console.log(`  ratio sender/baseline: ${ratio.toFixed(2)}`);
console.log(
  JSON.stringify({
    bench: 'mail',
    mails_per_s: Math.round(mailsPerS),
    baseline_mails_per_s: Math.round(baselinePerS),
    ratio: Number(ratio.toFixed(2)),
    messages: MESSAGES,
    baseline: 'nodemailer pooled SMTP transport, 1 connection, sequential (same transport as the sender)',
    parallel_pool5_mails_per_s: Math.round(rate(parallelMs)),
  }),
);
