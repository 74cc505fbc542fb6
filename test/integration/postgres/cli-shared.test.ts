// The admin command line on a shared desk, each command given --database-url as IT staff type it (the
// commands other files do not already run that way: init, db check, import → report, mail import,
// calendar with the desk's closures). `db check` says what it checked — schema version, pg_trgm, loopback
// without TLS, key slots against accounts, the audit chain — and names what is wrong: an account without a
// key slot, the search extension gone.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDatabase, withAdmin, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { SUPERVISOR, tempDir } from '../../support/desk.ts';
import { runCli } from '../../support/run-cli.ts';
import { csvOf, sampleRow } from '../../support/import-file.ts';
import { plainMail } from '../../support/mail-corpus.ts';
import { formatDatabaseUrl, parseDatabaseUrl } from '../../../db/postgres.ts';
import { postgresMigrations } from '../../../db/migrations-postgres/index.ts';

const pc = tempDir('pd-cli-shared-pc-');
const files = tempDir('pd-cli-shared-files-');
let database: TestDatabase | undefined;
afterAll(async () => {
  await database?.drop();
  pc.remove();
  files.remove();
});

describe('the admin commands with --database-url', () => {
  it('init, db check, import, report, mail import and calendar work on the shared desk; db check names an account without a slot and a missing pg_trgm', async () => {
    database = await freshDatabase(await testPostgres());
    const url = formatDatabaseUrl(parseDatabaseUrl(database.url));
    const env = { PRIVACY_DESK_DATABASE_PASSWORD: database.password };
    const pw = SUPERVISOR.password;
    const where = ['--database-url', url, '--data-dir', pc.path, '--user', SUPERVISOR.username];
    const run = (args: string[], password = pw) => runCli(args, password, { env, timeoutMs: 120_000 });
    const admin = async <T>(q: string) => withAdmin(await testPostgres(), async (c) => (await c.query(q)).rows as T[], database!.name);

    const init = await run(['init', '--database-url', url, '--user', SUPERVISOR.username, '--display-name', SUPERVISOR.displayName]);
    expect(init, init.stderr).toMatchObject({ code: 0 });
    expect(init.stdout).toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}/); // the recovery key, printed once
    expect(await admin<{ username: string }>('SELECT username FROM accounts')).toEqual([{ username: SUPERVISOR.username }]);
    // A second init on the same database never overwrites the desk.
    expect((await run(['init', '--database-url', url, '--user', 'suzuki'])).code).not.toBe(0);

    const check = await run(['db', 'check', ...where]);
    expect(check, check.stderr).toMatchObject({ code: 0 });
    expect(check.stdout).toContain(`schema: ok (version ${Object.keys(postgresMigrations).length}:`);
    expect(check.stdout).toMatch(/search: ok \(pg_trgm \d/);
    expect(check.stdout).toContain('connection: ok (loopback, no TLS)');
    expect(check.stdout).toContain('key slots: ok (2)'); // the supervisor's and the recovery slot
    expect(check.stdout).toMatch(/audit/i);

    // Cases in through `desk import`, counted by `desk report` from the same server.
    const csv = join(files.path, 'cases.csv');
    writeFileSync(csv, csvOf(Array.from({ length: 12 }, (_, i) => sampleRow(i, '2026-11-20T10:00:00+09:00'))));
    const imported = await run(['import', csv, ...where]);
    expect(imported, imported.stderr).toMatchObject({ code: 0 });
    const report = await run(['report', '--from', '2026-11-01', '--to', '2026-11-30', '--json', ...where]);
    expect(report, report.stderr).toMatchObject({ code: 0 });
    // The twelve rows arrived between 16 and 20 November: all twelve in the period, four of each type.
    expect(await admin<{ n: string }>('SELECT count(*) AS n FROM cases')).toEqual([{ n: '12' }]);
    expect(JSON.parse(report.stdout)).toMatchObject({ received: 12, byType: { disclosure: 4, correction: 4, suspension: 4 } });

    // A mail file into the shared Inbox.
    const eml = join(files.path, 'mail.eml');
    writeFileSync(eml, plainMail({}));
    const mail = await run(['mail', 'import', eml, ...where, '--json']);
    expect(mail, mail.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(mail.stdout.trim())).toMatchObject({ file: 'mail.eml', status: 'inbox' });
    expect(await admin<{ n: string }>('SELECT count(*) AS n FROM inbox_messages')).toEqual([{ n: '1' }]);

    // The calendar with the desk's own closures, as kept on the server.
    await admin(`INSERT INTO desk_days (date, kind, reason, reason_en, created_by, created_at) VALUES ('2026-12-28', 'closed', '大掃除', 'Office cleaning', '${SUPERVISOR.username}', '2026-11-01T00:00:00Z')`);
    const calendar = await run(['calendar', 'closed', '2026', '--json', ...where]);
    expect(calendar, calendar.stderr).toMatchObject({ code: 0 });
    expect((JSON.parse(calendar.stdout) as Array<{ date: string; kind: string; reason_en: string }>).find((d) => d.date === '2026-12-28')).toMatchObject({ kind: 'desk', reason_en: 'Office cleaning' });

    // An account the key slots do not know, and the search extension dropped: db check names both.
    await admin(`INSERT INTO accounts (username, display_name, role, slot_id, disabled, must_change_password, created_at) VALUES ('ghost', '幽霊', 'agent', 'no-such-slot', 0, 1, '2026-11-01T00:00:00Z')`);
    await admin('DROP EXTENSION pg_trgm CASCADE');
    const bad = await run(['db', 'check', ...where]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('the account ghost has no key slot');
    expect(bad.stdout + bad.stderr).toContain('the pg_trgm extension is not installed');
  }, 600_000);
});
