// Migration 0014_signed_audit: rows written before it keep verifying under the old formula; rows after
// it are signed and carry a detail hash; the only UPDATE the log accepts is a redaction (detail → ''),
// which verifies only when a signed audit.redact row records it; audit_keys holds the system key.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { openDatabase } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { appendAudit, GENESIS_HASH, legacyAuditHash, redactAuditDetails, sha256Hex } from '../../../electron/core/audit/audit-log.ts';
import { verifyAudit } from '../../../electron/core/audit/verify-audit.ts';
import { tempDir } from '../../support/desk.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function freshDb() {
  const dir = tempDir();
  dirs.push(dir);
  return openDatabase(join(dir.path, 'desk.db'), randomBytes(32), { create: true });
}

describe('migration 0014_signed_audit', () => {
  it('keeps old rows verifying, signs new ones, allows only a recorded redaction, and down() undoes it', async () => {
    const store = freshDb();
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0005_mail')).error).toBeUndefined();
    // Two rows the way the desk wrote them before signing.
    let prev = GENESIS_HASH;
    for (const action of ['desk.create', 'auth.login']) {
      const row = { at: '2026-11-24T01:00:00.000Z', actor: 'sato', action, entity: 'desk', entity_id: null, detail: '{"member":"山田"}', prev_hash: prev };
      prev = legacyAuditHash(row);
      await sql`INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (${row.at}, ${row.actor}, ${row.action}, ${row.entity}, ${row.entity_id}, ${row.detail}, ${row.prev_hash}, ${prev})`.execute(store.db);
    }
    expect((await migrator.migrateTo('0014_signed_audit')).error).toBeUndefined();
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, rows: 2 });

    await appendAudit(store.db, { actor: null, action: 'outbox.sent', entity: 'outbox', entityId: '1', detail: { reference: 'PD-2026-00001', to: 'yamada@example.jp' } });
    const rows = await store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    // The first signed row introduces the desk's system key; then the row itself.
    expect(rows.map((r) => [r.seq, r.action, r.signer, r.public_key !== null])).toEqual([
      [1, 'desk.create', null, false],
      [2, 'auth.login', null, false],
      [3, 'audit.system-key', '@system', true],
      [4, 'outbox.sent', '@system', false],
    ]);
    expect(rows[3]!.detail_hash).toBe(sha256Hex(rows[3]!.detail));
    expect(await store.db.selectFrom('audit_keys').select('principal').execute()).toEqual([{ principal: '@system' }]);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, rows: 4 });

    // Nothing but a redaction gets past the trigger; old rows (no detail hash) cannot be redacted.
    await expect(sql`UPDATE audit_log SET detail = '{}' WHERE seq = 4`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET detail = '', actor = 'x' WHERE seq = 4`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET detail = '' WHERE seq = 1`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 4`.execute(store.db)).rejects.toThrow(/append-only/);

    // A blank detail without a recorded redaction is tampering …
    await sql`UPDATE audit_log SET detail = '' WHERE seq = 4`.execute(store.db);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: false, problem: { code: 'AUDIT_REDACTION_UNRECORDED', seq: 4 } });
    // … and the purge's way (blank + a signed audit.redact row) verifies, chain and signatures intact.
    const done = await store.db.transaction().execute((trx) => redactAuditDetails(trx, [1, 4], { actor: null, reason: 'retention' }));
    expect(done).toEqual([]); // 1 is an old row, 4 was already blank
    const redacted = freshDb();
    const m2 = new Migrator({ db: redacted.db, provider: { getMigrations: async () => migrations } });
    expect((await m2.migrateToLatest()).error).toBeUndefined();
    for (let i = 0; i < 3; i++) await appendAudit(redacted.db, { actor: null, action: 'case.view', entity: 'case', entityId: String(i), detail: { member: '山田 太郎' } });
    expect(await redacted.db.transaction().execute((trx) => redactAuditDetails(trx, [2, 3], { actor: null, reason: 'retention' }))).toEqual([2, 3]);
    const after = await redacted.db.selectFrom('audit_log').select(['seq', 'action', 'detail']).orderBy('seq').execute();
    expect(after).toEqual([
      { seq: 1, action: 'audit.system-key', detail: '{"reason":"first"}' },
      { seq: 2, action: 'case.view', detail: '' },
      { seq: 3, action: 'case.view', detail: '' },
      { seq: 4, action: 'case.view', detail: '{"member":"山田 太郎"}' },
      { seq: 5, action: 'audit.redact', detail: '{"seqs":[2,3],"reason":"retention"}' },
    ]);
    expect(await verifyAudit(redacted.db)).toMatchObject({ ok: true, rows: 5 });
    await redacted.close();

    expect((await migrator.migrateTo('0005_mail')).error).toBeUndefined();
    const columns = (await store.db.introspection.getTables()).find((t) => t.name === 'audit_log')!.columns.map((c) => c.name);
    expect(columns).toEqual(['seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'detail', 'prev_hash', 'hash']);
    await expect(sql`UPDATE audit_log SET detail = '' WHERE seq = 1`.execute(store.db)).rejects.toThrow(/append-only/);
    await store.close();
  });
});
