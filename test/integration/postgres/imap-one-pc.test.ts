// Several PCs, one mailbox: on a shared desk only one PC fetches the desk's mail at a time (an advisory lock
// on the server). What staff see: the second PC says another PC is fetching, nothing is stored twice, and
// when the first PC stops, the second takes over and fetches what came in since.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../support/dovecot.ts';
import { freshDatabase, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { newDesk, SUPERVISOR, tempDir } from '../../support/desk.ts';
import { plainMail } from '../../support/mail-corpus.ts';
import { parseDatabaseUrl } from '../../../db/postgres.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { writeMailboxSettings } from '../../../electron/core/inbox/mailbox-settings.ts';
import { MailboxFetcher } from '../../../electron/core/inbox/imap-fetcher.ts';

let dovecot: Dovecot;
let database: TestDatabase;
const dirs = [tempDir('pd-imap-pc-a-'), tempDir('pd-imap-pc-b-'), tempDir('pd-imap-setup-')];
const open: UnlockedDesk[] = [];
beforeAll(async () => {
  dovecot = await startDovecot();
}, 60_000);
afterAll(async () => {
  for (const d of open) await lockDesk(d).catch(() => undefined);
  await dovecot?.close();
  await database?.drop();
  for (const d of dirs) d.remove();
});

const mail = (n: number) => plainMail({ from: 'member@example.com', subject: `request ${n}`, messageId: `<imap-one-pc-${n}@example.com>`, body: `開示を請求します（${n}）。` });

describe('one PC fetches the shared desk\'s mailbox at a time', () => {
  it('the second PC waits (other_pc) while the first fetches; each mail stored once; it takes over when the first stops', async () => {
    database = await freshDatabase(await testPostgres());
    const server = { target: parseDatabaseUrl(database.url), password: database.password };
    const { rt } = await newDesk(dirs[2]!.path, { server });
    await rt.close();
    const pc = async (i: number) => {
      const d = (await unlockWithPassword(deskPaths(dirs[i]!.path, server), SUPERVISOR.username, SUPERVISOR.password))!;
      open.push(d);
      return d;
    };
    const [a, b] = [await pc(0), await pc(1)];
    await writeMailboxSettings(a.store.db, { host: '127.0.0.1', port: dovecot.port, tls: 'none', user: dovecot.user, password: dovecot.password, folder: 'INBOX', afterFetch: 'seen', moveTo: 'Processed', maxMessageMb: 25 }, SUPERVISOR.username, new Date());
    for (let n = 1; n <= 3; n++) await dovecot.append(mail(n));

    const fetcher = (d: UnlockedDesk) => new MailboxFetcher({ db: d.store.db, log: () => {}, pollMs: 60_000, timeouts: { connectionMs: 5_000, greetingMs: 5_000, socketMs: 10_000 } });
    const onA = fetcher(a);
    const onB = fetcher(b);
    const stored = async () => (await a.store.db.selectFrom('inbox_messages').select(['message_id']).execute()).map((r) => r.message_id).sort();
    try {
      // PC A fetches and stays connected (IDLE), holding the desk's fetch lock.
      onA.start();
      while ((await stored()).length < 3 || onA.status().connection !== 'online') await new Promise((r) => setTimeout(r, 100));

      // PC B presses "fetch now": another PC is fetching; B stores nothing.
      await dovecot.append(mail(4));
      expect(await onB.fetchOnce()).toEqual({ stored: 0, duplicates: 0, processed: 0 });
      expect(onB.status().connection).toBe('other_pc');

      // PC A stops (lock released); B takes over and fetches what A had not.
      await onA.stop();
      await dovecot.append(mail(5));
      const report = await onB.fetchOnce();
      expect(onB.status().connection).toBe('online');
      expect(report.duplicates).toBe(0);
      expect(await stored()).toEqual([1, 2, 3, 4, 5].map((n) => `<imap-one-pc-${n}@example.com>`));
    } finally {
      await onA.stop();
      await onB.stop();
    }
  }, 180_000);
});
