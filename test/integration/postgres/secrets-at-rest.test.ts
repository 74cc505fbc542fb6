// What the server's administrator can read: a shared desk's database is not encrypted by the desk, so the
// desk seals what must stay secret there — its system audit signing key and the SMTP and IMAP passwords —
// with the data key (db/secret-columns.ts). Dumped as the server's superuser, none of them appears; the
// desk still uses them; a re-key re-seals them; a value moved or altered on the server is refused.
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, withAdmin, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { freePort } from '../../support/smtp.ts';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { parseDatabaseUrl } from '../../../db/postgres.ts';
import { SecretColumnError } from '../../../db/secret-columns.ts';
import { deskPaths, type SharedDeskServer } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { readMailConfig } from '../../../electron/core/mail/mail-settings.ts';
import { readMailboxConfig } from '../../../electron/core/inbox/mailbox-settings.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';

const SMTP_PASSWORD = 'smtp-secret-Kx81';
const IMAP_PASSWORD = 'imap-secret-Qw27';
const dirs: Array<{ remove(): void }> = [];
const made: TestDatabase[] = [];
afterAll(async () => {
  for (const d of made) await d.drop();
  for (const d of dirs) d.remove();
});

/** Every row of the desk's tables as the server's superuser sees them, as one text. */
async function serverDump(database: string): Promise<string> {
  return withAdmin(await testPostgres(), async (c) => {
    const tables = (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.tablename as string);
    let out = '';
    for (const t of tables) out += JSON.stringify((await c.query(`SELECT * FROM "${t}"`)).rows);
    return out;
  }, database);
}

async function withDesk<T>(dir: string, server: SharedDeskServer, f: (d: UnlockedDesk) => Promise<T>): Promise<T> {
  const desk = (await unlockWithPassword(deskPaths(dir, server), SUPERVISOR.username, SUPERVISOR.password))!;
  try {
    return await f(desk);
  } finally {
    await lockDesk(desk);
  }
}

describe('secrets on the shared desk server', () => {
  it('are sealed with the data key: not readable on the server, used by the desk, re-sealed by a re-key, refused when moved', async () => {
    const database = await freshDatabase(await testPostgres());
    made.push(database);
    const dir = tempDir('pd-secrets-');
    dirs.push(dir);
    const server = { target: parseDatabaseUrl(database.url), password: database.password };
    const closed = await freePort(); // no server there: nothing is sent or fetched
    const { rt } = await newDesk(dir.path, { server });
    try {
      value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: closed, tls: 'none', user: 'desk', password: SMTP_PASSWORD }));
      value(await rt.call('mailbox.updateSettings', { host: '127.0.0.1', port: closed, tls: 'none', user: 'desk', password: IMAP_PASSWORD }));
      expect(value(await rt.call('mail.getSettings', {})).passwordSet).toBe(true);
    } finally {
      await rt.close();
    }

    const systemKeyOnServer = async () =>
      withAdmin(await testPostgres(), async (c) => (await c.query(`SELECT private_key FROM audit_keys`)).rows[0].private_key as string, database.name);
    const dump = await serverDump(database.name);
    expect(dump).not.toContain(SMTP_PASSWORD);
    expect(dump).not.toContain(IMAP_PASSWORD);
    const sealedKey = await systemKeyOnServer();
    expect(sealedKey).toMatch(/^pd1:/);
    // A PKCS#8 Ed25519 key in base64 starts "MC4CAQAwBQYDK2Vw": not on the server.
    expect(dump).not.toContain('MC4CAQAwBQYDK2Vw');

    // The desk opens them with its key; its system key still signs (the chain verifies).
    await withDesk(dir.path, server, async (d) => {
      expect((await readMailConfig(d.store.db))?.password).toBe(SMTP_PASSWORD);
      expect((await readMailboxConfig(d.store.db))?.password).toBe(IMAP_PASSWORD);
      expect(await verifyAudit(d.store.db)).toMatchObject({ ok: true });
    });

    // A re-key: new data key, the secrets re-sealed under it in the same transaction.
    const again = await openRuntime(dir.path, { server });
    try {
      value(await again.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
      value(await again.call('desk.rekey', {}));
    } finally {
      await again.close();
    }
    expect(await systemKeyOnServer()).not.toBe(sealedKey);
    await withDesk(dir.path, server, async (d) => {
      expect((await readMailConfig(d.store.db))?.password).toBe(SMTP_PASSWORD);
      expect((await readMailboxConfig(d.store.db))?.password).toBe(IMAP_PASSWORD);
      expect(await verifyAudit(d.store.db)).toMatchObject({ ok: true });
    });

    // Someone on the server copies the mailbox password's sealed value into the mail password's place:
    // it does not open there (the column is part of the seal).
    await withAdmin(await testPostgres(), (c) => c.query(`UPDATE mail_settings SET password = (SELECT password FROM mailbox_settings WHERE id = 1) WHERE id = 1`), database.name);
    await withDesk(dir.path, server, async (d) => {
      await expect(readMailConfig(d.store.db)).rejects.toBeInstanceOf(SecretColumnError);
      expect((await readMailboxConfig(d.store.db))?.password).toBe(IMAP_PASSWORD);
    });
    const rt3 = await openRuntime(dir.path, { server });
    try {
      value(await rt3.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
      expect(await rt3.call('mail.sendTest', { to: 'someone@example.jp' })).toMatchObject({
        ok: false,
        error: { code: 'STORAGE_DAMAGED', reason: { code: 'SHARED_DESK_SECRET_UNREADABLE', column: 'mail_settings.password' } },
      });
    } finally {
      await rt3.close();
    }
  }, 180_000);
});
