// Verifying the audit log: walks every row in order and reports the first that does not hold, as a code
// (contract/audit.ts). Checked, per row: consecutive numbers, the link to the previous row, the row's
// hash, its detail against the detail hash (or a redaction recorded by a later signed row), and its
// signature against the signer's key as the log itself introduced it (an account's key on its creation,
// reset, recovery or first enrolment; the system key on its first row and each rotation), refusing a
// person's rows signed by another key and a disabled person's rows. After the walk: SQLite's sequence
// counter against the last row (a cut-off end), and each anchor kept outside the database (a backup's
// manifest, a printed hash line) must be a row of this chain.
import { auditCounter } from '../../../db/dialect.ts';
import type { Kysely } from 'kysely';
import type { KeyObject } from 'node:crypto';
import type { DB, AuditRow } from '../../../db/schema.ts';
import type { AuditProblem, AuditVerdict } from '../../contract/index.ts';
import { auditHash, GENESIS_HASH, legacyAuditHash, sha256Hex } from './audit-log.ts';
import { publicKeyObject, signatureHolds, SYSTEM_SIGNER } from './signing-keys.ts';
import { auditDetailOf } from './audit-detail.ts';
import { isJsonObject } from '../../../db/json.ts';

/** An anchor: a row number and its hash (or the hash's first 16+ hex digits, as printed on reports). */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** Actions whose row may introduce a person's signing key (public_key set, entity 'account'). */
const KEY_ACTIONS = new Set(['account.create', 'account.reset', 'account.recover', 'account.enrol', 'account.password-change']);

export async function verifyAudit(db: Kysely<DB>, anchors: AuditAnchor[] = []): Promise<AuditVerdict> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const walked = walk(rows);
  const n = rows.length;
  if (walked) return { ok: false, rows: n, brokenAt: walked.seq, problem: walked };
  const last = rows.at(-1);
  const lastSeq = last?.seq ?? 0;
  const counter = await auditCounter(db);
  if (counter > lastSeq) return { ok: false, rows: n, brokenAt: lastSeq + 1, problem: { code: 'AUDIT_TAIL_REMOVED', seq: lastSeq + 1, expectedSeq: counter } };
  for (const a of anchors) {
    const problem = checkAnchor(rows, a);
    if (problem) return { ok: false, rows: n, brokenAt: problem.seq, problem };
  }
  return { ok: true, rows: n, head: last ? { seq: last.seq, hash: last.hash, at: last.at } : null };
}

export function checkAnchor(rows: Pick<AuditRow, 'seq' | 'hash'>[], a: AuditAnchor): AuditProblem | null {
  const lastSeq = rows.at(-1)?.seq ?? 0;
  if (a.seq > lastSeq) return { code: 'AUDIT_ANCHOR_BEYOND_END', seq: lastSeq, expectedSeq: a.seq };
  const row = rows[a.seq - 1];
  const hash = a.hash.toLowerCase();
  if (!row || row.seq !== a.seq || hash.length < 16 || !row.hash.startsWith(hash)) return { code: 'AUDIT_ANCHOR_MISMATCH', seq: a.seq, expectedSeq: a.seq };
  return null;
}

function walk(rows: AuditRow[]): AuditProblem | null {
  let prev = GENESIS_HASH;
  let system: KeyObject | null = null;
  const keys = new Map<string, KeyObject>();
  const revoked = new Set<string>();
  const supervisors = new Set<string>(); // from each account's creation row: only they may give others a key
  const redacted: number[] = [];
  const redactionRecorded = new Map<number, number>(); // redacted seq → seq of the row recording it
  let signedSeen = false;

  for (const [i, r] of rows.entries()) {
    const at = (code: AuditProblem['code']): AuditProblem => ({ code, seq: r.seq });
    if (r.seq !== i + 1) return at(i === 0 ? 'AUDIT_CHAIN_START' : 'AUDIT_SEQ_GAP');
    if (r.prev_hash !== prev) return at(i === 0 ? 'AUDIT_CHAIN_START' : 'AUDIT_CHAIN_LINK');

    if (r.detail_hash === null) {
      // A row from before signing: only ever a prefix of the log.
      if (signedSeen) return at('AUDIT_UNSIGNED_ROW');
      if (legacyAuditHash(r) !== r.hash) return at('AUDIT_CONTENT_CHANGED');
      prev = r.hash;
      continue;
    }
    signedSeen = true;
    if (auditHash({ ...r, detail_hash: r.detail_hash }) !== r.hash) return at('AUDIT_CONTENT_CHANGED');
    if (r.detail === '') redacted.push(r.seq);
    else if (sha256Hex(r.detail) !== r.detail_hash) return at('AUDIT_DETAIL_CHANGED');

    // Whose key must have signed this row?
    let key: KeyObject | null | undefined;
    if (r.signer === SYSTEM_SIGNER) {
      const introducesSystem = r.action === 'audit.system-key' && r.public_key !== null;
      key = system ?? (introducesSystem ? publicKeyObject(r.public_key!) : null);
      if (!key) return at('AUDIT_UNKNOWN_SIGNER');
      // The desk key may act for a person only to enrol a key they do not have yet, or on recovery.
      if (r.actor !== null) {
        const enrolment = r.entity === 'account' && r.public_key !== null && r.entity_id === r.actor && KEY_ACTIONS.has(r.action);
        const allowed = enrolment && (r.action === 'account.recover' || !keys.has(r.actor));
        if (keys.has(r.actor) && !allowed) return at('AUDIT_WRONG_SIGNER');
      }
    } else {
      if (r.signer === null || r.signer !== r.actor) return at('AUDIT_WRONG_SIGNER');
      if (revoked.has(r.signer)) return at('AUDIT_REVOKED_SIGNER');
      key = keys.get(r.signer);
      if (!key) return at('AUDIT_UNKNOWN_SIGNER');
    }
    if (!signatureHolds(key, r.hash, r.signature)) return at('AUDIT_BAD_SIGNATURE');

    // What this row changes about who holds which key.
    if (r.action === 'audit.system-key' && r.public_key !== null) system = publicKeyObject(r.public_key);
    if (r.entity === 'account' && r.entity_id !== null) {
      if (r.public_key !== null && KEY_ACTIONS.has(r.action)) {
        // A system-signed key for someone else: only the first supervisor's, at set-up.
        if (r.signer === SYSTEM_SIGNER && r.actor === null && keys.size > 0) return at('AUDIT_WRONG_SIGNER');
        // A person gives a key to someone else only as a supervisor (creating or resetting an account).
        if (r.signer !== SYSTEM_SIGNER && r.signer !== r.entity_id && !supervisors.has(r.signer!)) return at('AUDIT_WRONG_SIGNER');
        if (r.action === 'account.create' && roleOf(r.detail) === 'supervisor') supervisors.add(r.entity_id);
        keys.set(r.entity_id, publicKeyObject(r.public_key));
        revoked.delete(r.entity_id);
      }
      if (r.action === 'account.disable') revoked.add(r.entity_id);
    }
    if (r.action === 'audit.redact' && r.detail !== '') {
      const listed = auditDetailOf(r.detail).seqs;
      if (Array.isArray(listed)) for (const s of listed) if (typeof s === 'number' && s < r.seq) redactionRecorded.set(s, r.seq);
    }
    prev = r.hash;
  }
  const unrecorded = redacted.find((s) => !redactionRecorded.has(s));
  if (unrecorded !== undefined) return { code: 'AUDIT_REDACTION_UNRECORDED', seq: unrecorded };
  return null;
}

function roleOf(detail: string): string | null {
  try {
    const after = auditDetailOf(detail).after;
    return isJsonObject(after) && typeof after.role === 'string' ? after.role : null;
  } catch {
    return null;
  }
}
