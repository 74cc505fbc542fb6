// `desk mail import FILE.eml…`: mail exported from a mail client (or saved by IT) into the desk, each file
// filed as if it had arrived in the desk's mailbox: the Inbox, onto its case, or set aside.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_EML_FILE_BYTES, type MailImportResult } from '../../contract/index.ts';
import { appendAudit } from '../../core/audit/audit-log.ts';
import { importEmls, importFailure } from '../../core/inbox/import-eml.ts';
import { usageError, type CliIO } from '../io.ts';
import { withUnlockedDesk } from '../desk-access.ts';

export const MAIL_HELP = `Usage: npm run desk -- mail import FILE.eml… --data-dir DIR --user NAME [--json]

Takes each .eml file into the desk as NAME, as if it had arrived in the desk's mailbox: a reply whose subject
names a case reference (【PD-2026-00042】) or that answers one of the desk's own mails goes onto that case;
a delivery report marks the notice it reports on as bounced; an automatic reply is set aside; anything
else waits in the Inbox. The same mail imported twice is stored once. Arrival is when the desk's server
received the mail (its topmost Received header), not the sender's Date.

With --json, one line per file:
  {"file", "status": "inbox"|"attached"|"duplicate"|"ignored"|"bounce"|"error", "reference"?, "subject",
   "from", "arrivedAt", "attachments": [names], "reason"?}

Exit status: 0 every file was read (mail that is malformed is still kept, marked "could not be read");
1 a file could not be read at all; 2 the command line is wrong.
The password comes from PRIVACY_DESK_PASSWORD or is asked for in a terminal.`;

/** The CLI's English for what became of each file. */
const STATUS_WORDS: Record<MailImportResult['status'], string> = {
  inbox: 'in the Inbox',
  attached: 'attached to',
  duplicate: 'already in the desk',
  ignored: 'set aside (automatic reply)',
  bounce: 'bounce recorded on',
  error: 'not imported',
};
const REASON_WORDS: Record<NonNullable<MailImportResult['reason']>, string> = {
  file_unreadable: 'the file cannot be read',
  file_empty: 'the file is empty',
  file_too_large: `the file is larger than ${MAX_EML_FILE_BYTES / 1024 / 1024} MB`,
};

function line(r: MailImportResult): string {
  const parts = [`${r.file}: ${STATUS_WORDS[r.status]}${r.reference ? ` ${r.reference}` : ''}`];
  if (r.reason) parts.push(REASON_WORDS[r.reason]);
  if (r.unreadable) parts.push('could not be read (kept as received)');
  if (r.oversize) parts.push('over the size limit: stored without its attachments');
  if (r.attachments.length) parts.push(`${r.attachments.length} attachment(s)`);
  return parts.join(' — ');
}

function json(r: MailImportResult): string {
  const out: Record<string, unknown> = { file: r.file, status: r.status };
  if (r.reference) out.reference = r.reference;
  Object.assign(out, { subject: r.subject, from: r.from, arrivedAt: r.arrivedAt, attachments: r.attachments });
  if (r.reason) out.reason = r.reason;
  if (r.unreadable) out.unreadable = true;
  if (r.oversize) out.oversize = true;
  return JSON.stringify(out);
}

export async function mailCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help') {
    io.stdout.write(MAIL_HELP + '\n');
    return sub ? 0 : 2;
  }
  if (sub !== 'import') throw usageError(MAIL_HELP, `Unknown mail command "${sub}".`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean' } },
  });
  if (values.help) {
    io.stdout.write(MAIL_HELP + '\n');
    return 0;
  }
  if (positionals.length === 0) throw usageError(MAIL_HELP, 'Name at least one .eml file.');
  return withUnlockedDesk(io, values, values.user, async (desk, _paths, user) => {
    let unreadable = 0;
    const statuses: string[] = [];
    // Read and stored 100 files at a time: an export of thousands of mails is never all in memory.
    for (let start = 0; start < positionals.length; start += 100) {
      const chunk = positionals.slice(start, start + 100);
      const read: Array<{ file: string; raw: Buffer } | MailImportResult> = chunk.map((path) => {
        const file = basename(path);
        try {
          if (statSync(path).size > MAX_EML_FILE_BYTES) return importFailure(file, 'file_too_large');
          return { file, raw: readFileSync(path) };
        } catch {
          return importFailure(file, 'file_unreadable');
        }
      });
      const readable = read.filter((r): r is { file: string; raw: Buffer } => 'raw' in r);
      const stored = await importEmls(desk.store.db, readable, new Date());
      let k = 0;
      for (const r of read) {
        const result = 'raw' in r ? stored[k++]! : r;
        if (result.status === 'error') unreadable++;
        statuses.push(result.status);
        io.stdout.write((values.json ? json(result) : line(result)) + '\n');
      }
    }
    await appendAudit(desk.store.db, { actor: user, action: 'inbox.import', entity: 'inbox', detail: { files: positionals.length, statuses, via: 'cli' } }, new Date());
    return unreadable > 0 ? 1 : 0;
  });
}
