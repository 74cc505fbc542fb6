// A desk process on one office PC of a shared desk, for the concurrency tests (test/integration/postgres/
// outbox-two-pcs.test.ts). It unlocks the shared desk with a staff member's password (database password
// from PRIVACY_DESK_DATABASE_PASSWORD, staff password from PD_STAFF_PASSWORD, as the CLI takes them) and:
//   drain  waits for a line "go" on stdin, then sends the outbox with the desk's own sender until nothing
//          is queued or being sent by anyone; prints `done {"sent":N}`.
//   hold   in ONE transaction claims the next queued message and takes a case in (the reference and audit
//          locks with it), prints `holding <reference>`, and never commits: it waits there for SIGKILL.
import { deskPaths } from '../../electron/core/storage/data-dir.ts';
import { unlockWithPassword } from '../../electron/core/vault/vault.ts';
import { MailSender } from '../../electron/core/mail/sender.ts';
import { claimNext } from '../../electron/core/mail/queue-store.ts';
import { createCase } from '../../electron/core/cases/intake.ts';
import { appendAudit } from '../../electron/core/audit/audit-log.ts';
import { loadDeskCalendar } from '../../electron/core/desk-calendar/store.ts';
import { intakeInput } from '../../electron/contract/index.ts';
import { parseDatabaseUrl } from '../../db/postgres.ts';

const [mode, dataDir, url, username] = process.argv.slice(2) as ['drain' | 'hold', string, string, string];
const server = { target: parseDatabaseUrl(url), password: process.env.PRIVACY_DESK_DATABASE_PASSWORD ?? '' };
const desk = await unlockWithPassword(deskPaths(dataDir, server), username, process.env.PD_STAFF_PASSWORD ?? '');
if (!desk) throw new Error('cannot unlock');
const db = desk.store.db;

/** Messages anyone still has to send (queued, or claimed by a sender that has not marked them yet). */
const unsettled = async () => Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('state', 'in', ['queued', 'sending']).executeTakeFirstOrThrow()).n);

if (mode === 'hold') {
  await db.transaction().execute(async (trx) => {
    const claimed = await claimNext(trx, 'sender-held-by-a-dying-pc', new Date());
    if (!claimed) throw new Error('nothing to claim');
    const now = new Date();
    const intake = intakeInput.parse({
      type: 'disclosure',
      channel: 'post',
      arrivedAt: now.toISOString(),
      requesterKind: 'member',
      memberName: '書きかけ 花子',
      memberKana: 'かきかけ はなこ',
      memberEmail: 'half-written@example.jp',
      requestText: '途中で止まった受付。',
      delivery: 'paper',
    });
    const made = await createCase(trx, await loadDeskCalendar(trx), username, now, intake);
    await appendAudit(trx, { actor: username, action: 'case.received', entity: 'case', entityId: String(made.id), detail: { reference: made.reference } }, now);
    process.stdout.write(`holding ${made.reference} ${claimed.message_id}\n`);
    setInterval(() => {}, 1_000);
    await new Promise<never>(() => {});
  });
} else {
  const sender = new MailSender({ db, log: () => {}, timeouts: { connectionMs: 5_000, greetingMs: 5_000, socketMs: 10_000 } });
  process.stdout.write('ready\n');
  await new Promise<void>((ok) => process.stdin.on('data', (c: Buffer) => c.toString().includes('go') && ok()));
  let sent = 0;
  // One drain takes what it can claim; a message another PC holds is skipped (SKIP LOCKED) and comes back
  // if that PC lets go of it, so drain again until nobody has anything left to send.
  while ((await unsettled()) > 0) {
    const r = await sender.drain(true);
    sent += r.sent;
    if (r.failed > 0 || (r.stoppedBy !== null && r.stoppedBy !== 'stopped')) throw new Error(`the sender stopped: ${JSON.stringify(r)}`);
    if ((await unsettled()) > 0) await new Promise((ok) => setTimeout(ok, 100));
  }
  await sender.stop();
  process.stdout.write(`done ${JSON.stringify({ sent })}\n`);
  await desk.store.close();
  process.exit(0);
}
