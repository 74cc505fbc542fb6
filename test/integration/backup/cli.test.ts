// "IT staff back a desk up to a drive and restore it on a new PC from the command line; any failure is
// one line on stderr and a non-zero exit." Runs the real commands (node electron/cli/main.ts …) against a
// desk made with the test scrypt cost, so each unlock is quick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newDesk, snapshot, SUPERVISOR, tempDir } from '../../support/desk.ts';
import { caseRows, createCases } from '../../support/backup.ts';

const REPO = resolve(import.meta.dirname, '..', '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function desk(args: string[], secret?: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.PRIVACY_DESK_PASSWORD;
  if (secret !== undefined) env.PRIVACY_DESK_PASSWORD = secret;
  return new Promise((ok) => {
    const child = execFile(process.execPath, ['electron/cli/main.ts', ...args], { cwd: REPO, env, encoding: 'utf8', timeout: 30_000 }, (err, stdout, stderr) =>
      ok({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    child.stdin?.end(); // a pipe, not a terminal
  });
}

/** A failure: non-zero, exactly one line on stderr, nothing on stdout. */
function expectOneLineFailure(r: Run, message: RegExp, code = 1) {
  expect({ code: r.code, lines: r.stderr.trimEnd().split('\n').length, stdout: r.stdout }).toEqual({ code, lines: 1, stdout: '' });
  expect(r.stderr.trimEnd()).toMatch(message);
}

const dirs: Array<{ path: string; remove(): void }> = [];
const dir = (prefix = 'pd-clib-') => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d.path;
};
afterAll(() => dirs.splice(0).forEach((d) => d.remove()));

let source: string;
let recoveryKey: string;
let usb: string;
let backupPath: string;

beforeAll(async () => {
  source = dir();
  usb = dir('pd-usb-');
  const made = await newDesk(source);
  recoveryKey = made.recoveryKey;
  await createCases(made.rt, 4);
  await made.rt.close();
  const r = await desk(['backup', '--data-dir', source, '--user', SUPERVISOR.username, '--out', usb], SUPERVISOR.password);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  backupPath = r.stdout.split('\n')[0]!;
});

// Several desk processes one after another (each needs the folder's lock): generous on a loaded machine.
describe('desk backup', { timeout: 120_000 }, () => {
  it('--help explains it, exit 0', async () => {
    const r = await desk(['backup', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run desk -- backup (--data-dir DIR | --database-url URL) --user NAME --out FOLDER');
    expect(r.stdout).toContain('one consistent snapshot (one REPEATABLE READ transaction)');
  });

  it('prints the backup folder and the case count; the folder holds the three files', () => {
    expect(backupPath).toMatch(new RegExp(`^${usb}/PrivacyDesk-CareerModel-Support-Desk-\\d{8}-\\d{6}\\.pdbackup$`));
    expect(readdirSync(backupPath).sort()).toEqual(['desk.db', 'keyslots.json', 'manifest.json']);
  });

  it('failures are one line: wrong password, no such folder, missing options, a stray argument', async () => {
    // Each needs the data folder's lock: one at a time.
    expectOneLineFailure(await desk(['backup', '--data-dir', source, '--user', SUPERVISOR.username, '--out', usb], 'wrong password'), /^Wrong user name or password for sato\.$/);
    expectOneLineFailure(await desk(['backup', '--data-dir', source, '--user', SUPERVISOR.username, '--out', join(usb, 'missing')], SUPERVISOR.password), /does not exist or is not a folder \(is the drive connected\?\)/);
    // Refused before anything is opened: these run side by side.
    const [noOut, noUser, stray, bogus] = await Promise.all([
      desk(['backup', '--data-dir', source, '--user', SUPERVISOR.username], SUPERVISOR.password),
      desk(['backup', '--data-dir', source, '--out', usb], SUPERVISOR.password),
      desk(['backup', 'somewhere', '--data-dir', source, '--user', 'sato', '--out', usb], SUPERVISOR.password),
      desk(['backup', '--data-dir', source, '--user', 'sato', '--out', usb, '--bogus'], SUPERVISOR.password),
    ]);
    expectOneLineFailure(noOut!, /^backup needs --out FOLDER .* Try --help\.$/, 2);
    expectOneLineFailure(noUser!, /^backup needs --user\. Try --help\.$/, 2);
    expectOneLineFailure(stray!, /takes no argument/, 2);
    expectOneLineFailure(bogus!, /Unknown option '--bogus'/, 2);
    expect(readdirSync(usb)).toHaveLength(1);
  });
});

describe('desk restore', () => {
  it('--help explains it, exit 0', async () => {
    const r = await desk(['restore', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run desk -- restore BACKUP (--data-dir NEW | --database-url URL) [--user NAME]');
  });

  it('with --user and a password: restored, the same cases; a second restore into it is refused in one line', async () => {
    const target = join(dir(), 'new-pc');
    const r = await desk(['restore', backupPath, '--data-dir', target, '--user', SUPERVISOR.username], SUPERVISOR.password);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Restored the desk into .*new-pc: 4 case\(s\), from the backup of \d{4}-\d\d-\d\dT/);
    expect(await caseRows(target)).toEqual(await caseRows(source));
    const before = snapshot(target);
    expectOneLineFailure(await desk(['restore', backupPath, '--data-dir', target, '--user', SUPERVISOR.username], SUPERVISOR.password), /already holds a desk\. Restoring never overwrites a desk/);
    expect(snapshot(target)).toEqual(before);
  });

  it('without --user the secret is the recovery key', async () => {
    const target = join(dir(), 'new-pc');
    const r = await desk(['restore', backupPath, '--data-dir', target], recoveryKey);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(await caseRows(target)).toEqual(await caseRows(source));
    expectOneLineFailure(await desk(['restore', backupPath, '--data-dir', join(dir(), 'x')], 'not a key'), /^Recovery key: A recovery key is 52 letters/, 2);
  });

  it('failures are one line and leave no desk (nor a data folder it made): wrong password, truncated backup, no such backup', async () => {
    const target = join(dir(), 'new-pc');
    expectOneLineFailure(await desk(['restore', backupPath, '--data-dir', target, '--user', SUPERVISOR.username], 'wrong password'), /does not open this backup/);
    expect(existsSync(target)).toBe(false);

    const bad = join(dir(), 'PrivacyDesk-Bad-20261124-100000.pdbackup');
    cpSync(backupPath, bad, { recursive: true });
    truncateSync(join(bad, 'desk.db'), statSync(join(bad, 'desk.db')).size - 1000);
    expectOneLineFailure(await desk(['restore', bad, '--data-dir', target, '--user', SUPERVISOR.username], SUPERVISOR.password), /The backup's desk\.db is truncated: it has [\d,]+ of [\d,]+ bytes/);
    expect(existsSync(target)).toBe(false);

    expectOneLineFailure(await desk(['restore', join(usb, 'nothing.pdbackup'), '--data-dir', target, '--user', SUPERVISOR.username], SUPERVISOR.password), /There is no backup at/);
    const [noBackup, noDir, badUser] = await Promise.all([
      desk(['restore', '--data-dir', target], recoveryKey),
      desk(['restore', backupPath], recoveryKey),
      desk(['restore', backupPath, '--data-dir', target, '--user', 'Bad User!'], SUPERVISOR.password),
    ]);
    expectOneLineFailure(noBackup!, /needs exactly one backup folder/, 2);
    expectOneLineFailure(noDir!, /needs --data-dir/, 2);
    expectOneLineFailure(badUser!, /^--user: /, 2);
    expect(existsSync(target)).toBe(false);
  }, 120_000); // six CLI processes: 18 s at load 11, over the 30 s default at load 12+; no timed assertion
});
