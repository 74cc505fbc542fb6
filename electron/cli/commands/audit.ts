// `desk audit verify`: does the audit log still hold as written? Walks the signed hash chain (core/audit)
// and names the first row that does not: edited, removed, moved, forged, or cut off; with --anchor, also
// proves the chain extends a head kept outside the database (a backup's manifest, a printed hash line).
import { parseArgs } from 'node:util';
import { verifyAudit } from '../../core/audit/audit-log.ts';
import type { AuditAnchor } from '../../core/audit/verify-audit.ts';
import type { AuditVerdict } from '../../contract/index.ts';
import { CliError, usageError, type CliIO } from '../io.ts';
import { withUnlockedDesk } from '../desk-access.ts';
import { inEnglish } from '../../contract/index.ts';
import { readAnchorArg } from '../anchor-arg.ts';

export const AUDIT_HELP = `Usage: npm run desk -- audit verify --data-dir DIR --user NAME [--anchor BACKUP|SEQ:HASH]...

Checks the desk's audit log: every row is chained to the one before it by a hash and signed by the
person who acted (or the desk's own key for automatic rows), so a row edited, removed, inserted, moved
or forged after it was written is found. A cut-off end is found by SQLite's row counter, and, if that
was reset too, or an older copy put back, or the file replaced, against an anchor: a backup folder
(its manifest records the log's head) or the "SEQ:HASH" line printed on reports. Repeat --anchor for more.
Prints "OK (N rows)" and exits 0, or names the first broken row and why, and exits 1.
The password comes from PRIVACY_DESK_PASSWORD or is asked for in a terminal.`;

export async function auditCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, user: { type: 'string' }, anchor: { type: 'string', multiple: true }, help: { type: 'boolean' } } });
  if (values.help || sub === '--help') {
    io.stdout.write(AUDIT_HELP + '\n');
    return 0;
  }
  if (sub !== 'verify') throw usageError(AUDIT_HELP, `Unknown audit command "${sub ?? ''}".`);
  const anchors: AuditAnchor[] = (values.anchor ?? []).map((a) => {
    const anchor = readAnchorArg(a);
    if (!anchor) throw new CliError(`--anchor ${a}: neither a backup folder with a manifest recording the audit log's head, nor SEQ:HASH.`, 2);
    return anchor;
  });
  const verdict = await withUnlockedDesk(io, values, values.user, (desk) => verifyAudit(desk.store.db, anchors));
  io.stdout.write(verdictLine(verdict));
  return verdict.ok ? 0 : 1;
}

export function verdictLine(v: AuditVerdict): string {
  if (v.ok) return `OK (${v.rows} rows)\n`;
  return `BROKEN at row ${v.brokenAt}: ${inEnglish(v.problem)}. (${v.rows} rows checked.)\n`;
}
