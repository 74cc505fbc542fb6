// `desk db check`: is this PC's desk whole? SQLite's integrity check over every page (each page's
// Poly1305 tag is verified as it is read), the cipher check (the file on disk is not plaintext and
// uses the expected cipher), the key-slot file against the accounts, and the audit log exactly as
// `audit verify` checks it (chain, signatures, the row counter, and any --anchor).
import { sqliteStore } from '../../../db/open.ts';
import { parseArgs } from 'node:util';
import { closeSync, openSync, readSync, existsSync } from 'node:fs';
import { sql } from 'kysely';
import { readKeySlots, recoverySlot } from '../../core/keys/key-slots.ts';
import { verifyAudit } from '../../core/audit/audit-log.ts';
import { inEnglish } from '../../contract/index.ts';
import { CliError, usageError, type CliIO } from '../io.ts';
import { readAnchorArg } from '../anchor-arg.ts';
import type { AuditAnchor } from '../../core/audit/verify-audit.ts';
import { withUnlockedDesk } from '../desk-access.ts';

export const DB_HELP = `Usage: npm run desk -- db check --data-dir DIR --user NAME [--anchor BACKUP|SEQ:HASH]...

Checks the desk in DIR: SQLite integrity, encryption on disk, key slots, and the audit log exactly as
"audit verify" does (signed chain, cut-off end, anchors).
Prints OK or what is wrong; exits 0 only when everything holds.
The password comes from PRIVACY_DESK_PASSWORD or is asked for in a terminal.`;

const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function startsPlain(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.equals(PLAINTEXT_HEADER);
  } finally {
    closeSync(fd);
  }
}

export async function dbCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' }, user: { type: 'string' }, anchor: { type: 'string', multiple: true }, help: { type: 'boolean' } } });
  if (values.help || sub === '--help') {
    io.stdout.write(DB_HELP + '\n');
    return 0;
  }
  if (sub !== 'check') throw usageError(DB_HELP, `Unknown db command "${sub ?? ''}".`);
  const anchors: AuditAnchor[] = (values.anchor ?? []).map((a) => {
    const anchor = readAnchorArg(a);
    if (!anchor) throw new CliError(`--anchor ${a}: neither a backup folder with a manifest recording the audit log's head, nor SEQ:HASH.`, 2);
    return anchor;
  });
  const problems = await withUnlockedDesk(io, values['data-dir'], values.user, async (desk, paths) => {
    const found: string[] = [];
    const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(desk.store.db);
    const lines = integrity.rows.map((r) => Object.values(r)[0] as string);
    if (!(lines.length === 1 && lines[0] === 'ok')) found.push(`integrity: ${lines.slice(0, 5).join('; ')}`);
    const cipher = sqliteStore(desk.store).raw.pragma('cipher', { simple: true });
    if (cipher !== 'chacha20') found.push(`cipher: the database uses "${String(cipher)}", expected chacha20`);
    if (startsPlain(paths.database)) found.push('cipher: the database file on disk is NOT encrypted');
    const slots = readKeySlots(paths.keySlots);
    if (!recoverySlot(slots)) found.push('key slots: there is no recovery slot');
    const accounts = await desk.store.db.selectFrom('accounts').select(['username', 'slot_id', 'disabled']).execute();
    for (const a of accounts) {
      if (!a.disabled && !slots.slots.some((s) => s.id === a.slot_id)) found.push(`key slots: the account ${a.username} has no key slot (reset it)`);
    }
    const audit = await verifyAudit(desk.store.db, anchors);
    if (!audit.ok) found.push(`audit: row ${audit.brokenAt} is broken: ${inEnglish(audit.problem)}`);
    io.stdout.write(
      `integrity: ${lines[0] === 'ok' && lines.length === 1 ? 'ok' : 'FAILED'}\n` +
        `cipher: ${found.some((p) => p.startsWith('cipher')) ? 'FAILED' : 'ok (chacha20, encrypted on disk)'}\n` +
        `key slots: ${found.some((p) => p.startsWith('key slots')) ? 'FAILED' : `ok (${slots.slots.length})`}\n` +
        `audit chain: ${audit.ok ? `ok (${audit.rows} rows)` : 'FAILED'}\n`,
    );
    return found;
  });
  if (problems.length === 0) {
    io.stdout.write('OK\n');
    return 0;
  }
  for (const p of problems) io.stdout.write(`PROBLEM ${p}\n`);
  return 1;
}
