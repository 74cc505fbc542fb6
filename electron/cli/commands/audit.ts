// `desk audit verify`: does the audit log still hold as written? Walks the hash chain (core/audit) and
// names the first row that does not: edited, removed, or moved.
import { parseArgs } from 'node:util';
import { verifyAudit } from '../../core/audit/audit-log.ts';
import { usageError, type CliIO } from '../io.ts';
import { withUnlockedDesk } from '../desk-access.ts';

export const AUDIT_HELP = `Usage: npm run desk -- audit verify --data-dir DIR --user NAME

Checks the desk's audit log: every row is chained to the one before it by a hash, so a row edited,
removed or moved after it was written breaks the chain from there on.
Prints "OK (N rows)" and exits 0, or names the first broken row and why, and exits 1.
The password comes from PRIVACY_DESK_PASSWORD or is asked for in a terminal.`;

export async function auditCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || sub === '--help') {
    io.stdout.write(AUDIT_HELP + '\n');
    return 0;
  }
  if (sub !== 'verify') throw usageError(AUDIT_HELP, `Unknown audit command "${sub ?? ''}".`);
  const verdict = await withUnlockedDesk(io, values['data-dir'], values.user, async (desk) => {
    const v = await verifyAudit(desk.store.db);
    if (!v.ok) return v;
    // The chain cannot show rows cut off its end; SQLite's AUTOINCREMENT counter remembers the last seq
    // handed out (a careful attacker resets it too, but a plain DELETE is caught).
    const counter = desk.store.raw.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).get() as { seq: number } | undefined;
    const last = desk.store.raw.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number | null };
    if (counter && counter.seq > (last.seq ?? 0)) {
      return { ok: false as const, rows: v.rows, brokenAt: (last.seq ?? 0) + 1, reason: `rows ${(last.seq ?? 0) + 1} to ${counter.seq} at the end of the log were removed` };
    }
    return v;
  });
  if (verdict.ok) {
    io.stdout.write(`OK (${verdict.rows} rows)\n`);
    return 0;
  }
  io.stdout.write(`BROKEN at row ${verdict.brokenAt}: ${verdict.reason}. (${verdict.rows} rows checked.)\n`);
  return 1;
}
