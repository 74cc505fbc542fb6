// What an attacker holding the data key (any staff member's slot, or an old copy of one) can do to the
// audit log with plain SQL and the published chain formula: edit, delete, insert, reorder, renumber,
// and recompute every hash, re-signing each row whose signer's private key they hold (their own, and the
// desk's system key, which lives inside the database). Used by the tampering tests only.
import type { RawDatabase } from '../../db/open.ts';
import type { AuditRow } from '../../db/schema.ts';
import { auditHash, GENESIS_HASH, sha256Hex } from '../../electron/core/audit/audit-log.ts';
import { signHash } from '../../electron/core/audit/signing-keys.ts';

export function auditRows(raw: RawDatabase): AuditRow[] {
  return raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
}

export function dropGuards(raw: RawDatabase): void {
  raw.exec(`DROP TRIGGER IF EXISTS audit_log_redact_only; DROP TRIGGER IF EXISTS audit_log_no_delete;`);
}

export function systemPrivateKey(raw: RawDatabase): Buffer {
  const r = raw.prepare(`SELECT private_key FROM audit_keys WHERE principal = '@system'`).get() as { private_key: string };
  return Buffer.from(r.private_key, 'base64');
}

/**
 * Writes `rows` as the whole log, numbered 1.. in order, every link and hash recomputed; a changed row whose
 * signer's key is in `keys` is signed afresh, any other keeps the signature it had. Resets SQLite's counter.
 */
export function rewriteLog(raw: RawDatabase, rows: AuditRow[], keys: Map<string, Buffer>): void {
  dropGuards(raw);
  raw.transaction(() => {
    raw.exec('DELETE FROM audit_log');
    let prev = GENESIS_HASH;
    const insert = raw.prepare(
      'INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash, detail_hash, signer, signature, public_key) VALUES (@seq, @at, @actor, @action, @entity, @entity_id, @detail, @prev_hash, @hash, @detail_hash, @signer, @signature, @public_key)',
    );
    rows.forEach((r, i) => {
      const detail_hash = sha256Hex(r.detail);
      const row = { ...r, seq: i + 1, prev_hash: prev, detail_hash };
      const hash = auditHash(row);
      // Only rows whose hash changed need a new signature; those before the change keep theirs.
      const key = hash !== r.hash && r.signer ? keys.get(r.signer) : undefined;
      insert.run({ ...row, hash, signature: key ? signHash(key, hash) : r.signature });
      prev = hash;
    });
    raw.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'`).run(rows.length);
  })();
}

/** Appends one row at the end, chained properly and signed with `key` under the name `signer`. */
export function appendForged(raw: RawDatabase, row: Pick<AuditRow, 'actor' | 'action' | 'entity' | 'entity_id' | 'detail'>, signer: string, key: Buffer): void {
  const last = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  const fields = { ...row, seq: last.seq + 1, prev_hash: last.hash, at: new Date().toISOString(), detail_hash: sha256Hex(row.detail), signer, public_key: null };
  const hash = auditHash(fields);
  raw.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash, detail_hash, signer, signature, public_key) VALUES (@seq, @at, @actor, @action, @entity, @entity_id, @detail, @prev_hash, @hash, @detail_hash, @signer, @signature, @public_key)',
  ).run({ ...fields, hash, signature: signHash(key, hash) });
}
