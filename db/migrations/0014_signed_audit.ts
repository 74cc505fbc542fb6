// FROZEN: shipped migrations are never edited. A change is a new migration file.
// Signed audit rows (issue 14). Each row now carries:
//   detail_hash  SHA-256 (hex) of its detail text: the chain and the signature cover this hash, not the detail,
//                so a retention purge can blank an old row's detail ('') without breaking either;
//   signer       who signed it: the acting person's user name, or '@system' (the desk's own key);
//   signature    Ed25519 over the row hash (base64);
//   public_key   on rows that introduce a signing key (an account's, or the desk's system key): that
//                public key (SPKI DER, base64), so verification reads every key from the log itself.
// Rows written before this migration keep detail_hash NULL and the old chain formula (never redacted).
// The only UPDATE the table still accepts is that redaction: detail set to '' and nothing else changed.
// audit_keys holds the desk's system signing key pair, inside the encrypted file (whoever holds the
// data key holds it, as the recovery slot does); a re-key rotates it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('detail_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('signer', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('signature', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('public_key', 'text').execute();
  await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  await sql`CREATE TRIGGER audit_log_redact_only BEFORE UPDATE ON audit_log
    WHEN NOT (NEW.detail = '' AND OLD.detail_hash IS NOT NULL
      AND NEW.seq IS OLD.seq AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor AND NEW.action IS OLD.action
      AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id AND NEW.prev_hash IS OLD.prev_hash
      AND NEW.hash IS OLD.hash AND NEW.detail_hash IS OLD.detail_hash AND NEW.signer IS OLD.signer
      AND NEW.signature IS OLD.signature AND NEW.public_key IS OLD.public_key)
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only (only a detail may be redacted)'); END`.execute(db);

  await db.schema
    .createTable('audit_keys')
    .addColumn('principal', 'text', (c) => c.primaryKey().check(sql`principal = '@system'`))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_keys').execute();
  await sql`DROP TRIGGER audit_log_redact_only`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  for (const c of ['public_key', 'signature', 'signer', 'detail_hash']) await db.schema.alterTable('audit_log').dropColumn(c).execute();
}
