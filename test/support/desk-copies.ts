// What the tests that copy a whole desk (move-to-server, restore onto a server) compare before and after:
// the cases as `desk export` prints them, and a secret kept in a table (plain inside a local desk's encrypted
// file, sealed with the data key on a server).
import { expect } from 'vitest';
import { writeMailSettings } from '../../electron/core/mail/mail-settings.ts';
import { lockDesk } from '../../electron/core/vault/vault.ts';
import { SUPERVISOR } from './desk.ts';
import { runCli } from './run-cli.ts';
import { unlockDirect } from './tables.ts';

export const SMTP_SECRET = 'smtp-secret-ひみつ';

/** Stores the desk's SMTP settings with SMTP_SECRET as their password, straight into the local desk's file. */
export async function keepSmtpSecret(dataDir: string): Promise<void> {
  const writable = await unlockDirect(dataDir);
  try {
    await writeMailSettings(writable.store.db, { host: '127.0.0.1', port: 2525, tls: 'none', user: 'desk', password: SMTP_SECRET }, SUPERVISOR.username, new Date());
  } finally {
    await lockDesk(writable);
  }
}

/** Every case as `desk export --format json` prints it, from --data-dir or --database-url (the supervisor's export). */
export async function exportedCases(where: string[], env: NodeJS.ProcessEnv = {}): Promise<unknown[]> {
  const r = await runCli(['export', ...where, '--user', SUPERVISOR.username, '--format', 'json'], SUPERVISOR.password, { env, timeoutMs: 120_000 });
  expect(r, r.stderr).toMatchObject({ code: 0 });
  return JSON.parse(r.stdout) as unknown[];
}
