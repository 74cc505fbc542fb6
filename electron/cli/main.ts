// `npm run desk -- <command>`: the admin command line for IT staff provisioning and checking a PC.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, type CliIO } from './io.ts';
import { initCommand } from './commands/init.ts';
import { dbCommand } from './commands/db.ts';
import { auditCommand } from './commands/audit.ts';
import { importCommand } from './commands/import.ts';
import { exportCommand } from './commands/export.ts';
import { calendarCommand } from './commands/calendar.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { mailCommand } from './commands/mail.ts';
import { reportCommand } from './commands/report.ts';
import { purgeCommand } from './commands/purge.ts';
import { moveToServerCommand } from './commands/move-to-server.ts';
import { codeOf, nameOf, messageOf } from '../core/thrown.ts';
import { connectCommand, disconnectCommand } from './commands/connect.ts';

type Command = (args: string[], io: CliIO) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  init: { run: initCommand, summary: 'create a desk in a data folder and print its recovery key' },
  db: { run: dbCommand, summary: 'db check: integrity, encryption, key slots and audit chain of a desk' },
  audit: { run: auditCommand, summary: 'audit verify: check the audit log\'s hash chain, name the first broken row' },
  import: { run: importCommand, summary: 'import FILE.csv: create one case per row (all rows checked first, one transaction)' },
  export: { run: exportCommand, summary: 'export --format csv|json: every case to stdout (recorded in the audit log)' },
  calendar: { run: calendarCommand, summary: 'closed days of a year, day 0 and due dates (Japan time), import-holidays FILE' },
  backup: { run: backupCommand, summary: 'backup --out FOLDER: an encrypted backup of the desk (PrivacyDesk-…pdbackup)' },
  restore: { run: restoreCommand, summary: 'restore BACKUP --data-dir NEW: a backup into a folder without a desk' },
  mail: { run: mailCommand, summary: 'mail import FILE.eml…: mail files into the Inbox or onto their cases (--json: one line per file)' },
  'move-to-server': { run: moveToServerCommand, summary: 'move-to-server --data-dir DIR --database-url URL: a local desk onto a PostgreSQL server (verified)' },
  connect: { run: connectCommand, summary: 'connect --database-url URL --user NAME: point this PC at a shared desk (per staff member; --show, --remove-user)' },
  disconnect: { run: disconnectCommand, summary: 'disconnect: this PC no longer opens the shared desk (the desk itself is untouched)' },
  purge: { run: purgeCommand, summary: 'purge --dry-run|--yes: remove personal data of closed cases past retention' },
  report: { run: reportCommand, summary: 'report --from --to [--json|--csv|--pdf FILE]: the period\'s report (Japan dates)' },
};

export function registerCommand(name: string, summary: string, run: Command): void {
  commands[name] = { run, summary };
}

const help = () =>
  `Usage: npm run desk -- <command> [options]\n\nCommands:\n${Object.entries(commands)
    .map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`)
    .join('\n')}\n\nEvery command takes --help.`;

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    // No command prints the help and succeeds: asking what there is is not a mistake.
    io.stdout.write(help() + '\n');
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`Unknown command "${name}". Try --help.\n${help()}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    const code = codeOf(e);
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`${messageOf(e)}. Try --help.\n`);
      return 2;
    }
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      io.stderr.write(`The case database is damaged: a page of it cannot be read or does not verify (${code}). Restore the desk's folder from a backup; nothing was changed.\n`);
      return 1;
    }
    io.stderr.write(`Failed: ${nameOf(e)} (${code ?? 'no code'}).\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const io: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
