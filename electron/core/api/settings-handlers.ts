// The desk's settings (core/settings). A change of business hours recomputes every unanswered case's
// deadline in the same transaction; a change of idle-lock time applies to the session at once.
import type { MethodsOf } from '../../contract/index.ts';
import { readSettings, writeSettings } from '../settings/settings.ts';
import { loadDeskCalendar } from '../desk-calendar/store.ts';
import { recomputeOpenCases } from '../desk-calendar/changes.ts';
import type { DeskSession } from '../session/desk-session.ts';
import type { HandlerMap } from './handler.ts';

export function settingsHandlers(session: DeskSession): HandlerMap<MethodsOf<'settings'>> {
  return {
    'settings.get': async () => readSettings(session.desk().store.db),
    'settings.update': async (changes, user) => {
      const db = session.desk().store.db;
      await db.transaction().execute(async (trx) => {
        await writeSettings(trx, changes, user.username, session.now());
        // Business hours decide day 0: every unanswered case is recomputed under the new hours.
        if (changes.businessHours) await recomputeOpenCases(trx, await loadDeskCalendar(trx), user.username, session.now(), { cause: 'business_hours' });
      });
      session.calendarChanged();
      const settings = await readSettings(db);
      session.idleLockChanged(settings.idleLockMinutes);
      session.services.backups.remember(settings);
      if (changes.security) session.services.anchorMail.settingsChanged();
      return settings;
    },
  } satisfies HandlerMap<MethodsOf<'settings'>>;
}
