// Who did what, when: an append-only table (triggers refuse UPDATE and DELETE) whose rows are
// hash-chained, so an edit, a deletion or a reordering made behind the desk's back is detectable.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditRow, DB } from '../../../db/schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  /** Before/after for changes; never a password or key. */
  detail?: Record<string, unknown>;
}

type Row = Omit<AuditRow, 'seq' | 'hash'>;

export function auditHash(row: Row): string {
  return createHash('sha256')
    .update(JSON.stringify([row.prev_hash, row.at, row.actor, row.action, row.entity, row.entity_id, row.detail]))
    .digest('hex');
}

export async function appendAudit(db: Kysely<DB> | Transaction<DB>, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  const last = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row: Row = {
    at: now.toISOString(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db.insertInto('audit_log').values({ ...row, hash: auditHash(row) }).execute();
}

export type AuditVerdict = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/** Walks the chain in seq order; reports the first row whose content or link does not hold. */
export async function verifyAudit(db: Kysely<DB>): Promise<AuditVerdict> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    if (r.prev_hash !== prev) {
      return { ok: false, rows: rows.length, brokenAt: r.seq, reason: i === 0 ? 'the first row does not start the chain (rows before it were removed)' : 'it does not follow the row before it (a row was removed or moved)' };
    }
    if (auditHash(r) !== r.hash) {
      // eslint-disable-next-line no-restricted-syntax -- `desk audit verify` reports to IT staff at the command line, in English by design
      return { ok: false, rows: rows.length, brokenAt: r.seq, reason: 'its content was changed after it was written' };
    }
    prev = r.hash;
  }
  return { ok: true, rows: rows.length };
}
