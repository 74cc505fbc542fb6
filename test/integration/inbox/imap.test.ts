// The desk's mailbox against a real IMAP server (Debian's Dovecot, started by test/support/dovecot.ts on
// 127.0.0.1): fetching, IDLE, moving processed mail, a UIDVALIDITY reset, a connection dropped in the
// middle of a FETCH, a SIGKILL between storing and flagging, and a wrong password.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ImapFlow } from 'imapflow';
import { forgetUids, startDovecot, startRelay, type Dovecot } from '../../support/dovecot.ts';
import { newDesk, SUPERVISOR, tempDir } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { corpus, plainMail } from '../../support/mail-corpus.ts';
import { lockDesk, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { writeMailboxSettings } from '../../../electron/core/inbox/mailbox-settings.ts';
import { MailboxFetcher, type FetcherOptions } from '../../../electron/core/inbox/imap-fetcher.ts';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
}, 60_000);
afterAll(async () => {
  await dovecot?.close();
});

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function emptyMailbox(): Promise<void> {
  const c = await dovecot.client();
  try {
    for (const folder of ['INBOX', 'Processed']) {
      const lock = await c.getMailboxLock(folder);
      try {
        if ((c.mailbox && c.mailbox.exists) || 0) await c.messageDelete('1:*');
      } finally {
        lock.release();
      }
    }
  } finally {
    await c.logout();
  }
}

async function deskWithMailbox(opts: { port?: number; password?: string; afterFetch?: 'move' | 'seen' } = {}): Promise<{ desk: UnlockedDesk; dataDir: string }> {
  await emptyMailbox();
  const dir = tempDir('pd-imap-');
  const { rt } = await newDesk(dir.path);
  await rt.close();
  const desk = await unlockDirect(dir.path);
  cleanups.push(() => dir.remove(), () => lockDesk(desk));
  await writeMailboxSettings(
    desk.store.db,
    { host: '127.0.0.1', port: opts.port ?? dovecot.port, tls: 'none', user: dovecot.user, password: opts.password ?? dovecot.password, folder: 'INBOX', afterFetch: opts.afterFetch ?? 'seen', moveTo: 'Processed', maxMessageMb: 25 },
    'sato',
    new Date(),
  );
  return { desk, dataDir: dir.path };
}

function fetcher(desk: UnlockedDesk, extra: Partial<FetcherOptions> = {}): MailboxFetcher {
  const f = new MailboxFetcher({ db: desk.store.db, log: () => {}, timeouts: { connectionMs: 5_000, greetingMs: 5_000, socketMs: 10_000 }, ...extra });
  cleanups.push(() => f.stop());
  return f;
}

async function serverView(folder = 'INBOX'): Promise<Array<{ uid: number; seen: boolean; subject: string }>> {
  const c: ImapFlow = await dovecot.client();
  try {
    const lock = await c.getMailboxLock(folder);
    try {
      const out = [];
      if (c.mailbox && c.mailbox.exists) for await (const m of c.fetch('1:*', { uid: true, flags: true, envelope: true })) out.push({ uid: m.uid, seen: m.flags?.has('\\Seen') ?? false, subject: m.envelope?.subject ?? '' });
      return out;
    } finally {
      lock.release();
    }
  } finally {
    await c.logout();
  }
}

const stored = (desk: UnlockedDesk) => desk.store.db.selectFrom('inbox_messages').select(['subject', 'arrived_at', 'arrival_source', 'imap_uid', 'source']).orderBy('id').execute();

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the desk’s mailbox over IMAP (Dovecot)', () => {
  it('fetches new mail, stores it, marks it seen, takes INTERNALDATE when there is no Received header, and never fetches it twice', async () => {
    const { desk } = await deskWithMailbox();
    const ja = corpus()[0]!.raw;
    await dovecot.append(ja);
    const noReceived = plainMail({ subject: 'no received', received: [] });
    await dovecot.append(noReceived, { date: new Date('2026-11-20T05:00:00Z') });
    const f = fetcher(desk);
    expect(await f.fetchOnce()).toEqual({ stored: 2, duplicates: 0, processed: 2 });
    const rows = await stored(desk);
    expect(rows.map((r) => [r.subject, r.arrived_at, r.arrival_source, r.source])).toEqual([
      ['【開示請求】登録情報について', '2026-11-24T00:15:02.000Z', 'received', 'imap'],
      ['no received', '2026-11-20T05:00:00.000Z', 'internaldate', 'imap'],
    ]);
    expect((await serverView()).map((m) => m.seen)).toEqual([true, true]);
    expect(await f.fetchOnce()).toEqual({ stored: 0, duplicates: 0, processed: 0 });
    expect(await stored(desk)).toHaveLength(2);
    expect(f.status()).toMatchObject({ connection: 'online', idle: true });
  }, 60_000);

  it('hears new mail at once through IDLE (the poll is set to ten minutes)', async () => {
    const { desk } = await deskWithMailbox();
    const f = fetcher(desk, { pollMs: 600_000 });
    f.start();
    await until(async () => f.status().connection === 'online');
    await new Promise((r) => setTimeout(r, 500));
    await dovecot.append(plainMail({ subject: 'arrives while idling' }));
    const rows = await until(async () => {
      const r = await stored(desk);
      return r.length > 0 && r;
    });
    expect(rows.map((r) => r.subject)).toEqual(['arrives while idling']);
    await until(async () => (await serverView())[0]?.seen);
  }, 60_000);

  it('moves processed mail to the chosen folder and deletes nothing', async () => {
    const { desk } = await deskWithMailbox({ afterFetch: 'move' });
    await dovecot.append(plainMail({ subject: 'one' }));
    await dovecot.append(plainMail({ subject: 'two' }));
    expect(await fetcher(desk).fetchOnce()).toMatchObject({ stored: 2, processed: 2 });
    expect(await serverView('INBOX')).toEqual([]);
    expect((await serverView('Processed')).map((m) => m.subject)).toEqual(['one', 'two']);
  }, 60_000);

  it('survives a UIDVALIDITY reset: every message is looked at again, none is stored twice, the new one is stored', async () => {
    const { desk } = await deskWithMailbox();
    await dovecot.append(plainMail({ subject: 'before 1' }));
    await dovecot.append(plainMail({ subject: 'before 2' }));
    const f = fetcher(desk);
    await f.fetchOnce();
    const before = await desk.store.db.selectFrom('mailbox_state').selectAll().executeTakeFirstOrThrow();
    await dovecot.stop();
    forgetUids(dovecot.maildir);
    await new Promise((r) => setTimeout(r, 1_100)); // UIDVALIDITY is a time in seconds
    await dovecot.start();
    await dovecot.append(plainMail({ subject: 'after' }));
    expect(await f.fetchOnce()).toMatchObject({ stored: 1, duplicates: 2 });
    expect((await stored(desk)).map((r) => r.subject)).toEqual(['before 1', 'before 2', 'after']);
    const after = await desk.store.db.selectFrom('mailbox_state').selectAll().executeTakeFirstOrThrow();
    expect(after.uidvalidity).not.toBe(before.uidvalidity);
  }, 60_000);

  it('loses nothing and stores nothing twice when the connection drops in the middle of a FETCH', async () => {
    const relay = await startRelay(dovecot.port);
    cleanups.push(() => relay.close());
    const { desk } = await deskWithMailbox({ port: relay.port });
    await dovecot.append(plainMail({ subject: 'small' }));
    await dovecot.append(plainMail({ subject: 'large', body: '大きな本文'.repeat(40_000) }));
    relay.cutAfter = 40_000; // past the login and the first mail, in the middle of the second
    const f = fetcher(desk);
    await expect(f.fetchOnce()).rejects.toThrow();
    expect(relay.cuts).toBe(1);
    expect(['server_error', 'offline']).toContain(f.status().connection);
    expect((await stored(desk)).map((r) => r.subject)).toEqual(['small']);
    relay.cutAfter = null;
    expect(await f.fetchOnce()).toMatchObject({ stored: 1 });
    expect((await stored(desk)).map((r) => r.subject)).toEqual(['small', 'large']);
    expect((await serverView()).map((m) => m.seen)).toEqual([true, true]);
  }, 60_000);

  it('after a SIGKILL between storing a mail and flagging it, the next run neither loses nor duplicates it', async () => {
    const { desk, dataDir } = await deskWithMailbox();
    await dovecot.append(plainMail({ subject: 'crash' }));
    const child = spawn(process.execPath, [fileURLToPath(new URL('../../support/inbox-crash-child.ts', import.meta.url)), dataDir, SUPERVISOR.username, SUPERVISOR.password], {
      env: { ...process.env, PD_INBOX_PAUSE_AFTER_STORE: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    await new Promise<void>((ok, fail) => {
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('stored ')) ok();
      });
      child.once('exit', (code) => fail(new Error(`child exited ${code}: ${out}`)));
    });
    const dead = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await dead;
    expect((await stored(desk)).map((r) => r.subject)).toEqual(['crash']);
    expect((await serverView()).map((m) => m.seen)).toEqual([false]);

    expect(await fetcher(desk).fetchOnce()).toEqual({ stored: 0, duplicates: 1, processed: 1 });
    expect((await stored(desk)).map((r) => r.subject)).toEqual(['crash']);
    expect((await serverView()).map((m) => m.seen)).toEqual([true]);
  }, 60_000);

  it('shows a wrong password plainly and tries again only after the settings change', async () => {
    const relay = await startRelay(dovecot.port);
    cleanups.push(() => relay.close());
    const { desk } = await deskWithMailbox({ port: relay.port, password: 'wrong' });
    await dovecot.append(plainMail({ subject: 'waiting' }));
    const f = fetcher(desk, { pollMs: 100, backoffMs: () => 100 });
    f.start();
    await until(async () => f.status().connection === 'auth_failed');
    expect(f.status()).toMatchObject({ connection: 'auth_failed', nextTryAt: null });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(relay.connections).toBe(1);
    expect(await stored(desk)).toEqual([]);

    await writeMailboxSettings(desk.store.db, { host: '127.0.0.1', port: relay.port, tls: 'none', user: dovecot.user, password: dovecot.password, folder: 'INBOX', afterFetch: 'seen', moveTo: 'Processed', maxMessageMb: 25 }, 'sato', new Date(Date.now() + 1_000));
    f.settingsChanged();
    await until(async () => (await stored(desk)).length === 1);
    expect(f.status().connection).toBe('online');
  }, 60_000);
});
