// The anchors a supervisor can see on Settings → security: the audit head recorded in this desk's backups
// (their manifests live outside the database, in the backup folder), on the compliance packs printed
// (the report.pack rows say which head each printed) and in the daily anchor emails (audit.anchor_mail
// rows), newest first, each checked against today's log —
// the chain must verify, and the anchor's row must still be in it with the same hash.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { auditHeadSchema, type AnchorCheck } from '../../contract/index.ts';
import { parseBackupName } from '../backup/policy.ts';
import { checkAnchor, verifyAudit, type AuditAnchor } from './verify-audit.ts';
import { formatAnchor, parseAnchor } from './anchors.ts';
import { ANCHOR_MAIL_ACTION } from './anchor-mail.ts';
import { auditDetailOf } from './audit-detail.ts';
import { isJsonObject } from '../../../db/json.ts';

const LATEST = 5;

interface Found {
  source: AnchorCheck['source'];
  name: string;
  at: string;
  anchor: AuditAnchor;
}

/** This desk's backups in the folder that record a head, newest first (unreadable manifests are skipped). */
function backupAnchors(folder: string | null, deskId: string): Found[] {
  if (!folder || !existsSync(folder)) return [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: Array<Found & { key: string }> = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    try {
      const manifest: unknown = JSON.parse(readFileSync(join(folder, name, 'manifest.json'), 'utf8'));
      const head = auditHeadSchema.safeParse(isJsonObject(manifest) ? manifest.audit : undefined);
      if (!isJsonObject(manifest) || manifest.deskId !== deskId || !head.success) continue;
      found.push({ key: parsed.key, source: 'backup', name, at: head.data.at, anchor: { seq: head.data.seq, hash: head.data.hash } });
    } catch {
      // not a complete backup of ours
    }
  }
  return found.sort((a, b) => (a.key < b.key ? 1 : -1)).slice(0, LATEST);
}

async function reportAnchors(db: Kysely<DB>): Promise<Found[]> {
  const rows = await db.selectFrom('audit_log').select(['at', 'detail']).where('action', '=', 'report.pack').orderBy('seq', 'desc').limit(LATEST).execute();
  const found: Found[] = [];
  for (const r of rows) {
    let d: Record<string, unknown>;
    try {
      d = auditDetailOf(r.detail); // {} when redacted
    } catch {
      continue; // a damaged detail: not an anchor this view can show (audit verify reports the row)
    }
    // The printed "SEQ:HASH16" (recorded since issue 14); packs printed before recorded only the head's hash.
    let anchor = typeof d.auditAnchor === 'string' ? parseAnchor(d.auditAnchor) : null;
    if (!anchor && typeof d.auditHead === 'string' && /^[0-9a-f]{64}$/.test(d.auditHead)) {
      const row = await db.selectFrom('audit_log').select('seq').where('hash', '=', d.auditHead).executeTakeFirst();
      anchor = { seq: row?.seq ?? 0, hash: d.auditHead };
    }
    if (anchor) found.push({ source: 'report', name: `${String(d.from)}..${String(d.to)}`, at: r.at, anchor });
  }
  return found;
}

/** The anchors mailed to a supervisor's address (anchor-mail.ts), newest first. */
async function mailAnchors(db: Kysely<DB>): Promise<Found[]> {
  const rows = await db.selectFrom('audit_log').select(['at', 'detail']).where('action', '=', ANCHOR_MAIL_ACTION).orderBy('seq', 'desc').limit(LATEST).execute();
  const found: Found[] = [];
  for (const r of rows) {
    try {
      const d = auditDetailOf(r.detail);
      const head = auditHeadSchema.safeParse({ seq: d.seq, hash: d.hash, at: r.at });
      if (head.success) found.push({ source: 'email', name: typeof d.to === 'string' ? d.to : '', at: r.at, anchor: { seq: head.data.seq, hash: head.data.hash } });
    } catch {
      // a damaged detail: not an anchor this view can show (audit verify reports the row)
    }
  }
  return found;
}

export async function anchorChecks(db: Kysely<DB>, options: { backupFolder: string | null; deskId: string }): Promise<AnchorCheck[]> {
  const found = [...backupAnchors(options.backupFolder, options.deskId), ...(await reportAnchors(db)), ...(await mailAnchors(db))];
  const verdict = await verifyAudit(db);
  const rows = verdict.ok ? await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq').execute() : [];
  return found.map((f) => ({
    source: f.source,
    name: f.name,
    at: f.at,
    anchor: formatAnchor(f.anchor),
    problem: verdict.ok ? checkAnchor(rows, f.anchor) : verdict.problem,
  }));
}
