// A shared desk's mailbox is drained by one PC at a time: every PC runs a fetcher, and the one that holds
// the desk's IMAP advisory lock reads the mailbox while the others read nothing and look again later.
// Real servers: the run's PostgreSQL cluster and Debian's Dovecot (test/support/dovecot.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startDovecot, type Dovecot } from '../../support/dovecot.ts';
import { plainMail } from '../../support/mail-corpus.ts';
import { freshDatabase, PG_ADMIN, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { newDesk, SUPERVISOR, tempDir } from '../../support/desk.ts';
import { parseDatabaseUrl } from '../../../db/postgres.ts';
import { ADVISORY_KEYS } from '../../../db/dialect.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { writeMailboxSettings } from '../../../electron/core/inbox/mailbox-settings.ts';
import { MailboxFetcher } from '../../../electron/core/inbox/imap-fetcher.ts';

let dovecot: Dovecot;
let database: TestDatabase;
const dirs = [tempDir('pd-imap-a-'), tempDir('pd-imap-b-')];
const desks: UnlockedDesk[] = [];
const fetchers: MailboxFetcher[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  database = await freshDatabase(await testPostgres());
  const server = { target: parseDatabaseUrl(database.url), password: database.password };
  const { rt } = await newDesk(dirs[0]!.path, { server });
  await rt.close();
  // Two PCs: each its own folder and its own connection to the one database.
  for (const d of dirs) desks.push((await unlockWithPassword(deskPaths(d.path, server), SUPERVISOR.username, SUPERVISOR.password))!);
  await writeMailboxSettings(
    desks[0]!.store.db,
    { host: '127.0.0.1', port: dovecot.port, tls: 'none', user: dovecot.user, password: dovecot.password, folder: 'INBOX', afterFetch: 'seen', moveTo: 'Processed', maxMessageMb: 25 },
    SUPERVISOR.username,
    new Date(),
  );
  for (const d of desks) fetchers.push(new MailboxFetcher({ db: d.store.db, log: () => {}, timeouts: { connectionMs: 5_000, greetingMs: 5_000, socketMs: 10_000 } }));
}, 120_000);

afterAll(async () => {
  for (const f of fetchers) await f.stop();
  for (const d of desks) await lockDesk(d);
  await database?.drop();
  await dovecot?.close();
  for (const d of dirs) d.remove();
});

describe('the mailbox of a shared desk', () => {
  it('is not read by a PC while another PC holds the fetch lock; once released, every mail is stored once', async () => {
    for (let i = 0; i < 3; i++) await dovecot.append(plainMail({ subject: `held ${i}` }));
    // Another PC is in the middle of a pass: it holds the desk's IMAP lock on its own connection.
    const access = await testPostgres();
    const other = new pg.Client({ host: access.host, port: access.port, user: PG_ADMIN, password: access.adminPassword, database: database.name });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [ADVISORY_KEYS.imap]);
      expect(await fetchers[0]!.fetchOnce()).toEqual({ stored: 0, duplicates: 0, processed: 0 });
      await other.query('SELECT pg_advisory_unlock($1)', [ADVISORY_KEYS.imap]);
    } finally {
      await other.end();
    }
    expect(await fetchers[0]!.fetchOnce()).toEqual({ stored: 3, duplicates: 0, processed: 3 });
  }, 120_000);

  it('two PCs fetching at once: each of 20 mails stored once, none fetched twice', async () => {
    for (let i = 0; i < 20; i++) await dovecot.append(plainMail({ subject: `both ${i}` }));
    const [a, b] = await Promise.all(fetchers.map((f) => f.fetchOnce()));
    expect(a!.stored + b!.stored).toBe(20);
    expect(a!.duplicates + b!.duplicates).toBe(0);
    const rows = await desks[1]!.store.db.selectFrom('inbox_messages').select('subject').where('subject', 'like', 'both %').execute();
    expect(rows).toHaveLength(20);
  }, 120_000);
});
