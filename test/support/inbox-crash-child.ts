// Child process for the inbox crash test: unlocks a desk and fetches its mailbox once. With
// PD_INBOX_PAUSE_AFTER_STORE=1 it stops dead right after a message was stored in the database and before
// it is marked on the server, prints "stored <uid>", and waits there for the parent's SIGKILL.
import { deskPaths } from '../../electron/core/storage/data-dir.ts';
import { unlockWithPassword } from '../../electron/core/vault/vault.ts';
import { MailboxFetcher } from '../../electron/core/inbox/imap-fetcher.ts';

const [dataDir, username, password] = process.argv.slice(2) as [string, string, string];
const desk = await unlockWithPassword(deskPaths(dataDir), username, password);
if (!desk) throw new Error('cannot unlock');
const fetcher = new MailboxFetcher({
  db: desk.store.db,
  log: () => {},
  afterStored:
    process.env.PD_INBOX_PAUSE_AFTER_STORE === '1'
      ? async (uid) => {
          process.stdout.write(`stored ${uid}\n`);
          setInterval(() => {}, 1_000); // stay alive until killed
          await new Promise<never>(() => {});
        }
      : undefined,
});
const report = await fetcher.fetchOnce();
process.stdout.write(`done ${JSON.stringify(report)}\n`);
await desk.store.close();
