// FROZEN: shipped migrations are never edited. A change is a new migration file.
// The PostgreSQL counterparts of db/migrations/0020_outbox_bounced.ts (an outbox state 'bounced') and
// 0022_imported_holidays.ts (the Cabinet Office's holiday list, imported).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE outbox DROP CONSTRAINT outbox_state_check`.execute(db);
  await sql`ALTER TABLE outbox ADD CONSTRAINT outbox_state_check CHECK (state IN ('draft', 'queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled'))`.execute(db);
  await sql`UPDATE outbox SET state = 'bounced' WHERE state = 'failed' AND id IN (SELECT outbox_id FROM outbox_bounces)`.execute(db);
  await sql`CREATE TABLE imported_holidays (
    date text PRIMARY KEY CHECK (date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100 AND year = CAST(substr(date, 1, 4) AS integer)),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    imported_by text NOT NULL,
    imported_at text NOT NULL)`.execute(db);
  await sql`CREATE INDEX imported_holidays_year ON imported_holidays (year)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0003 is not undone on PostgreSQL');
}
