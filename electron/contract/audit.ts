// What `audit verify`, `db check` and the Settings screen say about the audit log: a problem is a code
// with parameters (the row it was found at, and for anchors the anchor's row), worded by the renderer's
// catalogs and the CLI's English table, never a sentence stored or compared.
import { z } from 'zod';

export const auditProblemCodes = [
  'AUDIT_CHAIN_START', // the first row does not start the chain: rows before it were removed
  'AUDIT_CHAIN_LINK', // a row does not follow the one before it: a row was removed, inserted or moved
  'AUDIT_SEQ_GAP', // row numbers are not consecutive: rows were removed or renumbered
  'AUDIT_CONTENT_CHANGED', // a row's content no longer matches its hash
  'AUDIT_DETAIL_CHANGED', // a row's detail no longer matches the detail hash kept beside it
  'AUDIT_REDACTION_UNRECORDED', // a detail was blanked without a signed redaction row
  'AUDIT_BAD_SIGNATURE', // the signature does not verify with the signer's recorded key
  'AUDIT_UNKNOWN_SIGNER', // signed by someone whose key the log never introduced
  'AUDIT_WRONG_SIGNER', // signed by another key than the acting person's own
  'AUDIT_REVOKED_SIGNER', // signed by a person after their account was disabled
  'AUDIT_UNSIGNED_ROW', // an unsigned (pre-signing) row after signed rows
  'AUDIT_TAIL_REMOVED', // SQLite's counter shows rows were cut off the end (params.lastSeq .. params.counter)
  'AUDIT_ANCHOR_BEYOND_END', // the log ends before an anchor's row: its end was cut or an older copy restored
  'AUDIT_ANCHOR_MISMATCH', // the anchor's row differs: the log was rewritten or the file replaced
] as const;
export type AuditProblemCode = (typeof auditProblemCodes)[number];

export interface AuditProblem {
  code: AuditProblemCode;
  /** The row at which it was found. */
  seq: number;
  /** AUDIT_TAIL_REMOVED: the counter's last row number; AUDIT_ANCHOR_*: the anchor's row number. */
  expectedSeq?: number;
}

/** The chain's head, as kept outside the database (a backup's manifest, a printed report). */
export interface AuditHead {
  seq: number;
  hash: string;
  at: string;
}

export const auditHeadSchema = z.object({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/), at: z.string() });

export type AuditVerdict =
  | { ok: true; rows: number; head: AuditHead | null }
  | { ok: false; rows: number; brokenAt: number; problem: AuditProblem };

/**
 * One anchor kept outside the database and whether today's log still extends it (Settings → security):
 * a backup's manifest (`name` its folder), a printed report's hash line (`name` its period) or the daily
 * anchor email (`name` the address it went to).
 */
export interface AnchorCheck {
  source: 'backup' | 'report' | 'email';
  name: string;
  at: string;
  /** Printed as SEQ:HASH16, as on the report and for `desk audit verify --anchor`. */
  anchor: string;
  /** Null: the log extends it. Otherwise the first problem found (the chain itself, or this anchor). */
  problem: AuditProblem | null;
}

/** After a re-key: how many slots got the new key, and who must be reset (their slot predates sealing). */
export interface RekeyResult {
  slots: number;
  mustReset: string[];
}
