// What the domain handlers need from the runtime: the unlocked database, the desk's calendar, the
// clock and the settings. Handlers never hold the desk themselves, so locking really forgets it.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DeskSettings } from '../../contract/index.ts';
import type { DeskCalendar } from '../calendar/index.ts';

export interface DeskContext {
  db(): Kysely<DB>;
  calendar(): Promise<DeskCalendar>;
  /** Call after anything the calendar is built from changed. */
  calendarChanged(): void;
  settings(): Promise<DeskSettings>;
  now(): Date;
  /** Wakes the mail sender after a case change queued an email (automatic acknowledgements). */
  mailQueued?(): void;
}
