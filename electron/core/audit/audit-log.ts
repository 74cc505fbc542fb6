// Who did what, when: an append-only table (triggers refuse DELETE, and UPDATE except a redaction) whose
// rows are hash-chained and signed. Each row's hash covers its number, the previous row's hash, its
// fields, the SHA-256 of its detail (kept beside it, not the detail itself) and its signer; the signer
// (the acting person, or the desk's system key for automatic rows) signs that hash with Ed25519. So an
// edit, a deletion, an insertion or a reordering is detectable, and forging a row as someone else needs
// their password. A retention purge may blank an old detail (redactAuditDetails) without breaking either.
// Verification lives in verify-audit.ts.
import { openColumn, sealColumn } from '../../../db/secret-columns.ts';
import { advanceAuditCounter, lockForTransaction } from '../../../db/dialect.ts';
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditRow, DB } from '../../../db/schema.ts';
import { loadedSigner, newSigningKeyPair, signHash, SYSTEM_SIGNER } from './signing-keys.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  /** Before/after for changes; never a password or key. */
  detail?: Record<string, unknown>;
  /** A signing key this row introduces (an account's new key), SPKI DER base64. */
  publicKey?: string;
  /** Sign with the desk's system key even though a person acted (key enrolment and recovery only). */
  signAsSystem?: boolean;
}

type Db = Kysely<DB> | Transaction<DB>;

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Rows written before migration 0014 (detail_hash NULL): the first chain formula, over the detail itself. */
export function legacyAuditHash(row: Pick<AuditRow, 'prev_hash' | 'at' | 'actor' | 'action' | 'entity' | 'entity_id' | 'detail'>): string {
  return createHash('sha256')
    .update(JSON.stringify([row.prev_hash, row.at, row.actor, row.action, row.entity, row.entity_id, row.detail]))
    .digest('hex');
}

export type SignedFields = Pick<AuditRow, 'seq' | 'prev_hash' | 'at' | 'actor' | 'action' | 'entity' | 'entity_id' | 'signer' | 'public_key'> & { detail_hash: string };

/** The signed chain formula (format 2): everything but the detail itself, which is covered by its hash. */
export function auditHash(row: SignedFields): string {
  return sha256Hex(
    JSON.stringify(['privacy-desk/audit/2', row.seq, row.prev_hash, row.at, row.actor, row.action, row.entity, row.entity_id, row.detail_hash, row.signer, row.public_key]),
  );
}

export async function appendAudit(db: Db, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  // Reading the head and writing the next row must not interleave with another writer on this connection.
  if (db.isTransaction) return append(db, entry, now);
  return db.transaction().execute((trx) => append(trx, entry, now));
}

async function append(trx: Db, entry: AuditEntry, now: Date): Promise<void> {
  // A shared desk's PCs append one after another (a transaction-level advisory lock): one linear chain.
  await lockForTransaction(trx, 'audit');
  const system = await systemKey(trx, now);
  const own = entry.actor !== null && !entry.signAsSystem ? await loadedSigner(trx, entry.actor) : null;
  await insertSigned(trx, { ...entry, at: now.toISOString() }, own ? entry.actor! : SYSTEM_SIGNER, own ?? system);
}

async function insertSigned(trx: Db, e: AuditEntry & { at: string }, signer: string, privateKey: Buffer): Promise<void> {
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const detail = JSON.stringify(e.detail ?? {});
  const fields: SignedFields = {
    seq: (last?.seq ?? 0) + 1,
    prev_hash: last?.hash ?? GENESIS_HASH,
    at: e.at,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId ?? null,
    detail_hash: sha256Hex(detail),
    signer,
    public_key: e.publicKey ?? null,
  };
  const hash = auditHash(fields);
  await trx
    .insertInto('audit_log')
    .values({ ...fields, detail, hash, signature: signHash(privateKey, hash) })
    .execute();
  // The row counter verification compares with the last row (SQLite keeps it by itself).
  await advanceAuditCounter(trx, fields.seq);
}

/**
 * The desk's system signing key; made at the first row written after migration 0014, introduced by a
 * row it signs itself (the log's root of trust, which anchors outside the database protect).
 */
async function systemKey(trx: Db, now: Date): Promise<Buffer> {
  const row = await trx.selectFrom('audit_keys').select('private_key').where('principal', '=', SYSTEM_SIGNER).executeTakeFirst();
  if (row) return Buffer.from(openColumn(trx, 'audit_keys.private_key', row.private_key), 'base64');
  const pair = newSigningKeyPair();
  await trx.insertInto('audit_keys').values({ principal: SYSTEM_SIGNER, public_key: pair.publicKey, private_key: sealColumn(trx, 'audit_keys.private_key', pair.privateKey.toString('base64')), created_at: now.toISOString() }).execute();
  await insertSigned(trx, { actor: null, action: 'audit.system-key', entity: 'desk', at: now.toISOString(), publicKey: pair.publicKey, detail: { reason: 'first' } }, SYSTEM_SIGNER, pair.privateKey);
  return pair.privateKey;
}

/** Replaces the system key (a re-key): the new key is introduced by a row the old one signs. */
export async function rotateSystemKey(trx: Transaction<DB>, actor: string | null, now: Date): Promise<void> {
  const old = await systemKey(trx, now);
  const pair = newSigningKeyPair();
  await insertSigned(trx, { actor: null, action: 'audit.system-key', entity: 'desk', at: now.toISOString(), publicKey: pair.publicKey, detail: { reason: 'rotated', by: actor } }, SYSTEM_SIGNER, old);
  await trx.updateTable('audit_keys').set({ public_key: pair.publicKey, private_key: sealColumn(trx, 'audit_keys.private_key', pair.privateKey.toString('base64')), created_at: now.toISOString() }).where('principal', '=', SYSTEM_SIGNER).execute();
  old.fill(0);
  pair.privateKey.fill(0);
}

/**
 * Retention: blanks the detail of the given rows (detail becomes '', its hash stays, so the chain and
 * signatures still verify) and appends one signed `audit.redact` row listing them, which is what makes
 * the blank legitimate to verification. Rows from before migration 0014 (no detail hash) are left as
 * they are; returns the row numbers actually redacted.
 */
export async function redactAuditDetails(trx: Transaction<DB>, seqs: number[], entry: { actor: string | null; reason: string }, now: Date = new Date()): Promise<number[]> {
  const wanted = [...new Set(seqs)].sort((a, b) => a - b);
  const done: number[] = [];
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const rows = await trx.selectFrom('audit_log').select('seq').where('seq', 'in', chunk).where('detail_hash', 'is not', null).where('detail', '!=', '').execute();
    if (rows.length === 0) continue;
    const these = rows.map((r) => r.seq);
    await trx.updateTable('audit_log').set({ detail: '' }).where('seq', 'in', these).execute();
    done.push(...these);
  }
  if (done.length > 0) await appendAudit(trx, { actor: entry.actor, action: 'audit.redact', entity: 'audit_log', detail: { seqs: done, reason: entry.reason } }, now);
  return done;
}

export async function auditHead(db: Db): Promise<{ seq: number; hash: string; at: string } | null> {
  return (await db.selectFrom('audit_log').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirst()) ?? null;
}

export { verifyAudit } from './verify-audit.ts';
export type { AuditVerdict } from '../../contract/index.ts';
