// Child process for the mail crash test: unlocks a desk and runs a sender on its outbox. With
// PD_MAIL_PAUSE_AFTER_SEND=1 it stops dead right after the mail server accepted a message and before
// the desk marks it sent, prints "accepted <Message-ID>", and waits there for the parent's SIGKILL.
import { deskPaths } from '../../electron/core/storage/data-dir.ts';
import { unlockWithPassword } from '../../electron/core/vault/vault.ts';
import { MailSender } from '../../electron/core/mail/sender.ts';

const [dataDir, username, password] = process.argv.slice(2) as [string, string, string];
const desk = await unlockWithPassword(deskPaths(dataDir), username, password);
if (!desk) throw new Error('cannot unlock');
const pause = process.env.PD_MAIL_PAUSE_AFTER_SEND === '1';
const sender = new MailSender({
  db: desk.store.db,
  log: () => {},
  afterAccepted: pause
    ? async (messageId) => {
        process.stdout.write(`accepted ${messageId}\n`);
        setInterval(() => {}, 1_000); // stay alive until killed
        await new Promise<never>(() => {});
      }
    : undefined,
});
process.stdout.write('ready\n');
const report = await sender.drain();
process.stdout.write(`done ${JSON.stringify(report)}\n`);
await desk.store.close();
