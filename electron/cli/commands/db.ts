// `desk db check`: is this PC's desk whole? SQLite's integrity check over every page (each page's
// Poly1305 tag is verified as it is read), the cipher check (the file on disk is not plaintext and
// uses the expected cipher), the key-slot file against the accounts, and the audit log exactly as
// `audit verify` checks it (chain, signatures, the row counter, and any --anchor).
import { sqliteStore } from '../../../db/open.ts';
import { parseArgs } from 'node:util';
import { closeSync, openSync, readSync, existsSync } from 'node:fs';
import { sql } from 'kysely';
import { readKeySlots, recoverySlot, type KeySlotFile } from '../../core/keys/key-slots.ts';
import { readSlots } from '../../core/keys/slot-store.ts';
import type { UnlockedDesk } from '../../core/vault/vault.ts';
import type { DeskPaths } from '../../core/storage/data-dir.ts';
import { appliedMigrations } from '../../../db/migrate.ts';
import { postgresMigrations } from '../../../db/migrations-postgres/index.ts';
import { isLoopback } from '../../../db/postgres.ts';
import { verifyAudit } from '../../core/audit/audit-log.ts';
import { inEnglish } from '../../contract/index.ts';
import { CliError, usageError, type CliIO } from '../io.ts';
import { readAnchorArg } from '../anchor-arg.ts';
import type { AuditAnchor } from '../../core/audit/verify-audit.ts';
import { withUnlockedDesk } from '../desk-access.ts';

export const DB_HELP = `Usage: npm run desk -- db check (--data-dir DIR | --database-url URL) --user NAME [--anchor BACKUP|SEQ:HASH]...

Checks the desk in DIR: SQLite integrity, encryption on disk, key slots, and the audit log exactly as
"audit verify" does (signed chain, cut-off end, anchors).
A shared desk (--database-url postgres://USER@HOST:PORT/DB, password from PRIVACY_DESK_DATABASE_PASSWORD):
its schema version, pg_trgm, TLS in use (or a loopback server), key slots and the audit log.
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
  const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, user: { type: 'string' }, anchor: { type: 'string', multiple: true }, help: { type: 'boolean' } } });
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
  const problems = await withUnlockedDesk(io, values, values.user, async (desk, paths) => {
    if (desk.store.kind === 'postgres') return checkSharedDesk(io, desk, paths, anchors);
    const found: string[] = [];
    const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(desk.store.db);
    const lines = integrity.rows.map((r) => Object.values(r)[0] as string);
    if (!(lines.length === 1 && lines[0] === 'ok')) found.push(`integrity: ${lines.slice(0, 5).join('; ')}`);
    const cipher = sqliteStore(desk.store).raw.pragma('cipher', { simple: true });
    if (cipher !== 'chacha20') found.push(`cipher: the database uses "${String(cipher)}", expected chacha20`);
    if (startsPlain(paths.database)) found.push('cipher: the database file on disk is NOT encrypted');
    const slots = readKeySlots(paths.keySlots);
    found.push(...(await slotProblems(desk, slots)));
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

async function slotProblems(desk: UnlockedDesk, slots: KeySlotFile): Promise<string[]> {
  const found: string[] = [];
  if (!recoverySlot(slots)) found.push('key slots: there is no recovery slot');
  const accounts = await desk.store.db.selectFrom('accounts').select(['username', 'slot_id', 'disabled']).execute();
  for (const a of accounts) {
    if (!a.disabled && !slots.slots.some((s) => s.id === a.slot_id)) found.push(`key slots: the account ${a.username} has no key slot (reset it)`);
  }
  return found;
}

/** A shared desk: what the server can tell (the pages' integrity is the server's own business). */
async function checkSharedDesk(io: CliIO, desk: UnlockedDesk, paths: DeskPaths, anchors: AuditAnchor[]): Promise<string[]> {
  const found: string[] = [];
  const db = desk.store.db;
  const applied = await appliedMigrations(db);
  const known = Object.keys(postgresMigrations);
  const missing = known.filter((m) => !applied.includes(m));
  const unknown = applied.filter((m) => !known.includes(m));
  if (missing.length || unknown.length) found.push(`schema: ${missing.length ? `missing ${missing.join(', ')}` : ''}${unknown.length ? ` unknown ${unknown.join(', ')}` : ''}`.trim());
  const trgm = await sql<{ v: string }>`SELECT extversion AS v FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
  if (!trgm.rows[0]) found.push('search: the pg_trgm extension is not installed in this database');
  const ssl = await sql<{ ssl: boolean | null }>`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`.execute(db);
  const tls = ssl.rows[0]?.ssl === true;
  const host = paths.server!.target.host;
  if (!tls && !isLoopback(host)) found.push(`connection: ${host} is reached without TLS`);
  const slots = await readSlots(paths, db);
  found.push(...(await slotProblems(desk, slots)));
  const audit = await verifyAudit(db, anchors);
  if (!audit.ok) found.push(`audit: row ${audit.brokenAt} is broken: ${inEnglish(audit.problem)}`);
  const failed = (prefix: string) => found.some((p) => p.startsWith(prefix));
  io.stdout.write(
    `schema: ${failed('schema') ? 'FAILED' : `ok (version ${applied.length}: ${applied.join(', ')})`}\n` +
      `search: ${failed('search') ? 'FAILED' : `ok (pg_trgm ${trgm.rows[0]!.v})`}\n` +
      `connection: ${failed('connection') ? 'FAILED' : tls ? 'ok (TLS)' : 'ok (loopback, no TLS)'}\n` +
      `key slots: ${failed('key slots') ? 'FAILED' : `ok (${slots.slots.length})`}\n` +
      `audit chain: ${audit.ok ? `ok (${audit.rows} rows)` : 'FAILED'}\n`,
  );
  return found;
}
