// The desk's calendar as stored: its own closures and open days (desk_days) and its business hours and
// N per request type (settings). Turning them into business-day arithmetic is core/calendar's job.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { buildCalendar, type DeskCalendar } from '../calendar/index.ts';
import { readSettings, replyTargetDaysOf } from '../settings/settings.ts';

export interface DeskDayRow {
  date: string;
  kind: 'closed' | 'open';
  reason: string;
  reasonEn: string;
  createdBy: string;
  createdAt: string;
}

export async function listDeskDays(db: Kysely<DB>, year?: number): Promise<DeskDayRow[]> {
  let q = db.selectFrom('desk_days').selectAll().orderBy('date');
  if (year !== undefined) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  const rows = await q.execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind, reason: r.reason, reasonEn: r.reason_en, createdBy: r.created_by, createdAt: r.created_at }));
}

export async function loadDeskCalendar(db: Kysely<DB> | Transaction<DB>): Promise<DeskCalendar> {
  const settings = await readSettings(db);
  const days = await db.selectFrom('desk_days').selectAll().execute();
  const imported = await db.selectFrom('imported_holidays').select(['date', 'name']).orderBy('date').execute();
  return buildCalendar({
    closures: days.filter((d) => d.kind === 'closed').map((d) => ({ date: d.date, reason: d.reason, reasonEn: d.reason_en })),
    openDays: days.filter((d) => d.kind === 'open').map((d) => ({ date: d.date, reason: d.reason, reasonEn: d.reason_en })),
    businessHours: settings.businessHours,
    // Inquiries' and complaints' reply targets count like a request's N (issue 19).
    daysByType: { ...settings.daysByType, ...replyTargetDaysOf(settings) },
  }, { days: imported.map((h) => ({ date: h.date, nameJa: h.name })) });
}

/**
 * The desk's calendar, built once and rebuilt only when what it is built from changes: every
 * deadline on every queue page goes through it.
 */
export class CalendarCache {
  private current: Promise<DeskCalendar> | null = null;

  get(db: Kysely<DB>): Promise<DeskCalendar> {
    if (!this.current) {
      this.current = loadDeskCalendar(db);
      this.current.catch(() => (this.current = null));
    }
    return this.current;
  }

  invalidate(): void {
    this.current = null;
  }
}
