// FROZEN: shipped migrations are never edited. A change is a new migration file.
// PostgreSQL only (a local desk has one process: nothing to tell). Every committed change to what the
// screens show is announced on the channel `desk_change` (NOTIFY is transactional: delivered at commit,
// never for a rolled-back change), so every PC's open screens can refresh what changed
// (electron/core/shared-desk/change-feed.ts). The payload names a kind and a number only — a case id,
// an outbox or inbox message id — never a name or any other personal data.
import { sql, type Kysely } from 'kysely';

/** table → [kind, the column holding the id the kind is about (null: the kind as a whole)]. */
export const ANNOUNCED: Record<string, [string, string | null]> = {
  cases: ['case', 'id'],
  case_events: ['case', 'case_id'],
  notices: ['case', 'case_id'],
  case_notes: ['case', 'case_id'],
  fee_entries: ['case', 'case_id'],
  identity_checks: ['case', 'case_id'],
  outbox: ['outbox', 'id'],
  inbox_messages: ['inbox', 'id'],
  desk_days: ['calendar', null],
  imported_holidays: ['calendar', null],
  settings: ['settings', null],
  mail_settings: ['settings', null],
  mailbox_settings: ['settings', null],
  accounts: ['accounts', null],
  saved_views: ['views', null],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION desk_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      r jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
      id text := CASE WHEN TG_ARGV[1] IS NULL THEN NULL ELSE r ->> TG_ARGV[1] END;
    BEGIN
      PERFORM pg_notify('desk_change', json_build_object('kind', TG_ARGV[0], 'id', id::integer)::text);
      RETURN NULL;
    END $$`.execute(db);
  for (const [table, [kind, column]] of Object.entries(ANNOUNCED)) {
    const args = column === null ? sql`${sql.lit(kind)}` : sql`${sql.lit(kind)}, ${sql.lit(column)}`;
    await sql`CREATE TRIGGER ${sql.id(`${table}_announce`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION desk_announce_change(${args})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of Object.keys(ANNOUNCED)) await sql`DROP TRIGGER ${sql.id(`${table}_announce`)} ON ${sql.table(table)}`.execute(db);
  await sql`DROP FUNCTION desk_announce_change()`.execute(db);
}
