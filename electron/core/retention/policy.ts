// The retention rule: a closed case keeps its personal data for N years after it closed (a setting,
// 1–10, default 3), unless a legal hold is on it. N years are counted in Japan dates: a case closed on
// 2023-04-10 (Japan) is past retention from 2026-04-10 on.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { DEFAULT_RETENTION_YEARS } from '../../contract/retention.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { japanDateOf, japanMidnightMs } from '../calendar/index.ts';
import type { Db } from '../cases/records.ts';
import { isJsonObject, parseStoredJson } from '../../../db/json.ts';

const KEY = 'retention';

export async function readRetentionYears(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const stored = row ? parseStoredJson(row.value, 'settings.value') : undefined;
  const years = isJsonObject(stored) ? stored.years : undefined;
  return typeof years === 'number' && Number.isInteger(years) && years >= 1 && years <= 10 ? years : DEFAULT_RETENTION_YEARS;
}

export async function writeRetentionYears(db: Kysely<DB>, years: number, actor: string, now: Date): Promise<void> {
  const before = await readRetentionYears(db);
  const json = JSON.stringify({ years });
  await db
    .insertInto('settings')
    .values({ key: KEY, value: json, updated_at: now.toISOString(), updated_by: actor })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now.toISOString(), updated_by: actor }))
    .execute();
  await appendAudit(db, { actor, action: 'settings.update', entity: 'settings', entityId: KEY, detail: { before: { years: before }, after: { years } } }, now);
}

/** The Japan date N years before today (Feb 29 becomes Feb 28): cases closed before it are past retention. */
export function retentionCutoff(now: Date, years: number): string {
  const today = japanDateOf(now);
  const y = Number(today.slice(0, 4)) - years;
  const md = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${y}-${md}`;
}

/** The instant (UTC ISO) the cutoff date begins in Japan: compared with closed_at. */
export const cutoffInstant = (cutoff: string): string => new Date(japanMidnightMs(cutoff)).toISOString();
