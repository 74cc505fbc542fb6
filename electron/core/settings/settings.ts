// Desk settings live inside the encrypted database, one JSON value per key. Defaults are seeded from
// Article 11 of the privacy policy, so a new desk starts with the company's real contact details.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { ARTICLE_11_DESK, DEFAULT_NOTICE_SETTINGS, DEFAULT_REPLY_TARGET_DAYS, type ContactType, type DeskSettings, keysOf } from '../../contract/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { parseStoredJson } from '../../../db/json.ts';


export const DEFAULT_SETTINGS: DeskSettings = {
  desk: { ...ARTICLE_11_DESK },
  idleLockMinutes: 10,
  defaultLocale: 'ja',
  businessHours: { open: '10:00', close: '18:00' },
  daysByType: { disclosure: 10, correction: 10, suspension: 10 },
  legalMarkWarnDays: 3,
  backup: { folder: null, keep: 10, onLock: true, daily: true },
  notices: DEFAULT_NOTICE_SETTINGS,
};


/** The reply target per inquiry and complaint: the defaults (3 and 5 business days) for a desk made before issue 19. */
export function replyTargetDaysOf(settings: DeskSettings): Record<ContactType, number> {
  return { ...DEFAULT_REPLY_TARGET_DAYS, ...settings.replyTargetDays };
}

export async function readSettings(db: Kysely<DB>): Promise<DeskSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, parseStoredJson(r.value, 'settings.value')]));
  // Must stay: each row is what writeSettings stored for its key (a Partial<DeskSettings> entry); the
  // table is key → JSON text, so the object made from its rows is declared to be what they were written from.
  return { ...DEFAULT_SETTINGS, ...(stored as Partial<DeskSettings>) };
}

export async function writeSettings(
  db: Kysely<DB> | Transaction<DB>,
  changes: Partial<DeskSettings>,
  actor: string | null,
  now: Date = new Date(),
): Promise<void> {
  for (const key of keysOf(changes)) {
    const value = changes[key];
    if (value === undefined) continue;
    const before = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    const json = JSON.stringify(value);
    if (before?.value === json) continue;
    await db
      .insertInto('settings')
      .values({ key, value: json, updated_at: now.toISOString(), updated_by: actor })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now.toISOString(), updated_by: actor }))
      .execute();
    await appendAudit(db, { actor, action: 'settings.update', entity: 'settings', entityId: key, detail: { before: before ? parseStoredJson(before.value, 'settings.value') : null, after: value } }, now);
  }
}
