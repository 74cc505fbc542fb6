import { describe, expect, it } from 'vitest';
import { databaseTargetOf } from '../../../electron/cli/desk-access.ts';
import { CliError } from '../../../electron/cli/io.ts';

// Every admin command that takes --database-url (db check, backup, restore, move-to-server, …) reads it here.
describe('--database-url on the command line', () => {
  it('a loopback URL names the server, database and user, and carries no password', () => {
    const t = databaseTargetOf('postgres://pd_desk@127.0.0.1:5433/desk');
    expect(t).toMatchObject({ host: '127.0.0.1', port: 5433, database: 'desk', user: 'pd_desk' });
    expect(JSON.stringify(t)).not.toMatch(/secret/);
  });

  it.each([
    ['another scheme', 'mysql://pd_desk@127.0.0.1/desk'],
    ['a password in the URL', 'postgres://pd_desk:secret@127.0.0.1/desk'],
    ['a remote server without TLS', 'postgres://pd_desk@db.example.jp/desk'],
  ])('%s: a usage error (exit 2) that starts with the flag, in one line', (_, url) => {
    let thrown: unknown;
    try {
      databaseTargetOf(url);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CliError);
    if (!(thrown instanceof CliError)) return;
    expect(thrown.exitCode).toBe(2);
    expect(thrown.message).toMatch(/^--database-url: \S.*$/);
    expect(thrown.message).not.toContain('secret');
  });
});
